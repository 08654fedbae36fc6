/**
 * One movement phase from JSON to JSON: compiles checked orders into the adjudicator's flat
 * arrays, runs it, and turns the outcome back into results with reasons, the new position, and
 * the dislodged units with their retreats. Dislodged units with no legal retreat are disbanded
 * here, at once, so a retreat phase only ever asks a real question.
 */
import {
  adjudicateMovement,
  CONVOY,
  HOLD,
  MOVE,
  type MovementInput,
  type MovementOutcome,
  movementInput,
  SUPPORT,
} from './adjudicate';
import type { Board } from './board';
import * as mapTables from './map';
import * as orderKeys from './order-keys';
import type { CheckedOrder } from './orders-check';
import { retreatOptions } from './retreats';
import type { DislodgedUnit, OrderOutcome, Unit } from './types';

// Bound once at load: under some module loaders (vitest) imported bindings are getters, too slow for inner loops.
const { LOC_IDS, locProvince, NUM_LOCS, NUM_PROVINCES } = mapTables;
const { K_CONVOY, K_MOVE, K_SUPPORT, keyA, keyB, keyKind, keyOfOrder, LABEL_BY_RANK, LABEL_TEXT, LOC_BY_RANK, labelLoc } =
  orderKeys;

export interface MovementResult {
  /** Per unit of the board: what became of its order. */
  results: { readonly result: OrderOutcome; readonly reason: string }[];
  /** The units left on the board, in their new places, sorted by province. */
  units: Unit[];
  /** Dislodged units that may retreat. */
  dislodged: DislodgedUnit[];
  /** Dislodged units with nowhere to go, disbanded. */
  destroyed: Unit[];
}

/** Compiles one (checked, canonical) order per unit, or null for a unit that holds. */
export function compileMovement(board: Board, orders: readonly (CheckedOrder | null)[]): MovementInput {
  return compileKeys(board, keysOf(board, orders), movementInput(board.units.length));
}

/** Each unit's typed order (order-keys.ts), -1 for a unit that holds. */
export function keysOf(board: Board, orders: readonly (CheckedOrder | null)[]): Int32Array {
  const keys = new Int32Array(board.units.length).fill(-1);
  for (let u = 0; u < keys.length; u++) {
    const o = orders[u]?.order;
    if (o) keys[u] = keyOfOrder(o);
  }
  return keys;
}

/** Writes the adjudicator's input for one typed order per unit (-1 holds) into `m`, sized for the board. */
function compileKeys(board: Board, keys: Int32Array, m: MovementInput): MovementInput {
  const n = board.units.length;
  m.n = n;
  m.power.set(board.power);
  m.fleet.set(board.fleet);
  m.loc.set(board.loc);
  m.prov.set(board.prov);
  for (let u = 0; u < n; u++) {
    const k = keys[u]!;
    m.kind[u] = HOLD;
    m.dest[u] = -1;
    m.destCoast[u] = -1;
    m.target[u] = -1;
    m.via[u] = 0;
    if (k < 0) continue;
    const a = keyA(k);
    const b = keyB(k);
    switch (keyKind(k)) {
      case K_MOVE:
        m.kind[u] = MOVE;
        m.dest[u] = LOC_BY_RANK[a]!;
        m.via[u] = b;
        break;
      case K_SUPPORT: {
        m.kind[u] = SUPPORT;
        m.target[u] = board.at[locProvince[labelLoc(LABEL_BY_RANK[a]!)]!]!;
        const to = b ? LOC_BY_RANK[b - 1]! : -1;
        m.dest[u] = to < 0 ? -1 : locProvince[to]!;
        m.destCoast[u] = to >= NUM_PROVINCES ? to : -1;
        break;
      }
      case K_CONVOY:
        m.kind[u] = CONVOY;
        m.target[u] = board.at[locProvince[LOC_BY_RANK[a]!]!]!;
        m.dest[u] = locProvince[LOC_BY_RANK[b]!]!;
        break;
    }
  }
  return m;
}

