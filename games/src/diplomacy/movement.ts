/**
 * One movement phase from JSON to JSON: compiles checked orders into the adjudicator's flat
 * arrays, runs it, and turns the outcome back into results with reasons, the new position, and
 * the dislodged units with their retreats. Dislodged units with no legal retreat are disbanded
 * here, at once, so a retreat phase only ever asks a real question.
 */
import { adjudicateMovement, CONVOY, HOLD, MOVE, type MovementInput, movementInput, SUPPORT } from './adjudicate';
import type { Board } from './board';
import * as mapTables from './map';
import type { CheckedOrder } from './orders-check';
import { retreatOptions } from './retreats';
import type { DislodgedUnit, OrderOutcome, Unit } from './types';

// Bound once at load: under some module loaders (vitest) imported bindings are getters, too slow for inner loops.
const { locIndex, locProvince, NUM_PROVINCES, provinceIndex } = mapTables;

export interface MovementResult {
  /** Per unit of the board: what became of its order. */
  results: { result: OrderOutcome; reason: string }[];
  /** The units left on the board, in their new places. */
  units: Unit[];
  /** Dislodged units that may retreat. */
  dislodged: DislodgedUnit[];
  /** Dislodged units with nowhere to go, disbanded. */
  destroyed: Unit[];
}

/** Compiles one (checked, canonical) order per unit, or null for a unit that holds. */
export function compileMovement(board: Board, orders: readonly (CheckedOrder | null)[]): MovementInput {
  const n = board.units.length;
  const m = movementInput(n);
  m.power.set(board.power);
  m.fleet.set(board.fleet);
  m.loc.set(board.loc);
  m.prov.set(board.prov);
  for (let u = 0; u < n; u++) {
    const o = orders[u]?.order;
    if (!o) continue;
    if (o.kind === 'move') {
      m.kind[u] = MOVE;
      m.dest[u] = locIndex(o.to);
      m.via[u] = o.via ? 1 : 0;
    } else if (o.kind === 'support') {
      m.kind[u] = SUPPORT;
      m.target[u] = board.at[provinceIndex(o.target.loc.slice(0, 3))]!;
      m.dest[u] = o.to ? provinceIndex(o.to.slice(0, 3)) : -1;
      m.destCoast[u] = o.to && o.to.length > 3 ? locIndex(o.to) : -1;
    } else if (o.kind === 'convoy') {
      m.kind[u] = CONVOY;
      m.target[u] = board.at[provinceIndex(o.target.loc.slice(0, 3))]!;
      m.dest[u] = provinceIndex(o.to);
    } else m.kind[u] = HOLD;
  }
  return m;
}

export function runMovement(board: Board, orders: readonly (CheckedOrder | null)[]): MovementResult {
  const m = compileMovement(board, orders);
  const out = adjudicateMovement(m);
  const n = m.n;
  const units: Unit[] = [];
  const occupied = new Uint8Array(NUM_PROVINCES);
  const moversWithRoute = new Uint8Array(NUM_PROVINCES);
  const results: MovementResult['results'] = [];
  for (let u = 0; u < n; u++) {
    const unit = board.units[u]!;
    const dislodged = out.dislodgedBy[u]! >= 0;
    const kind = m.kind[u]!;
    if (kind === MOVE && (!out.convoyed[u] || out.route[u] === 1)) moversWithRoute[locProvince[m.dest[u]!]!]!++;
    if (kind === MOVE && out.success[u]) {
      const to = orders[u]!.order as { to: string };
      units.push({ power: unit.power, type: unit.type, province: to.to });
      occupied[locProvince[m.dest[u]!]!] = 1;
    } else if (!dislodged) {
      units.push(unit);
      occupied[m.prov[u]!] = 1;
    }
    results.push(describe(board, orders[u] ?? null, u, kind, out, dislodged));
  }
  // A standoff leaves a province empty although two or more moves with a route tried to enter it.
  // A single failed move cannot leave one (its loss of a head-to-head battle does not, 6.H.9),
  // and a convoyed army that never arrived does not count (6.F.7).
  const contested = new Uint8Array(NUM_PROVINCES);
  for (let p = 0; p < NUM_PROVINCES; p++) contested[p] = moversWithRoute[p]! >= 2 && !occupied[p] ? 1 : 0;
  const dislodged: DislodgedUnit[] = [];
  const destroyed: Unit[] = [];
  for (let u = 0; u < n; u++) {
    const by = out.dislodgedBy[u]!;
    if (by < 0) continue;
    const unit = board.units[u]!;
    const retreats = retreatOptions(unit.type, unit.province, occupied, contested, m.prov[by]!, out.convoyed[by] === 1);
    if (retreats.length) dislodged.push({ ...unit, retreats });
    else destroyed.push(unit);
  }
  return { results, units, dislodged, destroyed };
}

