/**
 * Retreats: where a dislodged unit may go, and what happens when the retreat orders are read.
 *
 * A dislodged unit may retreat to an adjacent location it could move to that is empty after the
 * movement, was not left empty by a standoff, and is not the province its attacker came from,
 * unless that attacker was convoyed (DATC 6.H.11, 6.H.12). A standoff makes the whole province
 * unavailable, whatever coast (6.H.16). Two or more retreats to one province all fail and those
 * units are disbanded (6.H.7, 6.H.8); a unit with no retreat order disbands.
 */
import * as mapTables from './map';
import type { DislodgedUnit, OrderOutcome, Unit } from './types';

// Bound once at load: under some module loaders (vitest) imported bindings are getters, too slow for inner loops.
const { armyAdj, fleetAdj, LOC_IDS, locOf, locProvince, NUM_PROVINCES, provinceOf } = mapTables;

/** The legal retreats of a unit at `loc`, given what is occupied after movement and what is off limits. */
export function retreatOptions(
  type: 'A' | 'F',
  loc: string,
  occupied: Uint8Array,
  contested: Uint8Array,
  attackerFrom: number,
  attackerConvoyed: boolean,
): string[] {
  const l = locOf(loc);
  const targets = type === 'A' ? armyAdj[locProvince[l]!]! : fleetAdj[l]!;
  const out: string[] = [];
  for (const t of targets) {
    const p = locProvince[t]!;
    if (occupied[p] || contested[p] || (p === attackerFrom && !attackerConvoyed)) continue;
    out.push(LOC_IDS[t] as string);
  }
  return out.sort();
}

/** Occupancy by province of a list of units. */
export function occupancy(units: readonly Unit[]): Uint8Array {
  const occ = new Uint8Array(NUM_PROVINCES);
  for (const u of units) occ[provinceOf(u.province)] = 1;
  return occ;
}

export interface RetreatOrder {
  /** Index into the dislodged list. */
  unit: number;
  /** Location to retreat to, or null to disband. */
  to: string | null;
}

export interface RetreatOutcome {
  /** The units that retreated, at their new locations. */
  arrived: Unit[];
  /** Per retreat order (same order as given): result and reason. */
  results: { result: OrderOutcome; reason: string }[];
  /** Dislodged units that disband because they had no order. */
  unordered: number[];
}

/** Applies legal retreat orders (at most one per dislodged unit). */
export function resolveRetreats(dislodged: readonly DislodgedUnit[], orders: readonly RetreatOrder[]): RetreatOutcome {
  const wanted = new Map<string, number>();
  for (const o of orders) if (o.to) wanted.set(o.to.slice(0, 3), (wanted.get(o.to.slice(0, 3)) ?? 0) + 1);
  const arrived: Unit[] = [];
  const results = orders.map((o) => {
    const d = dislodged[o.unit]!;
    if (!o.to) return { result: 'succeeds' as const, reason: 'disbanded' };
    if ((wanted.get(o.to.slice(0, 3)) ?? 0) > 1)
      return { result: 'fails' as const, reason: 'bounced: several units retreated there; disbanded' };
    arrived.push({ power: d.power, type: d.type, province: o.to });
    return { result: 'succeeds' as const, reason: 'retreated' };
  });
  const ordered = new Set(orders.map((o) => o.unit));
  const unordered = dislodged.map((_, i) => i).filter((i) => !ordered.has(i));
  return { arrived, results, unordered };
}
