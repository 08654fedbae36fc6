/**
 * Every legal order, grouped per unit: what bots choose from, what prompts list and what a UI
 * offers. The list is complete in the sense of orders-check.ts (each listed order passes it, and
 * every legal order is listed) with one deliberate narrowing: a support of a fleet's move into a
 * split province is listed with the coast the move names (`F LYO S F MAO - SPA/SC`), mirroring the
 * move orders; the coastless form, which supports a move to either coast, is accepted too.
 *
 * Convoys are listed along chains of the fleets now at sea, whoever owns them: `F NTH C A LON - NWY`
 * for each army and coastal destination a fleet's chain touches, and for an army each province
 * such a chain could carry it to (`A LON - NWY`; `A LON - BEL VIA` where Belgium is also next door).
 */
import { type Board, emptyConvoyGroups, fillConvoyGroups, unitLabel } from './board';
import * as mapTables from './map';
import * as orderKeys from './order-keys';
import type { CheckedOrder, PhaseContext } from './orders-check';
import type { Power } from './types';

// Bound once at load: under some module loaders (vitest) imported bindings are getters, too slow for inner loops.
const {
  armyAdj,
  armyAdjBits,
  fleetAdj,
  fleetLocsOf,
  fleetReachList,
  homeCentres,
  KIND_COASTAL,
  KIND_SEA,
  LOC_IDS,
  locProvince,
  NUM_PROVINCES,
  POWER_INDEX,
  PROVINCE_IDS,
  provinceKind,
  seasTouching,
} = mapTables;
const {
  decodeOrderText,
  idKey,
  idLabel,
  K_CONVOY,
  K_HOLD,
  K_MOVE,
  K_SUPPORT,
  KEY_SPAN,
  LABEL_TEXT,
  labelIndex,
  labelLoc,
  labelRank,
  locRank,
  orderKey,
  orderOfKey,
  orderText,
} = orderKeys;

export interface OrderGroup {
  /** The unit ordered (`A PAR`), or null for a power's builds or disbands. */
  unit: string | null;
  /** The slot the orders fill: the unit's province, or `builds` / `disbands` in winter. */
  slot: string;
  /**
   * How many of `orders` to choose: 1 per unit; in winter, the number of builds allowed (WAIVE may
   * repeat, other builds may not share a province) or of disbands required (all different).
   */
  choose: number;
  /** Legal orders, sorted. */
  orders: string[];
}

const LOC_TEXT = LOC_IDS.map((id) => id.toUpperCase());
const LOC = (l: number) => LOC_TEXT[l] as string;
const PROV = LOC;
/**
 * Sorts orders in `compareActions` order. Order texts never end in a digit, and for such strings
 * `compareActions` is plain code-unit order, which the default sort gives much faster.
 */
export const sortOrders = (orders: string[]): string[] => orders.sort();

/** The provinces each convoy group touches, as lists. */
function touchedLists(groups: { touches: Uint8Array; count: number }): number[][] {
  const lists: number[][] = [];
  for (let g = 0; g < groups.count; g++) {
    const list: number[] = [];
    for (let p = 0; p < NUM_PROVINCES; p++) if (groups.touches[g * NUM_PROVINCES + p] === 1) list.push(p);
    lists.push(list);
  }
  return lists;
}

interface Groups {
  seaGroup: Int16Array;
  lists: number[][];
}

/** Does some convoy group touch both coastal provinces `p` and `q`? */
function groupLinks(groups: { seaGroup: Int16Array; touches: Uint8Array }, p: number, q: number): boolean {
  for (const s of seasTouching[p]!) {
    const g = groups.seaGroup[s]!;
    if (g >= 0 && groups.touches[g * NUM_PROVINCES + q] === 1) return true;
  }
  return false;
}

// --- movement orders, as keys (order-keys.ts) --------------------------------------------------
//
// Every unit's list is built in one pass per board: the moves into each province are gathered
// first (a support of a move is the mover's label and destination), then each unit's keys are
// written into one flat buffer, sorted and made unique in place, and turned into interned texts.

