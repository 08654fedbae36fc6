/**
 * A board position indexed for the rules code: which unit stands in each province, and which
 * coastal provinces the fleets at sea could link by convoy.
 *
 * Order checking and legal-order generation ask the same two questions thousands of times per
 * phase ("who is in Burgundy?", "could an army in London be convoyed to Norway?"), so a board
 * is built once per phase from the JSON units and answers both in constant time.
 */
import * as mapTables from './map';
import type { MoveTable } from './move-table';
import type { Unit } from './types';

// Bound once at load: under some module loaders (vitest) imported bindings are getters, too slow for inner loops.
const { KIND_SEA, LOC_IDS, locOf, locProvince, NUM_PROVINCES, powerIndexOf, provinceKind, seaNeighbours, seasTouching } =
  mapTables;

export interface Board {
  readonly units: readonly Unit[];
  /** Province → index into `units`, or -1. */
  readonly at: Int16Array;
  readonly loc: Int16Array;
  readonly prov: Uint8Array;
  readonly power: Uint8Array;
  readonly fleet: Uint8Array;
  /** Sea province → convoy component id (-1 without a fleet), for all fleets. */
  readonly seaGroup: Int16Array;
  /** Component id → provinces it touches (flat, NUM_PROVINCES per component). */
  readonly groupTouches: Uint8Array;
  /**
   * Every unit's legal movement orders, once listed (orders-legal.ts). Kept on the board, not in
   * a WeakMap beside it: a WeakMap entry per phase makes every garbage collection slower.
   */
  moveTable?: MoveTable;
}

// Scratch for building a board: typed arrays over 64 bytes live outside V8's heap and cost a
// slow allocation each, so a board is built here and copied into its place in a shared slab.
const scratchAt = new Int16Array(NUM_PROVINCES);
const scratchGroups = emptyConvoyGroups();
/** A board has at most one unit per province. */
const scratchLoc = new Int16Array(NUM_PROVINCES);
const scratchFleet = new Uint8Array(NUM_PROVINCES);
const scratchPower = new Uint8Array(NUM_PROVINCES);

/** Room for the convoy groups of any board, for `fillConvoyGroups`. */
export function emptyConvoyGroups(): ConvoyGroups {
  return { seaGroup: new Int16Array(NUM_PROVINCES), touches: new Uint8Array(NUM_PROVINCES * NUM_PROVINCES), count: 0 };
}
const stack: number[] = [];

// Boards are carved in turn out of slabs of a few kilobytes, about ten boards each: an ArrayBuffer
// per board cost more than the rest of the board together (1-5 us each in a loop making boards;
// each buffer is memory outside the heap that the collector tracks on its own). A board keeps its
// slab alive, so a position kept long holds a few kilobytes rather than a few hundred bytes.
const SLAB_BYTES = 8192;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;

/** The offset of `bytes` fresh bytes (zeroed, 8-aligned) in `slab`, which may be a new one. */
function carve(bytes: number): number {
  if (slabUsed + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(Math.max(SLAB_BYTES, bytes));
    slabUsed = 0;
  }
  const start = slabUsed;
  slabUsed += (bytes + 7) & ~7;
  return start;
}

/**
 * Indexes JSON units. Throws on a unit of an unknown power or on an unknown location, or two units
 * in one province (broken invariants).
 */
