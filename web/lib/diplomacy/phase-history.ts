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

/** The history of a game's turns as the arena lists them (`/api/matches/ID/turns`: the view each began with). */
export function historyOf(openings: readonly PublicDiplomacyView[]): readonly PastPhase[] {
  return openings.reduce<readonly PastPhase[]>(recordPhase, []);
}

/**
 * The arena's earlier turns joined with the phases the page has seen: a phase both know keeps
 * the version with its resolved orders; phases only the page has seen (within the spectator
 * delay, or since the arena answered) follow in order.
 */
export function mergeHistory(earlier: readonly PastPhase[], seen: readonly PastPhase[]): readonly PastPhase[] {
  const resolved = (p: PastPhase) => p.model.ordersPhase !== null;
  const merged = earlier.map((p) => {
    const mine = seen.find((s) => s.code === p.code);
    return mine && resolved(mine) && !resolved(p) ? mine : p;
  });
  return [...merged, ...seen.filter((s) => !earlier.some((p) => p.code === s.code))];
}