/** Every unit's legal movement orders on one board, built once per phase. */
export interface MoveTable {
  /** Per unit: its label text (`A PAR`). */
  labels: string[];
  /** Unit `u`'s sorted, unique keys are `keys[start[u]]` up to `keys[start[u + 1]]`. */
  start: number[];
  keys: number[];
  /** Per unit: the same orders as text, sorted. */
  orders: string[][];
}

// Scratch for one table build (synchronous, so one set serves every board). Bounds: a unit has at
// most 75 moves, so 34 units make far fewer than MAX_MOVES moves; a unit's keys (a hold, its
// moves, a support per neighbour and mover, a chain's convoys) stay far below MAX_KEYS in all.
const MAX_MOVES = 1 << 13;
/** Room one unit's keys may need before sorting: a hold, 75 moves, supports, and at most 75 × 75 convoys. */
const UNIT_KEYS_MAX = 1 << 13;
const intoHead = new Int16Array(NUM_PROVINCES);
const intoNext = new Int16Array(MAX_MOVES);
const moverUnit = new Int16Array(MAX_MOVES);
const moverSupport = new Int32Array(MAX_MOVES);
const moverConvoyOnly = new Uint8Array(MAX_MOVES);
const ownStart = new Int32Array(NUM_PROVINCES + 1);
const ownKeys = new Int32Array(MAX_MOVES);
/** Grown when a board needs more (never, in practice: a phase lists a few thousand orders). */
let keyBuffer = new Int32Array(1 << 15);
/** The convoy groups without one fleet at sea (it cannot support a move it would have to carry). */
const without = emptyConvoyGroups();
/** Provinces an army could reach by convoy, marked with the current unit's stamp. */
const convoyMark = new Int32Array(NUM_PROVINCES);
let stamp = 0;

function moveTable(board: Board): MoveTable {
  board.moveTable ??= buildMoveTable(board);
  return board.moveTable;
}

function buildMoveTable(board: Board): MoveTable {
  const n = board.units.length;
  const groups: Groups = {
    seaGroup: board.seaGroup,
    lists: touchedLists({ touches: board.groupTouches, count: groupCount(board) }),
  };
  // Each unit's own moves, and every move into each province (a linked list per province).
  intoHead.fill(-1);
  let moves = 0;
  const addMove = (u: number, q: number, dest: number, rank: number, convoyOnly: number, via: number) => {
    if (moves >= MAX_MOVES) throw new Error('orders-legal: too many moves on one board');
    ownKeys[moves] = orderKey(K_MOVE, locRank[dest]!, via);
    if (via === 0) {
      moverUnit[moves] = u;
      moverSupport[moves] = orderKey(K_SUPPORT, rank, 1 + locRank[dest]!);
      moverConvoyOnly[moves] = convoyOnly;
      intoNext[moves] = intoHead[q]!;
      intoHead[q] = moves;
    } else intoNext[moves] = -2;
    moves++;
  };
  for (let u = 0; u < n; u++) {
    ownStart[u] = moves;
    const rank = labelRank[labelIndex(board.fleet[u]!, board.loc[u]!)]!;
    const p = board.prov[u]!;
    if (board.fleet[u]) {
      for (const l of fleetAdj[board.loc[u]!]!) addMove(u, locProvince[l]!, l, rank, 0, 0);
      continue;
    }
    stamp++;
    if (provinceKind[p] === KIND_COASTAL) {
      for (const s of seasTouching[p]!) {
        const g = groups.seaGroup[s]!;
        if (g >= 0) for (const q of groups.lists[g]!) if (q !== p) convoyMark[q] = stamp;
      }
    }
    for (const q of armyAdj[p]!) {
      addMove(u, q, q, rank, 0, 0);
      if (convoyMark[q] === stamp) addMove(u, q, q, rank, 0, 1);
    }
    for (let q = 0; q < NUM_PROVINCES; q++) {
      if (convoyMark[q] === stamp && armyAdjBits[p * NUM_PROVINCES + q] !== 1) addMove(u, q, q, rank, 1, 0);
    }
  }
  ownStart[n] = moves;

  // Plain arrays, not typed ones: these are kept with the board, and a typed array of this size
  // would be a slow allocation outside V8's heap.
  const start: number[] = new Array(n + 1);
  let total = 0;
  for (let u = 0; u < n; u++) {
    start[u] = total;
    total = unitKeys(board, groups, u, total);
  }
  start[n] = total;
  const keys: number[] = new Array(total);
  for (let i = 0; i < total; i++) keys[i] = keyBuffer[i]!;
  const labels: string[] = new Array(n);
  const orders: string[][] = new Array(n);
  for (let u = 0; u < n; u++) {
    const label = labelIndex(board.fleet[u]!, board.loc[u]!);
    labels[u] = LABEL_TEXT[label]!;
    const list = new Array<string>(start[u + 1]! - start[u]!);
    for (let i = start[u]!; i < start[u + 1]!; i++) list[i - start[u]!] = orderText(label, keys[i]!);
    orders[u] = list;
  }
  return { labels, start, keys, orders };
}

