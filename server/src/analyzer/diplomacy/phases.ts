/**
 * The shared ground of the Diplomacy measures: a match record replayed through the engine into
 * its movement phases, each with the board it started from and every order with the engine's
 * result, plus the one definition of an attack that alliances, betrayals and promises share.
 *
 * Attack. Power A attacks power B in a movement phase when A orders
 *   - a move into a province that, at the start of the phase, holds a unit of B or is a supply
 *     centre owned by B; or
 *   - a support or a convoy of such a move by a unit that is not B's own.
 * It is judged on the orders given (intent), whatever their result; A ≠ B.
 */
import { Diplomacy, diplomacy } from '@parley/games';
import type { MatchRecord } from '../../runtime/record';

export type Power = Diplomacy.Power;
export const POWERS: readonly Power[] = Diplomacy.STANDARD_MAP.powers;

export interface PhaseOrder extends Diplomacy.OrderResult {
  /** The order parsed, or null when its text does not parse (never for engine-accepted orders). */
  order: Diplomacy.Order | null;
}

export interface MovementPhase {
  /** `S1901M`: the engine's turn key. */
  code: string;
  /** Position among the match's movement phases, from 0. */
  index: number;
  /** Actions applied before the phase opened, and before it closed (message `seq`s fall in between). */
  startSeq: number;
  endSeq: number;
  /** The board when the phase opened. */
  units: Diplomacy.Unit[];
  centres: Diplomacy.CentreOwner[];
  orders: PhaseOrder[];
}

export const provinceOf = (loc: string): string => loc.slice(0, 3).toLowerCase();
export const phaseCode = (p: Diplomacy.Phase): string => `${p.season[0]!.toUpperCase()}${p.year}${p.type[0]!.toUpperCase()}`;

/** Replays the record (every action validated) and returns its movement phases in order. */
export function movementPhases(record: MatchRecord): MovementPhase[] {
  if (record.game !== 'diplomacy') throw new Error(`not a Diplomacy record (game '${record.game}')`);
  const parsed = diplomacy.descriptor.parseParams(record.params);
  if (!parsed.ok) throw new Error(`bad params: ${parsed.error.message}`);
  let state: Diplomacy.DiplomacyState = diplomacy.newInitialState(parsed.params);
  let start = { state, seq: 0 };
  const out: MovementPhase[] = [];
  record.actions.forEach(({ seq, actor, action }, i) => {
    const error = diplomacy.validateAction(state, actor, action);
    if (error) throw new Error(`action ${seq} '${action}' by ${actor}: ${error.code}: ${error.message}`);
    state = diplomacy.applyAction(state, actor, action);
    if (state.lastPhase === start.state.lastPhase) return;
    const opened = start.state;
    if (opened.phase.type === 'movement') {
      out.push({
        code: phaseCode(opened.phase),
        index: out.length,
        startSeq: start.seq,
        endSeq: i + 1,
        units: opened.units,
        centres: opened.centres,
        orders: state.lastPhase!.orders.map((o) => {
          const p = Diplomacy.parseOrder(o.text);
          return { ...o, order: p.ok ? p.order : null };
        }),
      });
    }
    start = { state, seq: i + 1 };
  });
  return out;
}

/** Who held each province, and who owned each centre, when the phase opened. */
export interface Territory {
  unitAt: Map<string, Power>;
  ownerOf: Map<string, Power>;
}

const territories = new WeakMap<MovementPhase, Territory>();

export function territory(phase: MovementPhase): Territory {
  let t = territories.get(phase);
  if (!t) {
    t = {
      unitAt: new Map(phase.units.map((u) => [provinceOf(u.province), u.power])),
      ownerOf: new Map(phase.centres.map((c) => [c.province, c.power])),
    };
    territories.set(phase, t);
  }
  return t;
}

/** The province an order would take its unit (or the supported / convoyed unit) into, if it is one of those. */
function entered(o: Diplomacy.Order): { into: string; mover: string } | null {
  if (o.kind === 'move') return { into: provinceOf(o.to), mover: provinceOf(o.unit.loc) };
  if ((o.kind === 'support' && o.to) || o.kind === 'convoy') return { into: provinceOf(o.to!), mover: provinceOf(o.target.loc) };
  return null;
}

/** The orders by which `from` attacks `against` in this phase (see the definition above). */
export function attacks(phase: MovementPhase, from: Power, against: Power): PhaseOrder[] {
  if (from === against) return [];
  const { unitAt, ownerOf } = territory(phase);
  return phase.orders.filter((o) => {
    if (o.power !== from || !o.order) return false;
    const e = entered(o.order);
    if (!e || (o.order.kind !== 'move' && unitAt.get(e.mover) === against)) return false;
    return unitAt.get(e.into) === against || ownerOf.get(e.into) === against;
  });
}

/** The order `power` gave to its unit in `province` this phase, if any. */
export function orderFor(phase: MovementPhase, power: Power, province: string): PhaseOrder | undefined {
  return phase.orders.find((o) => o.power === power && o.order && 'unit' in o.order && provinceOf(o.order.unit.loc) === province);
}

/** The power a press `no-attack` target names: a seat number, a seat as text, or a power's name. */
export function powerNamed(target: unknown): Power | null {
  if (typeof target === 'number') return POWERS[target] ?? null;
  if (typeof target !== 'string') return null;
  const t = target.trim().toLowerCase();
  if (/^\d+$/.test(t)) return POWERS[Number(t)] ?? null;
  return POWERS.find((p) => p === t) ?? null;
}

/** Adds counts field by field: per-power tallies summed per agent name. */
export function byAgent<T extends Record<string, number>>(
  record: MatchRecord,
  perPower: Record<Power, T>,
  zero: () => T,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const { seat, agent } of record.seats) {
    const from = perPower[POWERS[seat]!];
    out[agent] ??= zero();
    const into = out[agent];
    for (const k of Object.keys(from) as (keyof T)[]) (into[k] as number) += from[k] as number;
  }
  return out;
}

export const perPowerOf = <T>(make: () => T): Record<Power, T> =>
  Object.fromEntries(POWERS.map((p) => [p, make()])) as Record<Power, T>;
