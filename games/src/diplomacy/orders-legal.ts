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
import { type Board, unitLabel } from './board';
import * as mapTables from './map';
import { buildMoveTable, type MoveTable } from './move-table';
import * as orderKeys from './order-keys';
import type { CheckedOrder, PhaseContext } from './orders-check';
import type { Power } from './types';

// Bound once at load: under some module loaders (vitest) imported bindings are getters, too slow for inner loops.
const { fleetLocsOf, homeCentres, KIND_COASTAL, LOC_IDS, locProvince, POWER_INDEX, PROVINCE_IDS, provinceKind } = mapTables;
const { decodeOrderText, idKey, idLabel, KEY_SPAN, labelIndex, labelLoc, orderOfKey, packedHigh, packedKey } = orderKeys;

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

function moveTable(board: Board): MoveTable {
  board.moveTable ??= buildMoveTable(board);
  return board.moveTable;
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
  const u = packedHigh(listed);
  const label = labelIndex(board.fleet[u]!, board.loc[u]!);
  return { order: orderOfKey(label, packedKey(listed)), text, slot: PROVINCE_IDS[board.prov[u]!]! };
}
