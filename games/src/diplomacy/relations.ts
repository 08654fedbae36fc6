/**
 * What powers did to each other in one movement phase, judged on the orders given: attacks,
 * supports across powers, and whether a structured press commitment was kept. These are the one
 * definitions that the analyzer (over a whole record) and agents (over what they have seen) share.
 *
 * Attack. Power A attacks power B in a movement phase when A orders
 *   - a move into a province that, at the start of the phase, holds a unit of B or is a supply
 *     centre owned by B; or
 *   - a support or a convoy of such a move by a unit that is not B's own.
 * It is judged on the orders given (intent), whatever their result; A ≠ B.
 *
 * Support across powers. A support order by a unit of A for a unit of B (B ≠ A), to hold or to
 * move; B is whoever had a unit in the supported province when the phase opened.
 *
 * Commitments, checked against the sender's orders of the phase:
 * - support ORDER / move ORDER: the sender's unit where ORDER's unit stands was ordered the same
 *   support (same supported province and destination) or the same move (same destination). Not
 *   checkable when ORDER does not parse, is of the other kind, or names a unit the sender lacked.
 * - demilitarise Z: no unit of the sender was ordered into Z, and every unit of the sender in Z
 *   was ordered out of it. Not checkable when Z names no province.
 * - no-attack W: the sender did not attack W. Not checkable when W names no other power.
 */
import { STANDARD_MAP } from './map';
import type { Power } from './map-data';
import { formatOrder, parseOrder } from './orders-parse';
import type { CentreOwner, Order, OrderResult, Unit } from './types';

/** A typed promise in press: support X, move to Y, keep Z demilitarised, no attack on W. */
export type Commitment =
  | { readonly kind: 'support'; readonly order: string }
  | { readonly kind: 'move'; readonly order: string }
  | { readonly kind: 'demilitarise'; readonly province: string }
  | { readonly kind: 'no-attack'; readonly target: number | string };

export interface PhaseOrder extends OrderResult {
  /** The order parsed, or null when its text does not parse (never for engine-accepted orders). */
  order: Order | null;
}

/** One movement phase as the relations read it: the board it opened on and every order given. */
export interface PhaseOrders {
  /** `S1901M`. */
  code: string;
  units: readonly Unit[];
  centres: readonly CentreOwner[];
  orders: readonly PhaseOrder[];
}

export type Verdict = 'kept' | 'broken' | 'not-checkable';
export interface CommitmentVerdict {
  verdict: Verdict;
  reason: string;
}

export interface SupportEvent {
  phase: string;
  from: Power;
  to: Power;
  order: string;
  result: OrderResult['result'];
  reason: string;
  /** Whether the supported unit's own order succeeded as well. */
  helped: boolean;
}

const POWERS: readonly Power[] = STANDARD_MAP.powers;
const PROVINCES = STANDARD_MAP.provinces;

export const provinceOf = (loc: string): string => loc.slice(0, 3).toLowerCase();

/** Builds a phase from the board it opened on and the engine's results (parsing each order once). */
export function phaseOrders(
  code: string,
  units: readonly Unit[],
  centres: readonly CentreOwner[],
  results: readonly OrderResult[],
): PhaseOrders {
  return {
    code,
    units,
    centres,
    orders: results.map((o) => {
      const p = parseOrder(o.text);
      return { ...o, order: p.ok ? p.order : null };
    }),
  };
}

/** Who held each province, and who owned each centre, when the phase opened. */
export interface Territory {
  unitAt: Map<string, Power>;
  ownerOf: Map<string, Power>;
}

const territories = new WeakMap<PhaseOrders, Territory>();

