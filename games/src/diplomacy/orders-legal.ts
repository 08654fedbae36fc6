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
import { type Board, convoyGroups, unitLabel } from './board';
import * as mapTables from './map';
import type { CheckedOrder, PhaseContext } from './orders-check';
import type { Order, Power, UnitSpec } from './types';

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

/** Convoy groups that touch coastal province `p`. */
function groupsTouching(groups: Groups, p: number): number[] {
  const out: number[] = [];
  for (const s of seasTouching[p]!) {
    const g = groups.seaGroup[s]!;
    if (g >= 0 && !out.includes(g)) out.push(g);
  }
  return out;
}

// --- typed movement orders ---------------------------------------------------------------------
//
// Inside, a unit's movement order is a small integer key whose numeric order is the code-unit
// order of its text, so a unit's list is sorted as integers and turned into text only at the end,
// from strings interned once per map. After the unit's label the texts run `- DEST`, `C A FROM -
// TO`, `H`, `S TARGET[ - DEST]` ('-' < 'C' < 'H' < 'S'), so the key is the kind, then two ranks:
// DEST and its VIA flag; FROM and TO; nothing; the target's label and 0 (a hold) or 1 + DEST.

const K_MOVE = 0;
const K_CONVOY = 1;
const K_HOLD = 2;
const K_SUPPORT = 3;
const key = (kind: number, a: number, b: number): number => (kind << 20) | (a << 10) | b;

/** Rank of each location's text among all location texts; and back. */
const locRank = new Int16Array(LOC_IDS.length);
const locByRank: string[] = LOC_TEXT.slice().sort();
LOC_TEXT.forEach((t, l) => {
  locRank[l] = locByRank.indexOf(t);
});
/** A unit label's index (`fleet * NUM_LOCS + loc`), its rank among all label texts, and back. */
const labelIndex = (board: Board, u: number): number => board.fleet[u]! * LOC_IDS.length + board.loc[u]!;
const LABEL_TEXT: string[] = [...LOC_TEXT.map((t) => `A ${t}`), ...LOC_TEXT.map((t) => `F ${t}`)];
const labelByRank: string[] = LABEL_TEXT.slice().sort();
const labelRank = Int16Array.from(LABEL_TEXT, (t) => labelByRank.indexOf(t));

/** Order texts, interned per (unit label, key): every phase reuses the same strings; and back. */
const texts = new Map<number, string>();
const textIds = new Map<string, number>();

function orderText(label: number, k: number): string {
  const id = label * 0x400000 + k;
  let text = texts.get(id);
  if (text === undefined) {
    const a = (k >> 10) & 0x3ff;
    const b = k & 0x3ff;
    const me = LABEL_TEXT[label]!;
    switch (k >> 20) {
      case K_MOVE:
        text = `${me} - ${locByRank[a]}${b ? ' VIA' : ''}`;
        break;
      case K_CONVOY:
        text = `${me} C A ${locByRank[a]} - ${locByRank[b]}`;
        break;
      case K_HOLD:
        text = `${me} H`;
        break;
      default:
        text = `${me} S ${labelByRank[a]}${b ? ` - ${locByRank[b - 1]}` : ''}`;
    }
    texts.set(id, text);
    textIds.set(text, id);
  }
  return text;
}

/** A move some unit could make into a province: what its order (and so a support of it) says. */
interface Mover {
  unit: number;
  /** Its support's key: the mover's label rank and 1 + its destination's rank. */
  support: number;
  /** Only possible by convoy (so a supporting fleet at sea may be part of the only route). */
  convoyOnly: boolean;
}

/** Everything about a board that every unit's orders share, built once per phase. */
interface MoveTable {
  labels: string[];
  groups: Groups;
  /** Per province: every move into it, by any unit. */
  into: Mover[][];
  /** Per unit: the keys of its own moves. */
  moves: number[][];
  /** Per unit: every legal order's key, sorted, once listed. */
  keys: (Int32Array | undefined)[];
}

const tables = new WeakMap<Board, MoveTable>();

function moveTable(board: Board): MoveTable {
  const cached = tables.get(board);
  if (cached) return cached;
  const n = board.units.length;
  const labels = board.units.map((_, u) => unitLabel(board, u));
  const groups: Groups = {
    seaGroup: board.seaGroup,
    lists: touchedLists({ touches: board.groupTouches, count: groupCount(board) }),
  };
  const into: Mover[][] = Array.from({ length: NUM_PROVINCES }, () => []);
  const moves: number[][] = [];
  for (let u = 0; u < n; u++) {
    const rank = labelRank[labelIndex(board, u)]!;
    const p = board.prov[u]!;
    const own: number[] = [];
    if (board.fleet[u]) {
      for (const l of fleetAdj[board.loc[u]!]!) {
        own.push(key(K_MOVE, locRank[l]!, 0));
        into[locProvince[l]!]!.push({ unit: u, support: key(K_SUPPORT, rank, 1 + locRank[l]!), convoyOnly: false });
      }
    } else {
      const byConvoy = new Set<number>();
      if (provinceKind[p] === KIND_COASTAL)
        for (const g of groupsTouching(groups, p)) for (const q of groups.lists[g]!) if (q !== p) byConvoy.add(q);
      for (const q of armyAdj[p]!) {
        own.push(key(K_MOVE, locRank[q]!, 0));
        if (byConvoy.has(q)) own.push(key(K_MOVE, locRank[q]!, 1));
        into[q]!.push({ unit: u, support: key(K_SUPPORT, rank, 1 + locRank[q]!), convoyOnly: false });
      }
      for (const q of byConvoy) {
        if (armyAdjBits[p * NUM_PROVINCES + q] === 1) continue;
        own.push(key(K_MOVE, locRank[q]!, 0));
        into[q]!.push({ unit: u, support: key(K_SUPPORT, rank, 1 + locRank[q]!), convoyOnly: true });
      }
    }
    moves.push(own);
  }
  const table: MoveTable = { labels, groups, into, moves, keys: [] };
  tables.set(board, table);
  return table;
}