/** Writes unit `u`'s sorted, unique keys into the key buffer from `at`; returns where they end. */
function unitKeys(board: Board, groups: Groups, u: number, at: number): number {
  if (at + UNIT_KEYS_MAX > keyBuffer.length) {
    const grown = new Int32Array(keyBuffer.length * 2 + UNIT_KEYS_MAX);
    grown.set(keyBuffer.subarray(0, at));
    keyBuffer = grown;
  }
  const p = board.prov[u]!;
  const atSea = board.fleet[u] === 1 && provinceKind[p] === KIND_SEA;
  const out = keyBuffer;
  let n = at;
  // A hold, and the unit's own moves.
  out[n++] = orderKey(K_HOLD, 0, 0);
  for (let i = ownStart[u]!; i < ownStart[u + 1]!; i++) out[n++] = ownKeys[i]!;

  // Supports of holds and of every move into a province this unit could move to. A fleet at sea
  // cannot support a convoyed move it would itself have to carry (DATC 6.D.31).
  let withoutDone = false;
  const reach = board.fleet[u] ? fleetReachList[board.loc[u]!]! : armyAdj[p]!;
  for (const q of reach) {
    const held = board.at[q]!;
    if (held >= 0) out[n++] = orderKey(K_SUPPORT, labelRank[labelIndex(board.fleet[held]!, board.loc[held]!)]!, 0);
    for (let m = intoHead[q]!; m >= 0; m = intoNext[m]!) {
      if (moverUnit[m] === u) continue;
      if (moverConvoyOnly[m] && atSea) {
        if (!withoutDone) {
          fillConvoyGroups(board, p, without);
          withoutDone = true;
        }
        if (!groupLinks(without, q, board.prov[moverUnit[m]!]!)) continue;
      }
      out[n++] = moverSupport[m]!;
    }
  }

  // Convoys along the chain of fleets this one belongs to.
  if (atSea) {
    const touched = groups.lists[groups.seaGroup[p]!]!;
    for (const r of touched) {
      const t = board.at[r]!;
      if (t < 0 || board.fleet[t]) continue;
      for (const q of touched) if (q !== r) out[n++] = orderKey(K_CONVOY, locRank[r]!, locRank[q]!);
    }
  }
  // Insertion sort (a unit has tens of keys, most in order), then drop repeats in place.
  for (let i = at + 1; i < n; i++) {
    const k = out[i]!;
    let j = i - 1;
    while (j >= at && out[j]! > k) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = k;
  }
  let m = at;
  for (let i = at; i < n; i++) if (i === at || out[i] !== out[m - 1]) out[m++] = out[i]!;
  return m;
}

