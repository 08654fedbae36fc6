/**
 * The phases a live page has seen, for its phase history: each phase's position as it began, and
 * once it resolved, its orders with their results. Built only from public fields of the view
 * (never a seat's pending orders), so a past phase shows what every spectator saw.
 */
import type { BoardModel, PublicDiplomacyView } from './model';
import { modelFromView, phaseCode } from './model';

export interface PastPhase {
  code: string;
  model: BoardModel;
}

/** Adds the view's phase when it is new, and gives the phase it follows its resolved orders. */
export function recordPhase(history: readonly PastPhase[], view: PublicDiplomacyView): readonly PastPhase[] {
  const code = phaseCode(view.phase);
  if (history.some((p) => p.code === code)) return history;
  const last = view.lastPhase;
  const lastCode = last ? phaseCode(last.phase) : null;
  const resolved = modelFromView({ ...view, pendingOrders: undefined });
  const next = history.map((p) =>
    p.code === lastCode ? { ...p, model: { ...p.model, orders: resolved.orders, ordersPhase: p.model.phase } } : p,
  );
  const opening: BoardModel = { ...resolved, orders: [], ordersPhase: null };
  return [...next, { code, model: opening }];
}