// The adjudicator's input and the province tables below are reused by every phase (adjudication
// is synchronous): typed arrays of this size are slow allocations outside V8's heap.
const scratchInput = movementInput(NUM_PROVINCES);
const scratchOccupied = new Uint8Array(NUM_PROVINCES);
const scratchMovers = new Uint8Array(NUM_PROVINCES);
const scratchContested = new Uint8Array(NUM_PROVINCES);
/** The unit standing in each province after the moves, read in province order: the new position comes out sorted. */
const scratchPlaced: (Unit | null)[] = new Array(NUM_PROVINCES).fill(null);

/** Adjudicates one typed order per unit of `board` (-1 holds): results, the new position, retreats. */
export function runMovement(board: Board, keys: Int32Array): MovementResult {
  const m = compileKeys(board, keys, scratchInput);
  const out = adjudicateMovement(m);
  const n = m.n;
  const placed = scratchPlaced;
  const results: MovementResult['results'] = [];
  let anyDislodged = false;
  for (let u = 0; u < n; u++) {
    const unit = board.units[u]!;
    const dislodged = out.dislodgedBy[u]! >= 0;
    if (m.kind[u] === MOVE && out.success[u]) {
      placed[locProvince[m.dest[u]!]!] = { power: unit.power, type: unit.type, province: LOC_IDS[m.dest[u]!]! };
    } else if (!dislodged) placed[m.prov[u]!] = unit;
    else anyDislodged = true;
    results.push(describe(m, keys[u]!, u, out, dislodged));
  }
  // Provinces are unique on a board and their ids sort as their indices, so province order is
  // the order a sort by province gives.
  const units: Unit[] = [];
  const occupied = scratchOccupied;
  for (let p = 0; p < NUM_PROVINCES; p++) {
    // Tested against null, not for truth: truth asks for the object's map, a load from a unit
    // object that is often out of cache.
    const unit = placed[p] as Unit | null;
    occupied[p] = unit === null ? 0 : 1;
    if (unit !== null) {
      units.push(unit);
      placed[p] = null;
    }
  }
  if (!anyDislodged) return { results, units, dislodged: [], destroyed: [] };
  return { results, units, ...retreatsAfter(board, m, out, occupied) };
}

/** The dislodged units of a movement phase: those that may retreat, with where to, and those with nowhere to go. */
function retreatsAfter(board: Board, m: MovementInput, out: MovementOutcome, occupied: Uint8Array) {
  // A standoff leaves a province empty although two or more moves with a route tried to enter it.
  // A single failed move cannot leave one (its loss of a head-to-head battle does not, 6.H.9),
  // and a convoyed army that never arrived does not count (6.F.7).
  const moversWithRoute = scratchMovers.fill(0);
  for (let u = 0; u < m.n; u++)
    if (m.kind[u] === MOVE && (!out.convoyed[u] || out.route[u] === 1)) moversWithRoute[locProvince[m.dest[u]!]!]!++;
  const contested = scratchContested;
  for (let p = 0; p < NUM_PROVINCES; p++) contested[p] = moversWithRoute[p]! >= 2 && !occupied[p] ? 1 : 0;
  const dislodged: DislodgedUnit[] = [];
  const destroyed: Unit[] = [];
  for (let u = 0; u < m.n; u++) {
    const by = out.dislodgedBy[u]!;
    if (by < 0) continue;
    const unit = board.units[u]!;
    const retreats = retreatOptions(unit.type, unit.province, occupied, contested, m.prov[by]!, out.convoyed[by] === 1);
    if (retreats.length) dislodged.push({ ...unit, retreats });
    else destroyed.push(unit);
  }
  return { dislodged, destroyed };
}

type Described = { readonly result: OrderOutcome; readonly reason: string };
// The common outcomes are shared constants: describe runs for every unit of every phase.
const HELD: Described = { result: 'succeeds', reason: 'held' };
const MOVED: Described = { result: 'succeeds', reason: 'moved' };
const BOUNCED: Described = { result: 'fails', reason: 'bounced' };
const DISLODGED: Described = { result: 'fails', reason: 'dislodged' };
const GIVEN: Described = { result: 'succeeds', reason: 'given' };
const CUT: Described = { result: 'fails', reason: 'cut' };

