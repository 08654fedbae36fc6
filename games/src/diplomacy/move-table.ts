/**
 * Every unit's legal movement orders on one board, as sorted keys (order-keys.ts) and their
 * interned texts: what orders-legal.ts lists, built once per phase from tables built once per map.
 *
 * Most of a unit's orders depend only on where it stands and on which units stand near it: its
 * hold and moves always, a support of a hold when the supported unit is there, a support of a
 * move over adjacent ground or water when the mover is there. So each label (a unit type on a
 * location) gets a template once: every such order sorted by key, with its text and the label
 * that must stand on the board for it to be legal. A phase keeps the template entries whose
 * label is present, in order, with no sorting and no text lookup.
 *
 * The rest depends on the fleets at sea (convoys): an army's moves by convoy (`A LON - NWY`,
 * `A LON - BEL VIA`), supports of moves only a convoy makes possible, and fleets' convoy orders.
 * They are listed per phase from the board's convoy groups, sorted, and merged into the kept
 * template entries. None of them is in a template (a template's moves and supported moves are
 * over adjacencies; a convoyed move is VIA or to a non-adjacent province), so the merge needs
 * no dedupe against it.
 */
import { type Board, emptyConvoyGroups, fillConvoyGroups } from './board';
import * as mapTables from './map';
import * as orderKeys from './order-keys';

// Bound once at load: under some module loaders (vitest) imported bindings are getters, too slow for inner loops.
const {
  armyAdj,
  armyAdjBits,
  fleetAdj,
  fleetReachList,
  KIND_COASTAL,
  KIND_SEA,
  locProvince,
  NUM_LOCS,
  NUM_PROVINCES,
  provinceKind,
  seasTouching,
} = mapTables;
const {
  K_CONVOY,
  K_HOLD,
  K_MOVE,
  K_SUPPORT,
  LABEL_TEXT,
  labelFleet,
  labelIndex,
  labelLoc,
  labelRank,
  locRank,
  orderKey,
  orderText,
} = orderKeys;

export interface MoveTable {
  /** Per unit: its label text (`A PAR`). */
  labels: string[];
  /** Unit `u`'s sorted, unique keys are `keys[start[u]]` up to `keys[start[u + 1]]`. */
  start: Int32Array;
  keys: Int32Array;
  /** Per unit: the same orders as text, sorted. */
  orders: string[][];
}

// --- templates, once per label --------------------------------------------------------------

interface Template {
  /** Sorted, unique keys. */
  keys: Int32Array;
  texts: string[];
  /** The label that must stand in `needProvince` for the order to be legal; -1: always legal. */
  need: Int16Array;
  needProvince: Int16Array;
}

const templates: (Template | undefined)[] = new Array(2 * NUM_LOCS);

/** Every location in province `q`: the province itself and its coasts. */
const locsIn: number[][] = Array.from({ length: NUM_PROVINCES }, () => []);
for (let l = 0; l < NUM_LOCS; l++) locsIn[locProvince[l]!]!.push(l);

function templateOf(label: number): Template {
  const known = templates[label];
  if (known) return known;
  const fleet = labelFleet(label);
  const loc = labelLoc(label);
  const p = locProvince[loc]!;
  const entries = new Map<number, number>(); // key -> label needed (-1 none)
  entries.set(orderKey(K_HOLD, 0, 0), -1);
  if (fleet) for (const l of fleetAdj[loc]!) entries.set(orderKey(K_MOVE, locRank[l]!, 0), -1);
  else for (const q of armyAdj[p]!) entries.set(orderKey(K_MOVE, locRank[q]!, 0), -1);
  const reach = fleet ? fleetReachList[loc]! : armyAdj[p]!;
  for (const q of reach) {
    // A hold in q, by whatever unit may stand there.
    for (const l of locsIn[q]!) {
      if (l < NUM_PROVINCES && provinceKind[q] !== KIND_SEA)
        entries.set(orderKey(K_SUPPORT, labelRank[labelIndex(0, l)]!, 0), labelIndex(0, l));
      if (fleetAdj[l]!.length > 0) entries.set(orderKey(K_SUPPORT, labelRank[labelIndex(1, l)]!, 0), labelIndex(1, l));
    }
    // A move into q over an adjacency, by an army or fleet standing next to it (not this unit).
    for (const r of armyAdj[q]!) {
      if (r !== p) entries.set(orderKey(K_SUPPORT, labelRank[labelIndex(0, r)]!, 1 + locRank[q]!), labelIndex(0, r));
    }
    for (const d of locsIn[q]!) {
      for (const l of fleetAdj[d]!) {
        if (locProvince[l] !== p)
          entries.set(orderKey(K_SUPPORT, labelRank[labelIndex(1, l)]!, 1 + locRank[d]!), labelIndex(1, l));
      }
    }
  }
  const keys = Int32Array.from(entries.keys()).sort();
  const need = Int16Array.from(keys, (k) => entries.get(k)!);
  const t: Template = {
    keys,
    texts: Array.from(keys, (k) => orderText(label, k)),
    need,
    needProvince: Int16Array.from(need, (n) => (n < 0 ? -1 : locProvince[labelLoc(n)]!)),
  };
  templates[label] = t;
  return t;
}