function describe(
  board: Board,
  order: CheckedOrder | null,
  u: number,
  kind: number,
  out: ReturnType<typeof adjudicateMovement>,
  dislodged: boolean,
): { result: OrderOutcome; reason: string } {
  const ok = out.success[u] === 1;
  switch (kind) {
    case MOVE: {
      if (ok) return { result: 'succeeds', reason: out.convoyed[u] ? 'moved by convoy' : 'moved' };
      const why = out.convoyed[u] && out.route[u] !== 1 ? routeFailure(out, u) : 'bounced';
      return { result: 'fails', reason: dislodged ? `${why}; dislodged` : why };
    }
    case SUPPORT:
    case CONVOY: {
      if (out.unmatched[u]) return { result: 'void', reason: unmatchedReason(order) };
      if (ok) return { result: 'succeeds', reason: kind === SUPPORT ? 'given' : 'convoyed' };
      if (dislodged) return { result: 'fails', reason: 'dislodged' };
      const o = order!.order as { target: { loc: string } };
      const target = board.at[provinceIndex(o.target.loc.slice(0, 3))]!;
      if (kind === SUPPORT) {
        return {
          result: 'fails',
          reason: out.convoyed[target] && out.route[target] !== 1 ? `supported move: ${routeFailure(out, target)}` : 'cut',
        };
      }
      if (out.convoyNote[u] === 1) return { result: 'fails', reason: 'the army moved by land' };
      if (out.route[target] === 1) return { result: 'fails', reason: 'not on the convoy route' };
      return { result: 'fails', reason: routeFailure(out, target) };
    }
    default:
      return dislodged ? { result: 'fails', reason: 'dislodged' } : { result: 'succeeds', reason: 'held' };
  }
}

// A module function, not a closure made per unit: describe runs for every unit of every phase.
function routeFailure(out: ReturnType<typeof adjudicateMovement>, mover: number): string {
  return out.route[mover] === 2 ? 'convoy paradox' : 'no convoy route';
}

function unmatchedReason(order: CheckedOrder | null): string {
  const o = order?.order;
  if (o?.kind === 'support') {
    const t = `${o.target.type} ${o.target.loc.toUpperCase()}`;
    return o.to ? `unmatched: ${t} is not ordered to move to ${o.to.toUpperCase()}` : `unmatched: ${t} is moving, not holding`;
  }
  if (o?.kind === 'convoy') return `unmatched: A ${o.target.loc.toUpperCase()} is not moving to ${o.to.toUpperCase()} by convoy`;
  return 'unmatched';
}

/**
 * What the adjudicator decided about every unit of one movement phase, unit by unit in board
 * order, for exports that name outcomes in another program's vocabulary (the Python `diplomacy`
 * package's result labels). Read only: the game's own results keep the reasons above.
 */
export interface MovementFacts {
  units: Unit[];
  kind: ('hold' | 'move' | 'support' | 'convoy')[];
  /** Support and convoy: the unit supported or convoyed (an index into `units`); else -1. */
  target: number[];
  /** Move: the province entered; support: the province it goes into (null for a hold); convoy: where the army lands. */
  into: (string | null)[];
  /** The order did what it was for (see MovementOutcome.success). */
  success: boolean[];
  /** Support: neither cut nor dislodged; convoy: its fleet was not dislodged; move: it went through. */
  decision: boolean[];
  unmatched: boolean[];
  convoyed: boolean[];
  /** Convoyed moves: 1 a route held, 0 none, 2 broken by the paradox rule. */
  route: number[];
  dislodgedBy: number[];
  /** Convoys: 1 the army went by land, 2 this fleet was on no route that carried it. */
  convoyNote: number[];
}

const KIND_NAMES = ['hold', 'move', 'support', 'convoy'] as const;

export function movementFacts(board: Board, orders: readonly (CheckedOrder | null)[]): MovementFacts {
  const m = compileMovement(board, orders);
  const out = adjudicateMovement(m);
  const all = Array.from({ length: m.n }, (_, u) => u);
  const province = (p: number) => (p < 0 ? null : (mapTables.PROVINCE_IDS[p] as string));
  return {
    units: [...board.units],
    kind: all.map((u) => KIND_NAMES[m.kind[u]!]!),
    target: all.map((u) => m.target[u]!),
    into: all.map((u) =>
      m.kind[u] === MOVE ? province(locProvince[m.dest[u]!]!) : m.kind[u] === HOLD ? null : province(m.dest[u]!),
    ),
    success: all.map((u) => out.success[u] === 1),
    decision: all.map((u) => out.decision[u] === 1),
    unmatched: all.map((u) => out.unmatched[u] === 1),
    convoyed: all.map((u) => out.convoyed[u] === 1),
    route: all.map((u) => out.route[u]!),
    dislodgedBy: all.map((u) => out.dislodgedBy[u]!),
    convoyNote: all.map((u) => out.convoyNote[u]!),
  };
}