export function makeBoard(units: readonly Unit[]): Board {
  const n = units.length;
  const at = scratchAt.fill(-1);
  // Read into scratch first (a board is checked before anything is allocated for it), then
  // copied into one buffer: at and seaGroup (2 bytes per province), loc (2 per unit), then prov,
  // power, fleet (1 per unit) and the groups' touches (1 per province per group).
  const fleets = scratchFleet;
  const locs = scratchLoc;
  const powers = scratchPower;
  for (let i = 0; i < n; i++) {
    const u = units[i]!;
    const l = locOf(u.province);
    if (l < 0) throw new Error(`unknown location '${u.province}'`);
    const power = powerIndexOf(u.power);
    if (power < 0) throw new Error(`unknown power '${u.power}'`);
    powers[i] = power;
    const p = locProvince[l] as number;
    if (at[p] !== -1) throw new Error(`two units in ${LOC_IDS[p]}`);
    at[p] = i;
    locs[i] = l;
    fleets[i] = u.type === 'F' ? 1 : 0;
  }
  const groups = fillConvoyGroups({ at, fleet: fleets }, -1, scratchGroups);
  const wide = 2 * NUM_PROVINCES + n;
  const touched = groups.count * NUM_PROVINCES;
  const start = carve(2 * wide + 3 * n + touched);
  const buffer = slab;
  const board: Board = {
    units,
    at: new Int16Array(buffer, start, NUM_PROVINCES),
    seaGroup: new Int16Array(buffer, start + 2 * NUM_PROVINCES, NUM_PROVINCES),
    loc: new Int16Array(buffer, start + 4 * NUM_PROVINCES, n),
    prov: new Uint8Array(buffer, start + 2 * wide, n),
    power: new Uint8Array(buffer, start + 2 * wide + n, n),
    fleet: new Uint8Array(buffer, start + 2 * wide + 2 * n, n),
    groupTouches: new Uint8Array(buffer, start + 2 * wide + 3 * n, touched),
    moveTable: undefined,
  };
  board.at.set(at);
  board.seaGroup.set(groups.seaGroup);
  board.groupTouches.set(groups.touches.subarray(0, touched));
  board.loc.set(locs.subarray(0, n));
  board.fleet.set(fleets.subarray(0, n));
  board.power.set(powers.subarray(0, n));
  for (let i = 0; i < n; i++) board.prov[i] = locProvince[locs[i]!]!;
  return board;
}

/**
 * The board of `units`, shared with the last call for the same position: a caller that plays
 * several sets of orders on one position (a bot weighing its options, a search, a benchmark)
 * indexes it once. The position is the same if the same list holds the same unit objects with
 * the same fields as when its board was made, so a list or unit changed in place since is
 * indexed afresh. A board is never written once made (its move table, added later, depends on
 * the board alone), so sharing it is safe.
 */
export function boardOf(units: readonly Unit[]): Board {
  const last = lastBoard;
  if (last !== null && last.board.units === units && samePosition(units, last.seen)) return last.board;
  const board = makeBoard(units);
  const seen: (Unit | string)[] = new Array(4 * units.length);
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    seen[4 * i] = u;
    seen[4 * i + 1] = u.power;
    seen[4 * i + 2] = u.type;
    seen[4 * i + 3] = u.province;
  }
  lastBoard = { board, seen };
  return board;
}
/** The last board made by `boardOf`, with each of its units and their fields as they were then. */
let lastBoard: { board: Board; seen: (Unit | string)[] } | null = null;

function samePosition(units: readonly Unit[], seen: readonly (Unit | string)[]): boolean {
  if (seen.length !== 4 * units.length) return false;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const j = 4 * i;
    if (u !== seen[j] || u.power !== seen[j + 1] || u.type !== seen[j + 2] || u.province !== seen[j + 3]) return false;
  }
  return true;
}

/** The sea provinces, in index order; and for each sea, the provinces it touches (seasTouching turned round). */
const SEAS: readonly number[] = Array.from({ length: NUM_PROVINCES }, (_, p) => p).filter((p) => provinceKind[p] === KIND_SEA);
const touchingSea: readonly (readonly number[])[] = Array.from({ length: NUM_PROVINCES }, (_, s) =>
  Array.from({ length: NUM_PROVINCES }, (_, p) => p).filter((p) => seasTouching[p]!.includes(s)),
);

