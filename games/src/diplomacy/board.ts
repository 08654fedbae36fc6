/**
 * A board position indexed for the rules code: which unit stands in each province, and which
 * coastal provinces the fleets at sea could link by convoy.
 *
 * Order checking and legal-order generation ask the same two questions thousands of times per
 * phase ("who is in Burgundy?", "could an army in London be convoyed to Norway?"), so a board
 * is built once per phase from the JSON units and answers both in constant time.
 */
import * as mapTables from './map';
import type { Unit } from './types';

// Bound once at load: under some module loaders (vitest) imported bindings are getters, too slow for inner loops.
const { KIND_SEA, LOC_IDS, locIndex, locProvince, NUM_PROVINCES, POWER_INDEX, provinceKind, seaNeighbours, seasTouching } =
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
}

/** Indexes JSON units. Throws on a unit on an unknown location or two units in one province (broken invariants). */
export function makeBoard(units: readonly Unit[]): Board {
  const n = units.length;
  const at = new Int16Array(NUM_PROVINCES).fill(-1);
  const loc = new Int16Array(n);
  const prov = new Uint8Array(n);
  const power = new Uint8Array(n);
  const fleet = new Uint8Array(n);
  units.forEach((u, i) => {
    const l = locIndex(u.province);
    if (l < 0) throw new Error(`unknown location '${u.province}'`);
    const p = locProvince[l] as number;
    if (at[p] !== -1) throw new Error(`two units in ${LOC_IDS[p]}`);
    at[p] = i;
    loc[i] = l;
    prov[i] = p;
    power[i] = POWER_INDEX[u.power];
    fleet[i] = u.type === 'F' ? 1 : 0;
  });
  const board = { units, at, loc, prov, power, fleet, seaGroup: new Int16Array(0), groupTouches: new Uint8Array(0) };
  const groups = convoyGroups(board, -1);
  return { ...board, seaGroup: groups.seaGroup, groupTouches: groups.touches };
}

// A module function rather than a closure made per call: legal orders ask for convoy groups per fleet at sea.
function hasFleetAtSea(board: Pick<Board, 'at' | 'fleet'>, exclude: number, p: number): boolean {
  return p !== exclude && provinceKind[p] === KIND_SEA && board.at[p]! >= 0 && board.fleet[board.at[p]!] === 1;
}

/**
 * Splits the fleets at sea (leaving out the one in province `exclude`) into connected groups and
 * lists the provinces each group touches: an army in X can be convoyed to Y iff one group touches both.
 */
export function convoyGroups(
  board: Pick<Board, 'at' | 'fleet'>,
  exclude: number,
): { seaGroup: Int16Array; touches: Uint8Array; count: number } {
  const seaGroup = new Int16Array(NUM_PROVINCES).fill(-1);
  let count = 0;
  const stack: number[] = [];
  for (let p = 0; p < NUM_PROVINCES; p++) {
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
  const touches = new Uint8Array(count * NUM_PROVINCES);
  for (let p = 0; p < NUM_PROVINCES; p++) {
    for (const s of seasTouching[p]!) if (seaGroup[s]! >= 0) touches[seaGroup[s]! * NUM_PROVINCES + p] = 1;
  }
  return { seaGroup, touches, count };
}

/** Could fleets at sea (all of them, or all but the one in `exclude`) carry an army from `from` to `to`? */
export function convoyPossible(board: Board, from: number, to: number, exclude = -1): boolean {
  if (from === to || provinceKind[from] === KIND_SEA || provinceKind[to] === KIND_SEA) return false;
  const groups =
    exclude >= 0 && board.at[exclude]! >= 0 && board.fleet[board.at[exclude]!] === 1 && provinceKind[exclude] === KIND_SEA
      ? convoyGroups(board, exclude)
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