export function territory(phase: PhaseOrders): Territory {
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
function entered(o: Order): { into: string; mover: string } | null {
  if (o.kind === 'move') return { into: provinceOf(o.to), mover: provinceOf(o.unit.loc) };
  if ((o.kind === 'support' && o.to) || o.kind === 'convoy') return { into: provinceOf(o.to!), mover: provinceOf(o.target.loc) };
  return null;
}

/** The orders by which `from` attacks `against` in this phase (see the definition above). */
export function attacks(phase: PhaseOrders, from: Power, against: Power): PhaseOrder[] {
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
export function orderFor(phase: PhaseOrders, power: Power, province: string): PhaseOrder | undefined {
  return phase.orders.find((o) => o.power === power && o.order && 'unit' in o.order && provinceOf(o.order.unit.loc) === province);
}

/** Every cross-power support of one phase. */
export function phaseSupports(phase: PhaseOrders): SupportEvent[] {
  const { unitAt } = territory(phase);
  const events: SupportEvent[] = [];
  for (const o of phase.orders) {
    if (o.order?.kind !== 'support') continue;
    const where = provinceOf(o.order.target.loc);
    const to = unitAt.get(where);
    if (!to || to === o.power) continue;
    const supported = orderFor(phase, to, where);
    events.push({
      phase: phase.code,
      from: o.power,
      to,
      order: o.text,
      result: o.result,
      reason: o.reason,
      helped: supported?.result === 'succeeds',
    });
  }
  return events;
}

/** The power a press `no-attack` target names: a seat number, a seat as text, or a power's name. */
export function powerNamed(target: unknown): Power | null {
  if (typeof target === 'number') return POWERS[target] ?? null;
  if (typeof target !== 'string') return null;
  const t = target.trim().toLowerCase();
  if (/^\d+$/.test(t)) return POWERS[Number(t)] ?? null;
  return POWERS.find((p) => p === t) ?? null;
}

function provinceId(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const t = text.trim().toLowerCase();
  return PROVINCES.find((p) => p.id === provinceOf(t) || p.name.toLowerCase() === t)?.id ?? null;
}

const notCheckable = (reason: string): CommitmentVerdict => ({ verdict: 'not-checkable', reason });
const verdict = (kept: boolean, reason: string): CommitmentVerdict => ({ verdict: kept ? 'kept' : 'broken', reason });

function checkOrder(c: { kind: 'support' | 'move'; order: string }, from: Power, phase: PhaseOrders): CommitmentVerdict {
  const parsed = parseOrder(c.order);
  if (!parsed.ok) return notCheckable(`the order does not parse: ${parsed.error.message}`);
  const want = parsed.order;
  if (want.kind !== c.kind) return notCheckable(`a ${c.kind} commitment names a ${want.kind} order`);
  const at = provinceOf(want.unit.loc);
  if (territory(phase).unitAt.get(at) !== from) return notCheckable(`${from} had no unit in ${at.toUpperCase()}`);
  const given = orderFor(phase, from, at)?.order;
  const same =
    want.kind === 'move'
      ? given?.kind === 'move' && provinceOf(given.to) === provinceOf(want.to)
      : given?.kind === 'support' &&
        provinceOf(given.target.loc) === provinceOf(want.target.loc) &&
        (given.to ? provinceOf(given.to) : null) === (want.to ? provinceOf(want.to) : null);
  return verdict(same, `ordered ${given ? formatOrder(given) : 'nothing'}`);
}

/** Checks one commitment of `from` against the orders of `phase`. */
export function checkCommitment(c: Commitment, from: Power, phase: PhaseOrders): CommitmentVerdict {
  switch (c?.kind) {
    case 'support':
    case 'move':
      return typeof c.order === 'string' ? checkOrder(c, from, phase) : notCheckable('no order text');
    case 'demilitarise': {
      const z = provinceId(c.province);
      if (!z) return notCheckable(`'${String(c.province)}' names no province`);
      const offending = phase.orders.filter((o) => {
        const order = o.order;
        if (o.power !== from || !order || !['hold', 'move', 'support', 'convoy'].includes(order.kind)) return false;
        return order.kind === 'move' ? provinceOf(order.to) === z : 'unit' in order && provinceOf(order.unit.loc) === z;
      });
      return verdict(
        offending.length === 0,
        offending.length ? offending.map((o) => o.text).join('; ') : `nothing in ${z.toUpperCase()}`,
      );
    }
    case 'no-attack': {
      const w = powerNamed(c.target);
      if (!w || w === from) return notCheckable(`'${String(c.target)}' names no other power`);
      const hostile = attacks(phase, from, w);
      return verdict(hostile.length === 0, hostile.length ? hostile.map((o) => o.text).join('; ') : `no attack on ${w}`);
    }
    default:
      return notCheckable(`unknown commitment kind '${String((c as { kind?: unknown })?.kind)}'`);
  }
}