// A module function rather than a closure made per call: legal orders ask for convoy groups per fleet at sea.
function hasFleetAtSea(board: Pick<Board, 'at' | 'fleet'>, exclude: number, p: number): boolean {
  return p !== exclude && provinceKind[p] === KIND_SEA && board.at[p]! >= 0 && board.fleet[board.at[p]!] === 1;
}

export interface ConvoyGroups {
  seaGroup: Int16Array;
  touches: Uint8Array;
  count: number;
}

/**
 * Splits the fleets at sea (leaving out the one in province `exclude`) into connected groups and
 * lists the provinces each group touches: an army in X can be convoyed to Y iff one group touches both.
 */
export function convoyGroups(board: Pick<Board, 'at' | 'fleet'>, exclude: number): ConvoyGroups {
  const g = fillConvoyGroups(board, exclude, scratchGroups);
  return {
    seaGroup: g.seaGroup.slice(),
    touches: g.touches.slice(0, g.count * NUM_PROVINCES),
    count: g.count,
  };
}

/** convoyGroups, written into `out` (its touches sized for any number of groups): no allocation. */
export function fillConvoyGroups(board: Pick<Board, 'at' | 'fleet'>, exclude: number, out: ConvoyGroups): ConvoyGroups {
  const { seaGroup, touches } = out;
  seaGroup.fill(-1);
  let count = 0;
  // Only seas can hold a group's fleets, and only the seas a group holds mark what it touches:
  // a legal-order listing asks this once per fleet at sea, so the loops run over seas, not provinces.
  for (const p of SEAS) {
    if (seaGroup[p] !== -1 || !hasFleetAtSea(board, exclude, p)) continue;
    seaGroup[p] = count;
    stack.push(p);
    while (stack.length) {
      const s = stack.pop() as number;
      for (const q of seaNeighbours[s]!) {
        if (seaGroup[q] === -1 && hasFleetAtSea(board, exclude, q)) {
          seaGroup[q] = count;
          stack.push(q);
        }
      }
    }
    count++;
  }
  touches.fill(0, 0, count * NUM_PROVINCES);
  for (const s of SEAS) {
    const g = seaGroup[s]!;
    if (g < 0) continue;
    for (const p of touchingSea[s]!) touches[g * NUM_PROVINCES + p] = 1;
  }
  out.count = count;
  return out;
}

/** Could fleets at sea (all of them, or all but the one in `exclude`) carry an army from `from` to `to`? */
export function convoyPossible(board: Board, from: number, to: number, exclude = -1): boolean {
  if (from === to || provinceKind[from] === KIND_SEA || provinceKind[to] === KIND_SEA) return false;
  const groups =
    exclude >= 0 && board.at[exclude]! >= 0 && board.fleet[board.at[exclude]!] === 1 && provinceKind[exclude] === KIND_SEA
      ? fillConvoyGroups(board, exclude, scratchGroups)
      : { seaGroup: board.seaGroup, touches: board.groupTouches };
  for (const s of seasTouching[from]!) {
    const g = groups.seaGroup[s]!;
    if (g >= 0 && groups.touches[g * NUM_PROVINCES + to] === 1) return true;
  }
  return false;
}

/** Could the fleet at sea in `through` be part of a convoy from `from` to `to`? */
export function convoyPossibleThrough(board: Board, through: number, from: number, to: number): boolean {
  const g = board.seaGroup[through]!;
  return (
    g >= 0 &&
    from !== to &&
    provinceKind[from] !== KIND_SEA &&
    provinceKind[to] !== KIND_SEA &&
    board.groupTouches[g * NUM_PROVINCES + from] === 1 &&
    board.groupTouches[g * NUM_PROVINCES + to] === 1
  );
}

/** `A PAR`, `F STP/SC`: a unit as orders name it. */
export function unitLabel(board: Board, u: number): string {
  return `${board.fleet[u] ? 'F' : 'A'} ${(LOC_IDS[board.loc[u]!] as string).toUpperCase()}`;
}