// --- the orders convoys make possible, per phase ----------------------------------------------

// Scratch for one table build (synchronous, so one set serves every board).
const labelAt = new Int16Array(NUM_PROVINCES);
/** Convoy-only moves into each province: a linked list of army units. */
const intoHead = new Int16Array(NUM_PROVINCES);
const MAX_CONVOY_MOVES = 1 << 12;
const intoNext = new Int16Array(MAX_CONVOY_MOVES);
const intoMover = new Int16Array(MAX_CONVOY_MOVES);
/** Provinces an army could reach by convoy, marked with the current army's stamp. */
const convoyMark = new Int32Array(NUM_PROVINCES);
let stamp = 0;
/** The convoy groups without one fleet at sea (it cannot support a move it would have to carry). */
const without = emptyConvoyGroups();
/** One unit's convoy-made keys, before sorting. */
let extra: Int32Array = new Int32Array(1 << 12);

/** The provinces each convoy group touches, as lists. */
function touchedLists(board: Board): number[][] {
  const lists: number[][] = [];
  for (let g = 0; ; g++) {
    let any = false;
    for (let p = 0; p < NUM_PROVINCES; p++) if (board.seaGroup[p] === g) any = true;
    if (!any) return lists;
    const list: number[] = [];
    for (let p = 0; p < NUM_PROVINCES; p++) if (board.groupTouches[g * NUM_PROVINCES + p] === 1) list.push(p);
    lists.push(list);
  }
}

/** Does some convoy group of `groups` touch both coastal provinces `p` and `q`? */
function groupLinks(groups: { seaGroup: Int16Array; touches: Uint8Array }, p: number, q: number): boolean {
  for (const s of seasTouching[p]!) {
    const g = groups.seaGroup[s]!;
    if (g >= 0 && groups.touches[g * NUM_PROVINCES + q] === 1) return true;
  }
  return false;
}

/** The provinces `markConvoyable` marked, ascending: `convoyable[0]` up to `convoyable[convoyableCount]`. */
const convoyable = new Int16Array(NUM_PROVINCES);
let convoyableCount = 0;

/**
 * Marks the provinces the army in coastal province `p` could be convoyed to (stamp++ first), and
 * lists them in `convoyable`, ascending: a few provinces, sorted as they come, instead of a scan of
 * all 75 per army.
 */
function markConvoyable(lists: number[][], seaGroup: Int16Array, p: number): void {
  stamp++;
  let n = 0;
  for (const s of seasTouching[p]!) {
    const g = seaGroup[s]!;
    if (g < 0) continue;
    for (const q of lists[g]!) {
      if (q === p || convoyMark[q] === stamp) continue;
      convoyMark[q] = stamp;
      let i = n++;
      for (; i > 0 && convoyable[i - 1]! > q; i--) convoyable[i] = convoyable[i - 1]!;
      convoyable[i] = q;
    }
  }
  convoyableCount = n;
}

function pushExtra(n: number, key: number): number {
  extra = putKey(extra, n, key);
  return n + 1;
}

/** `into` with `key` at `i`: `into` itself, or a copy twice its size if it is full. */
function putKey(into: Int32Array, i: number, key: number): Int32Array {
  let out = into;
  if (i >= out.length) {
    out = new Int32Array(into.length * 2);
    out.set(into);
  }
  out[i] = key;
  return out;
}

