/**
 * Building orders by clicking: a person picks a unit, then a target (and, to support or convoy,
 * the other unit first). Every choice is checked against the legal orders the room sent for this
 * seat, so the board only ever offers what the engine will accept; where several legal orders
 * fit one click (a coast, a convoyed move), the person chooses among them.
 */
import type { Diplomacy } from '@parley/games';
import { parseOrderText, provinceOf } from './model';

export interface LegalOrder {
  text: string;
  order: Diplomacy.Order;
}

export interface LegalIndex {
  /** Unit location (`par`, `stp/sc`) → its legal orders. */
  byUnit: Map<string, LegalOrder[]>;
  /** Province → legal builds there. */
  builds: Map<string, LegalOrder[]>;
  waive: boolean;
  voteDraw: boolean;
}

export function indexLegal(legal: readonly string[]): LegalIndex {
  const byUnit = new Map<string, LegalOrder[]>();
  const builds = new Map<string, LegalOrder[]>();
  let waive = false;
  let voteDraw = false;
  for (const text of legal) {
    const order = parseOrderText(text);
    if (!order) continue;
    if (order.kind === 'waive') waive = true;
    else if (order.kind === 'vote-draw') voteDraw = true;
    else if (order.kind === 'build') {
      const p = provinceOf(order.unit.loc);
      builds.set(p, [...(builds.get(p) ?? []), { text, order }]);
    } else byUnit.set(order.unit.loc, [...(byUnit.get(order.unit.loc) ?? []), { text, order }]);
  }
  return { byUnit, builds, waive, voteDraw };
}

export type Mode = 'move' | 'support' | 'convoy';

export interface Selection {
  unit: string;
  mode: Mode;
  /** The unit supported or convoyed, once chosen. */
  other: string | null;
}

/** The slot an order fills: its unit's (or build's) province. */
export function slotOf(o: LegalOrder): string {
  return o.order.kind === 'waive' || o.order.kind === 'vote-draw' ? o.text : provinceOf(o.order.unit.loc);
}

function ordersOf(index: LegalIndex, unit: string): LegalOrder[] {
  return index.byUnit.get(unit) ?? [];
}

/** Provinces a click may complete (or advance) the order being built with. */
export function targetsFor(index: LegalIndex, sel: Selection | null): Set<string> {
  const out = new Set<string>();
  if (!sel) {
    for (const p of index.builds.keys()) out.add(p);
    return out;
  }
  for (const { order } of ordersOf(index, sel.unit)) {
    if (sel.mode === 'move' && (order.kind === 'move' || order.kind === 'retreat')) out.add(provinceOf(order.to));
    if ((sel.mode === 'support' && order.kind === 'support') || (sel.mode === 'convoy' && order.kind === 'convoy')) {
      if (sel.other === null) out.add(provinceOf(order.target.loc));
      else if (provinceOf(order.target.loc) === provinceOf(sel.other))
        out.add(order.to === null ? provinceOf(order.target.loc) : provinceOf(order.to));
    }
  }
  return out;
}

/** The legal orders a click on `province` would give, in the current selection. */
export function candidatesFor(index: LegalIndex, sel: Selection | null, province: string): LegalOrder[] {
  if (!sel) return index.builds.get(province) ?? [];
  return ordersOf(index, sel.unit).filter(({ order }) => {
    if (sel.mode === 'move') return (order.kind === 'move' || order.kind === 'retreat') && provinceOf(order.to) === province;
    if (sel.other === null) return false;
    if (sel.mode === 'support' && order.kind !== 'support') return false;
    if (sel.mode === 'convoy' && order.kind !== 'convoy') return false;
    if (order.kind !== 'support' && order.kind !== 'convoy') return false;
    if (provinceOf(order.target.loc) !== provinceOf(sel.other)) return false;
    return order.to === null ? province === provinceOf(order.target.loc) : provinceOf(order.to) === province;
  });
}

/** Whether the selected unit can do `mode` at all (to enable the mode buttons). */
export function canDo(index: LegalIndex, unit: string, kind: Diplomacy.OrderKind): LegalOrder | undefined {
  return ordersOf(index, unit).find((o) => o.order.kind === kind);
}

/** The unit location standing in `province` among `locs` (a fleet may stand on a coast). */
export function unitIn(locs: Iterable<string>, province: string): string | null {
  for (const l of locs) if (provinceOf(l) === province) return l;
  return null;
}