function describe(
  m: MovementInput,
  key: number,
  u: number,
  out: ReturnType<typeof adjudicateMovement>,
  dislodged: boolean,
): Described {
  const ok = out.success[u] === 1;
  const kind = m.kind[u]!;
  switch (kind) {
    case MOVE: {
      if (ok) return out.convoyed[u] ? { result: 'succeeds', reason: 'moved by convoy' } : MOVED;
      if (!dislodged && !(out.convoyed[u] && out.route[u] !== 1)) return BOUNCED;
      const why = out.convoyed[u] && out.route[u] !== 1 ? routeFailure(out, u) : 'bounced';
      return { result: 'fails', reason: dislodged ? `${why}; dislodged` : why };
    }
    case SUPPORT:
    case CONVOY: {
      if (out.unmatched[u]) return unmatchedOutcome(key);
      if (ok) return kind === SUPPORT ? GIVEN : { result: 'succeeds', reason: 'convoyed' };
      if (dislodged) return DISLODGED;
      const target = m.target[u]!;
      if (kind === SUPPORT) {
        return out.convoyed[target] && out.route[target] !== 1
          ? { result: 'fails', reason: `supported move: ${routeFailure(out, target)}` }
          : CUT;
      }
      if (out.convoyNote[u] === 1) return { result: 'fails', reason: 'the army moved by land' };
      if (out.route[target] === 1) return { result: 'fails', reason: 'not on the convoy route' };
      return { result: 'fails', reason: routeFailure(out, target) };
    }
    default:
      return dislodged ? DISLODGED : HELD;
  }
}

// A module function, not a closure made per unit: describe runs for every unit of every phase.
function routeFailure(out: ReturnType<typeof adjudicateMovement>, mover: number): string {
  return out.route[mover] === 2 ? 'convoy paradox' : 'no convoy route';
}

/**
 * The outcome of a support or convoy (typed order `key`) that matched no order, its reason read
 * from the key (no order object is built). Random and careless play leave most supports
 * unmatched, so each outcome is written once per key and kept in a table indexed by the key's
 * two ranks: a lookup by index, where a Map keyed by number cost a hash and a probe per unit.
 */
function unmatchedOutcome(key: number): Described {
  const slot =
    keyKind(key) === K_SUPPORT ? keyA(key) * (NUM_LOCS + 1) + keyB(key) : SUPPORT_SLOTS + keyA(key) * NUM_LOCS + keyB(key);
  let outcome = unmatchedOutcomes[slot];
  if (outcome === undefined) {
    outcome = { result: 'void', reason: writeUnmatchedReason(key) };
    unmatchedOutcomes[slot] = outcome;
  }
  return outcome;
}
// Supports first (target label rank, below 2 * NUM_LOCS, by 0 for a hold or 1 + destination
// rank), then convoys (army rank by destination rank): a fixed size the map sets, some twenty
// thousand slots, whatever the orders.
const SUPPORT_SLOTS = 2 * NUM_LOCS * (NUM_LOCS + 1);
const unmatchedOutcomes: (Described | undefined)[] = new Array(SUPPORT_SLOTS + NUM_LOCS * NUM_LOCS).fill(undefined);

function writeUnmatchedReason(key: number): string {
  const a = keyA(key);
  const b = keyB(key);
  if (keyKind(key) === K_SUPPORT) {
    const t = LABEL_TEXT[LABEL_BY_RANK[a]!]!;
    return b
      ? `unmatched: ${t} is not ordered to move to ${LOC_TEXT[LOC_BY_RANK[b - 1]!]}`
      : `unmatched: ${t} is moving, not holding`;
  }
  if (keyKind(key) === K_CONVOY)
    return `unmatched: A ${LOC_TEXT[LOC_BY_RANK[a]!]} is not moving to ${LOC_TEXT[LOC_BY_RANK[b]!]} by convoy`;
  return 'unmatched';
}

const LOC_TEXT = LOC_IDS.map((id) => id.toUpperCase());

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

export function movementFacts(board: Board, keys: Int32Array): MovementFacts {
  const m = compileKeys(board, keys, movementInput(board.units.length));
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
