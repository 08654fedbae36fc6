/**
 * The movement rules of orders-check.ts, asked of a typed order (order-keys.ts) instead of an
 * `Order`: is this key, read from a text in the printer's form, legal for unit `u` on this
 * board, and what is its completed key? Used where a phase reads order texts without having
 * listed this board's orders (processPhase on a fresh position), so reading builds no objects.
 *
 * It answers only what it can answer cheaply and exactly; anything else (an illegal order, whose
 * error message the checker writes, or a form orders-legal.ts never prints, such as an army
 * named on a coast or a fleet's move to a split province without one) returns -1, and the
 * caller takes the long way through checkOrder. order-keys.test.ts compares the two on every
 * printed order of many phases and on variants of them never printed, on the board the orders
 * were printed for and on the next one.
 */
import { type Board, convoyPossible, convoyPossibleThrough } from './board';
import * as mapTables from './map';
import * as orderKeys from './order-keys';

// Bound once at load: under some module loaders (vitest) imported bindings are getters, too slow for inner loops.
const { armyAdjBits, fleetAdjBits, fleetLocsOf, fleetReach, locProvince, provinceKind } = mapTables;
const { KIND_INLAND, KIND_SEA, NUM_LOCS, NUM_PROVINCES } = mapTables;
const { K_CONVOY, K_HOLD, K_MOVE, K_SUPPORT, keyA, keyB, keyKind } = orderKeys;
const { LABEL_BY_RANK, LOC_BY_RANK, labelFleet, labelIndex, labelLoc, labelRank, locRank, orderKey } = orderKeys;

/** Can unit `u` move to (so support into) province `p`? Coasts do not matter for supports (DATC 6.B.4). */
function reaches(board: Board, u: number, p: number): boolean {
  return board.fleet[u]
    ? fleetReach[board.loc[u]! * NUM_PROVINCES + p] === 1
    : provinceKind[p] !== KIND_SEA && armyAdjBits[board.prov[u]! * NUM_PROVINCES + p] === 1;
}

/**
 * The completed key of order `k`, written for a unit labelled `label`, given to unit `u` (the
 * unit in that label's province, of the ordering power); -1 when the long way must decide.
 */
export function checkKey(board: Board, u: number, label: number, k: number): number {
  // The unit's type must match; its coast is the board's, whatever the text said (DATC 6.B.10).
  if (labelFleet(label) !== board.fleet[u]) return -1;
  const a = keyA(k);
  const b = keyB(k);
  switch (keyKind(k)) {
    case K_HOLD:
      return k;
    case K_MOVE:
      return checkMove(board, u, LOC_BY_RANK[a]!, b);
    case K_CONVOY:
      return checkConvoy(board, u, LOC_BY_RANK[a]!, LOC_BY_RANK[b]!);
    default:
      return checkSupport(board, u, LABEL_BY_RANK[a]!, b ? LOC_BY_RANK[b - 1]! : -1);
  }
}

function checkMove(board: Board, u: number, dest: number, via: number): number {
  const p = locProvince[dest]!;
  const from = board.prov[u]!;
  if (p === from) return -1;
  if (board.fleet[u]) {
    // Printed fleet moves name the location reached (a coast where the province has two).
    if (via || provinceKind[p] === KIND_INLAND || (dest < NUM_PROVINCES && fleetLocsOf[p]!.length !== 1)) return -1;
    return fleetAdjBits[board.loc[u]! * NUM_LOCS + dest] === 1 ? orderKey(K_MOVE, locRank[dest]!, 0) : -1;
  }
  if (dest >= NUM_PROVINCES || provinceKind[p] === KIND_SEA) return -1;
  // Most army moves go next door without VIA: no convoy route to look for.
  if (armyAdjBits[from * NUM_PROVINCES + p] === 1)
    return orderKey(K_MOVE, locRank[p]!, via && convoyPossible(board, from, p) ? 1 : 0);
  return convoyPossible(board, from, p) ? orderKey(K_MOVE, locRank[p]!, 0) : -1;
}

function checkSupport(board: Board, u: number, targetLabel: number, to: number): number {
  const t = board.at[locProvince[labelLoc(targetLabel)]!]!;
  if (t < 0 || t === u || labelFleet(targetLabel) !== board.fleet[t]) return -1;
  // The completed order names the target as it stands on this board.
  const target = labelRank[labelIndex(board.fleet[t]!, board.loc[t]!)]!;
  if (to < 0) return reaches(board, u, board.prov[t]!) ? orderKey(K_SUPPORT, target, 0) : -1;
  const p = locProvince[to]!;
  if (p === board.prov[u] || p === board.prov[t] || !reaches(board, u, p)) return -1;
  if (board.fleet[t]) {
    if (provinceKind[p] === KIND_INLAND) return -1;
    const options = to >= NUM_PROVINCES ? [to] : fleetLocsOf[p]!;
    if (!options.some((l) => fleetAdjBits[board.loc[t]! * NUM_LOCS + l] === 1)) return -1;
    return orderKey(K_SUPPORT, target, 1 + locRank[to]!);
  }
  if (provinceKind[p] === KIND_SEA) return -1;
  const from = board.prov[t]!;
  // The supporter cannot also be the convoy (DATC 6.D.31), so route without it.
  if (armyAdjBits[from * NUM_PROVINCES + p] !== 1 && !convoyPossible(board, from, p, board.prov[u]!)) return -1;
  return orderKey(K_SUPPORT, target, 1 + locRank[p]!);
}

function checkConvoy(board: Board, u: number, armyAt: number, to: number): number {
  if (!board.fleet[u] || provinceKind[board.prov[u]!] !== KIND_SEA || armyAt >= NUM_PROVINCES) return -1;
  const t = board.at[armyAt]!;
  if (t < 0 || board.fleet[t]) return -1;
  const p = locProvince[to]!;
  return convoyPossibleThrough(board, board.prov[u]!, board.prov[t]!, p) ? orderKey(K_CONVOY, locRank[armyAt]!, locRank[p]!) : -1;
}