/** Legal orders of `power` for the phase `ctx` describes, one group per unit (or one for builds). */
export function legalOrderGroups(ctx: PhaseContext, power: Power): OrderGroup[] {
  const me = POWER_INDEX[power];
  const { board } = ctx;
  if (ctx.phase === 'movement') {
    const table = moveTable(board);
    const groups: OrderGroup[] = [];
    for (let u = 0; u < board.units.length; u++) {
      if (board.power[u] !== me) continue;
      groups.push({
        unit: table.labels[u]!,
        slot: PROVINCE_IDS[board.prov[u]!]!,
        choose: 1,
        orders: table.orders[u]!,
      });
    }
    return groups;
  }
  if (ctx.phase === 'retreat') {
    return ctx.dislodged
      .filter((d) => d.power === power)
      .map((d) => {
        const label = `${d.type} ${d.province.toUpperCase()}`;
        const orders = [...d.retreats.map((r) => `${label} R ${r.toUpperCase()}`), `${label} D`];
        return { unit: label, slot: d.province.slice(0, 3), choose: 1, orders: sortOrders(orders) };
      });
  }
  const delta = ctx.adjust[me] ?? 0;
  if (delta > 0) {
    const orders: string[] = ['WAIVE'];
    for (const h of homeCentres[me]!) {
      if (ctx.owner[h] !== me || board.at[h]! >= 0) continue;
      orders.push(`A ${PROV(h)} B`);
      if (provinceKind[h] === KIND_COASTAL) for (const l of fleetLocsOf[h]!) orders.push(`F ${LOC(l)} B`);
    }
    return [{ unit: null, slot: 'builds', choose: delta, orders: sortOrders(orders) }];
  }
  if (delta < 0) {
    const orders: string[] = [];
    for (let u = 0; u < board.units.length; u++) if (board.power[u] === me) orders.push(`${unitLabel(board, u)} D`);
    return [{ unit: null, slot: 'disbands', choose: -delta, orders: sortOrders(orders) }];
  }
  return [];
}

// --- listed orders read back ------------------------------------------------------------------
//
// An order chosen from the list comes back as the same interned text: its (label, key) gives the
// completed order directly, so checking it needs no parsing and no string building. Anything else
// (other spellings, orders not listed this phase) goes the long way through orders-check.ts, which
// gives the same result (orders-legal.test.ts compares the two on every listed order).

/**
 * If `text` is an order listed for `me` this movement phase (the board's orders already listed),
 * the unit it orders and its key, packed as `unit * KEY_SPAN + key`; else -1. The text is read
 * to its typed order (decodeOrderText), and the key is found among the unit's sorted keys: no
 * string is compared or hashed.
 */
export function listedMovementKey(ctx: PhaseContext, me: number, text: string): number {
  const table = ctx.phase === 'movement' ? ctx.board.moveTable : undefined;
  if (!table) return -1;
  const id = decodeOrderText(text);
  if (id < 0) return -1;
  const label = idLabel(id);
  const { board } = ctx;
  const u = board.at[locProvince[labelLoc(label)]!]!;
  if (u < 0 || board.power[u] !== me || labelIndex(board.fleet[u]!, board.loc[u]!) !== label) return -1;
  const k = idKey(id);
  const { keys } = table;
  let lo = table.start[u]!;
  let hi = table.start[u + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = keys[mid]!;
    if (x === k) return u * KEY_SPAN + k;
    if (x < k) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The checked form of `text` if it is an order listed for `me` this movement phase, else null. */
export function listedMovementOrder(ctx: PhaseContext, me: number, text: string): CheckedOrder | null {
  const listed = listedMovementKey(ctx, me, text);
  if (listed < 0) return null;
  const { board } = ctx;
  const u = Math.floor(listed / KEY_SPAN);
  const label = labelIndex(board.fleet[u]!, board.loc[u]!);
  return { order: orderOfKey(label, listed % KEY_SPAN), text, slot: PROVINCE_IDS[board.prov[u]!]! };
}

function groupCount(board: Board): number {
  let n = 0;
  for (let p = 0; p < NUM_PROVINCES; p++) n = Math.max(n, board.seaGroup[p]! + 1);
  return n;
}
