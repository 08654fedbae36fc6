/**
 * How the board animates the phase that just resolved, read from the resolved orders a model
 * shows: a unit that moved (or retreated) glides in from where it stood, a unit whose move failed
 * bounces toward where it tried to go and back, a dislodged unit is pushed off its spot, a built
 * unit appears. Pure: the board turns each motion into a CSS animation.
 */
import { type BoardModel, parseOrderText, provinceOf } from './model';

type Pt = readonly [number, number];

export type Motion =
  | { kind: 'glide'; from: Pt }
  | { kind: 'bounce'; toward: Pt }
  | { kind: 'dislodged'; from: Pt }
  | { kind: 'built' };

/** How far toward its target a bounced unit goes before coming back. */
export const BOUNCE_REACH = 0.4;

/**
 * Motions keyed `unit:<loc>` (units on the board) and `dislodged:<province>`; units that stood
 * still have none. Only resolved orders move anything: drafts and pending orders never do.
 */
export function phaseMotions(model: BoardModel, unitPoint: (loc: string) => [number, number]): Map<string, Motion> {
  const motions = new Map<string, Motion>();
  if (model.ordersPhase === null) return motions;
  const arrivedFrom = new Map<string, string>();
  const bounced = new Map<string, string>();
  const built = new Set<string>();
  for (const o of model.orders) {
    if (o.status !== 'resolved') continue;
    const order = parseOrderText(o.text);
    if (!order) continue;
    if ((order.kind === 'move' || order.kind === 'retreat') && o.result === 'succeeds')
      arrivedFrom.set(provinceOf(order.to), order.unit.loc);
    else if (order.kind === 'move' && o.result === 'fails') bounced.set(order.unit.loc, order.to);
    else if (order.kind === 'build' && o.result !== 'fails' && o.result !== 'void') built.add(order.unit.loc);
  }
  for (const u of model.units) {
    const from = arrivedFrom.get(provinceOf(u.province));
    const target = bounced.get(u.province);
    if (from !== undefined && from !== u.province) motions.set(`unit:${u.province}`, { kind: 'glide', from: unitPoint(from) });
    else if (target !== undefined) {
      const a = unitPoint(u.province);
      const b = unitPoint(target);
      motions.set(`unit:${u.province}`, {
        kind: 'bounce',
        toward: [a[0] + (b[0] - a[0]) * BOUNCE_REACH, a[1] + (b[1] - a[1]) * BOUNCE_REACH],
      });
    } else if (built.has(u.province)) motions.set(`unit:${u.province}`, { kind: 'built' });
  }
  for (const d of model.dislodged) motions.set(`dislodged:${d.province}`, { kind: 'dislodged', from: unitPoint(d.province) });
  return motions;
}