/** Writes unit `u`'s convoy-made keys into `extra`, sorted; returns how many. */
function convoyKeys(board: Board, lists: number[][], u: number): number {
  const p = board.prov[u]!;
  const isFleet = board.fleet[u] === 1;
  const atSea = isFleet && provinceKind[p] === KIND_SEA;
  let n = 0;
  // The army's own moves by convoy.
  if (!isFleet && provinceKind[p] === KIND_COASTAL) {
    markConvoyable(lists, board.seaGroup, p);
    for (let i = 0; i < convoyableCount; i++) {
      const q = convoyable[i]!;
      n = pushExtra(n, orderKey(K_MOVE, locRank[q]!, armyAdjBits[p * NUM_PROVINCES + q] === 1 ? 1 : 0));
    }
  }
  // Supports of moves only a convoy makes possible, into provinces this unit could enter. A fleet
  // at sea cannot support a move it would itself have to carry (DATC 6.D.31).
  let withoutDone = false;
  const reach = isFleet ? fleetReachList[board.loc[u]!]! : armyAdj[p]!;
  for (const q of reach) {
    for (let m = intoHead[q]!; m >= 0; m = intoNext[m]!) {
      const mover = intoMover[m]!;
      if (mover === u) continue;
      if (atSea) {
        if (!withoutDone) {
          fillConvoyGroups(board, p, without);
          withoutDone = true;
        }
        if (!groupLinks(without, q, board.prov[mover]!)) continue;
      }
      n = pushExtra(n, orderKey(K_SUPPORT, labelRank[labelIndex(0, board.loc[mover]!)]!, 1 + locRank[q]!));
    }
  }
  // Convoys along the chain of fleets this one belongs to.
  if (atSea) {
    const touched = lists[board.seaGroup[p]!]!;
    for (const r of touched) {
      const t = board.at[r]!;
      if (t < 0 || board.fleet[t]) continue;
      for (const q of touched) if (q !== r) n = pushExtra(n, orderKey(K_CONVOY, locRank[r]!, locRank[q]!));
    }
  }
  sortExtra(n);
  return n;
}

/** Sorts `extra`'s first `n` keys: in place by insertion when there are few (most units have none or a handful). */
function sortExtra(n: number): void {
  if (n > 32) {
    extra.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = extra[i]!;
    let j = i - 1;
    for (; j >= 0 && extra[j]! > x; j--) extra[j + 1] = extra[j]!;
    extra[j + 1] = x;
  }
}

// --- the table ------------------------------------------------------------------------------

/** A board's keys as they are listed, copied out once complete. */
let tableKeys: Int32Array = new Int32Array(1 << 12);

export function buildMoveTable(board: Board): MoveTable {
  const n = board.units.length;
  labelAt.fill(-1);
  for (let u = 0; u < n; u++) labelAt[board.prov[u]!] = labelIndex(board.fleet[u]!, board.loc[u]!);

  // Convoy-only moves into each province, when some fleet is at sea.
  const lists = touchedLists(board);
  intoHead.fill(-1);
  if (lists.length > 0) {
    let moves = 0;
    for (let u = 0; u < n; u++) {
      const p = board.prov[u]!;
      if (board.fleet[u] || provinceKind[p] !== KIND_COASTAL) continue;
      markConvoyable(lists, board.seaGroup, p);
      for (let i = 0; i < convoyableCount; i++) {
        const q = convoyable[i]!;
        if (armyAdjBits[p * NUM_PROVINCES + q] === 1) continue;
        if (moves >= MAX_CONVOY_MOVES) throw new Error('move-table: too many convoyed moves on one board');
        intoMover[moves] = u;
        intoNext[moves] = intoHead[q]!;
        intoHead[q] = moves++;
      }
    }
  }

  const labels: string[] = new Array(n);
  const orders: string[][] = new Array(n);
  const start = new Int32Array(n + 1);
  let count = 0;
  for (let u = 0; u < n; u++) {
    const label = labelAt[board.prov[u]!]!;
    labels[u] = LABEL_TEXT[label]!;
    start[u] = count;
    const t = templateOf(label);
    const more = lists.length > 0 ? convoyKeys(board, lists, u) : 0;
    const list: string[] = [];
    let j = 0;
    for (let i = 0; i < t.keys.length; i++) {
      const need = t.need[i]!;
      if (need >= 0 && labelAt[t.needProvince[i]!] !== need) continue;
      const k = t.keys[i]!;
      for (; j < more && extra[j]! < k; j++) {
        tableKeys = putKey(tableKeys, count++, extra[j]!);
        list.push(orderText(label, extra[j]!));
      }
      tableKeys = putKey(tableKeys, count++, k);
      list.push(t.texts[i]!);
    }
    for (; j < more; j++) {
      tableKeys = putKey(tableKeys, count++, extra[j]!);
      list.push(orderText(label, extra[j]!));
    }
    orders[u] = list;
  }
  start[n] = count;
  const keys = tableKeys.slice(0, count);
  return { labels, start, keys, orders };
}
