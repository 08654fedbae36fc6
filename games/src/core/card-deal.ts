/**
 * The chance grammar the card games share (Kuhn, Leduc, NLHE): `deal 1 Q` deals seat 1 a private
 * card, `deal board Kd` a public one, and in a seat's view an unseen card is `??` (`deal 1 ??`).
 * Games deal with these functions and read their logs with them, and so do the agents, the web
 * and the exports: nobody else writes or matches the grammar by hand.
 */
import type { Seat } from './game';

/** Where a card goes: a seat's hand, or the board. */
export type DealTarget = Seat | 'board';

/** One dealt card; `card` is null when the reader may not see it (`??` in a view). */
export interface CardDeal {
  readonly to: DealTarget;
  readonly card: string | null;
}

/** How a card the reader may not see is written in views and logs. */
export const HIDDEN_CARD = '??';

const DEAL = /^deal (board|\d{1,3}) (\S+)$/;

/** The chance action (or view line) dealing `card` to `to`; null writes the hidden card. */
export function dealAction(to: DealTarget, card: string | null): string {
  return `deal ${to} ${card ?? HIDDEN_CARD}`;
}

/** Reads a deal line, or null when `text` is not one. The card is not checked against any deck. */
export function parseDeal(text: string): CardDeal | null {
  const m = DEAL.exec(text);
  if (!m) return null;
  return { to: m[1] === 'board' ? 'board' : Number(m[1]), card: m[2] === HIDDEN_CARD ? null : m[2]! };
}

/**
 * A deal as `viewer` may read it in a replay's log (null: a spectator): a seat's private card
 * only for that seat (`deal to seat 1: Q`, others read `deal to seat 1`), the board for all.
 * The card games' `chanceText`.
 */
export function dealChanceText(action: string, viewer: Seat | null): string {
  const deal = parseDeal(action);
  if (!deal) return 'chance';
  if (deal.to === 'board') return `board: ${deal.card ?? HIDDEN_CARD}`;
  return deal.to === viewer && deal.card !== null ? `deal to seat ${deal.to}: ${deal.card}` : `deal to seat ${deal.to}`;
}
