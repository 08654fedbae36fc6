/**
 * `adjudicateCase`: one phase adjudicated outside any game, in the shape of the DATC data
 * (a position, a phase, orders as text) — what `parley diplomacy adjudicate` runs per line.
 *
 * A retreat case gives its dislodged units with the province each attacker came from (and
 * whether it came by convoy) and the provinces left empty by standoffs; the legal retreats are
 * worked out from those. `supplyCenters` lists owned centres; any other is unowned. The output
 * holds the position after the phase: units (without dislodged ones), dislodged units that can
 * retreat (with their retreats; units with none were disbanded), centre ownership (changed only
 * at the end of a fall turn), and the next phase to be played.
 */
import { z } from 'zod';
import { type ActionError, actionError } from '../core/game';
import { locIndex, POWERS, provinceIndex } from './map';
import { occupancy, retreatOptions } from './retreats';
import { processPhase, sortUnits, type Turn } from './turn';
import type { CentreOwner, DislodgedUnit, OrderResult, Phase, Unit } from './types';

const location = z.string().refine((s) => locIndex(s.toLowerCase()) >= 0, 'unknown location');
const power = z.enum(POWERS);
const unit = z.object({ power, type: z.enum(['A', 'F']), province: location });

const caseSchema = z.object({
  phase: z.object({
    season: z.enum(['spring', 'fall', 'winter']),
    year: z.number().int(),
    type: z.enum(['movement', 'retreat', 'adjustment']),
  }),
  units: z.array(unit),
  dislodged: z
    .array(
      unit.extend({
        attackerFrom: location.optional(),
        attackerViaConvoy: z.boolean().optional(),
        retreats: z.array(location).optional(),
      }),
    )
    .optional(),
  bouncedDestinations: z.array(location).optional(),
  supplyCenters: z.array(z.object({ power, province: location })).optional(),
  orders: z.array(z.object({ power: z.string(), text: z.string() })),
});

export type CaseInput = z.input<typeof caseSchema>;

export interface CaseOutput {
  orders: OrderResult[];
  units: Unit[];
  dislodged: DislodgedUnit[];
  supplyCenters: CentreOwner[];
  nextPhase: Phase;
}

/** Checks the shape of a case (e.g. one line of the CLI's input). */
export function parseCase(raw: unknown): { ok: true; input: CaseInput } | { ok: false; error: ActionError } {
  const r = caseSchema.safeParse(raw);
  if (r.success) return { ok: true, input: r.data };
  const problems = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  return { ok: false, error: actionError('case/invalid', problems) };
}

const lower = (u: Unit): Unit => ({ power: u.power, type: u.type, province: u.province.toLowerCase() });

/** Adjudicates one phase of a DATC-shaped case. Throws on a malformed position (two units in a province, …). */
export function adjudicateCase(input: CaseInput): CaseOutput {
  const units = input.units.map(lower);
  const occupied = occupancy(units);
  const contested = occupancy((input.bouncedDestinations ?? []).map((p) => ({ power: 'austria', type: 'A', province: p })));
  const dislodged: DislodgedUnit[] = (input.dislodged ?? []).map((d) => {
    const u = lower(d);
    const retreats =
      d.retreats?.map((r) => r.toLowerCase()) ??
      retreatOptions(
        u.type,
        u.province,
        occupied,
        contested,
        d.attackerFrom ? provinceIndex(d.attackerFrom.toLowerCase().slice(0, 3)) : -1,
        d.attackerViaConvoy === true,
      );
    return { ...u, retreats };
  });
  const turn: Turn = {
    phase: input.phase,
    units: sortUnits(units),
    dislodged: sortUnits(dislodged),
    centres: (input.supplyCenters ?? []).map((c) => ({ power: c.power, province: c.province.toLowerCase() })),
  };
  const report = processPhase(turn, input.orders);
  return {
    orders: report.results,
    units: report.next.units,
    dislodged: report.next.dislodged,
    supplyCenters: report.next.centres,
    nextPhase: report.next.phase,
  };
}