/**
 * Room for one unit's keys before sorting: a hold, its moves (at most 75), a support of a hold or
 * a move per (neighbour, mover) and the convoys of a chain, far below this bound on any board.
 */
const scratch = new Int32Array(1 << 14);

/** Unit `u`'s movement orders as sorted, unique keys. */
function movementKeys(board: Board, table: MoveTable, u: number): Int32Array {
  const { into } = table;
  const p = board.prov[u]!;
  const atSea = board.fleet[u] === 1 && provinceKind[p] === KIND_SEA;
  // Keys gather in a scratch buffer (no array grown per unit); the result is a sorted, unique copy.
  let n = 0;
  const out = scratch;
  out[n++] = key(K_HOLD, 0, 0);
  for (const k of table.moves[u]!) out[n++] = k;

  // Supports of holds and of every move into a province this unit could move to. A fleet at sea
  // cannot support a convoyed move it would itself have to carry (DATC 6.D.31).
  let without: Groups | null = null;
  const reach = board.fleet[u] ? fleetReachList[board.loc[u]!]! : armyAdj[p]!;
  for (const q of reach) {
    const held = board.at[q]!;
    if (held >= 0) out[n++] = key(K_SUPPORT, labelRank[labelIndex(board, held)]!, 0);
    for (const mover of into[q]!) {
      if (mover.unit === u) continue;
      if (mover.convoyOnly && atSea) {
        if (!without) {
          const g = convoyGroups(board, p);
          without = { seaGroup: g.seaGroup, lists: touchedLists(g) };
        }
        const from = board.prov[mover.unit]!;
        if (!groupsTouching(without, q).some((g) => without!.lists[g]!.includes(from))) continue;
      }
      out[n++] = mover.support;
    }
  }

  // Convoys along the chain of fleets this one belongs to.
  if (atSea) {
    const touched = table.groups.lists[table.groups.seaGroup[p]!]!;
    for (const r of touched) {
      const t = board.at[r]!;
      if (t < 0 || board.fleet[t]) continue;
      for (const q of touched) if (q !== r) out[n++] = key(K_CONVOY, locRank[r]!, locRank[q]!);
    }
  }
  if (n > out.length) throw new Error(`orders-legal: more than ${out.length} orders for one unit`);
  const keys = out.slice(0, n).sort();
  let m = 0;
  for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[m - 1]) keys[m++] = keys[i]!;
  return keys.subarray(0, m);
}

function movementOrders(board: Board, table: MoveTable, u: number): string[] {
  const keys = movementKeys(board, table, u);
  table.keys[u] = keys;
  const label = labelIndex(board, u);
  const out = new Array<string>(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = orderText(label, keys[i]!);
  return out;
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
        orders: movementOrders(board, table, u),
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

const LOC_ID_BY_RANK = locByRank.map((t) => t.toLowerCase());
const specOfLabel = (label: number): UnitSpec => ({
  type: label >= LOC_IDS.length ? 'F' : 'A',
  loc: LOC_IDS[label % LOC_IDS.length]!,
});
const SPEC_BY_LABEL_RANK: UnitSpec[] = labelByRank.map((t) => specOfLabel(LABEL_TEXT.indexOf(t)));

/**
 * The checked form of `text` if it is an order listed for `me` this movement phase (its unit's
 * orders already listed on this board), else null.
 */
export function listedMovementOrder(ctx: PhaseContext, me: number, text: string): CheckedOrder | null {
  const table = ctx.phase === 'movement' ? tables.get(ctx.board) : undefined;
  const id = table ? textIds.get(text) : undefined;
  if (id === undefined) return null;
  const { board } = ctx;
  const label = Math.floor(id / 0x400000);
  const k = id - label * 0x400000;
  const spec = specOfLabel(label);
  const u = board.at[locProvince[label % LOC_IDS.length]!]!;
  if (u < 0 || board.power[u] !== me || labelIndex(board, u) !== label) return null;
  const keys = table!.keys[u];
  if (!keys || !hasKey(keys, k)) return null;
  return { order: orderOfKey(spec, k), text, slot: PROVINCE_IDS[board.prov[u]!]! };
}

function hasKey(keys: Int32Array, k: number): boolean {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] === k) return true;
    if (keys[mid]! < k) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The completed order a key stands for, in the shape orders-check.ts gives it. */
function orderOfKey(unit: UnitSpec, k: number): Order {
  const a = (k >> 10) & 0x3ff;
  const b = k & 0x3ff;
  switch (k >> 20) {
    case K_MOVE:
      return { kind: 'move', unit, to: LOC_ID_BY_RANK[a]!, via: b === 1 };
    case K_CONVOY:
      return { kind: 'convoy', unit, target: { type: 'A', loc: LOC_ID_BY_RANK[a]! }, to: LOC_ID_BY_RANK[b]! };
    case K_HOLD:
      return { kind: 'hold', unit };
    default:
      return { kind: 'support', unit, target: { ...SPEC_BY_LABEL_RANK[a]! }, to: b ? LOC_ID_BY_RANK[b - 1]! : null };
  }
}

function groupCount(board: Board): number {
  let n = 0;
  for (let p = 0; p < NUM_PROVINCES; p++) n = Math.max(n, board.seaGroup[p]! + 1);
  return n;
}
