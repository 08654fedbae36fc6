/**
 * The hands of a live poker match as this viewer saw them, for the hand-history panel. Each
 * view carries the current hand's log (already redacted for the viewer by the engine) and a
 * summary of the hand just finished; the page keeps the last log it saw of every hand and joins
 * it to that hand's summary when the next hand is dealt. Hands that ended before the page opened
 * come from the arena (`servedHands`).
 */
import { type Nlhe, parseDeal } from '@parley/games';
import type { NlheView } from './poker';

export interface PastHand {
  hand: number;
  /** The engine's log lines of the hand, as this viewer may read them. */
  log: string[];
  board: string[];
  winners: number[];
  /** Chips won (+) or lost (−) per seat. */
  result: Record<string, number>;
  shown: Record<string, string>;
  names: Record<string, string>;
}

export interface HandBook {
  /** The latest log seen of the hand in play. */
  current: { hand: number; log: string[] } | null;
  past: PastHand[];
}

export const EMPTY_BOOK: HandBook = { current: null, past: [] };

const cardsOf = (text: string): string[] => text.match(/.{2}/g) ?? [];

/** The book after seeing `view`: a finished hand moves to `past` once its summary arrives. */
export function recordView(book: HandBook, view: NlheView): HandBook {
  let { past, current } = book;
  const last = view.lastHand;
  if (last && !past.some((p) => p.hand === last.hand)) {
    const seen = current && current.hand === last.hand ? current.log : [];
    // The summary's log is complete (a hand's last actions come in the step that ends it) but
    // public; the lines this viewer saw itself keep its own hole cards.
    const log = (last.actions ?? seen).map((line, i) =>
      line.endsWith(' ??') && seen[i]?.startsWith(line.slice(0, -2)) ? seen[i]! : line,
    );
    past = [
      ...past,
      {
        hand: last.hand,
        log,
        board: cardsOf(last.board),
        winners: last.winners ?? [],
        result: last.result,
        shown: last.shown,
        names: last.names ?? {},
      },
    ];
  }
  if (view.phase !== 'over' && (!current || current.hand !== view.hand || current.log !== view.history))
    current = { hand: view.hand, log: view.history };
  return past === book.past && current === book.current ? book : { current, past };
}

/**
 * Hands the arena served (GET /api/matches/:id/hands: the engine's finished hands as this viewer
 * may read them) as the panel's past hands; anything not shaped like one is left out.
 */
export function servedHands(items: readonly unknown[]): PastHand[] {
  return items.flatMap((item) => {
    const h = item as Partial<Nlhe.FinishedHand> | null;
    if (!h || typeof h.hand !== 'number' || !Array.isArray(h.actions) || typeof h.board !== 'string') return [];
    return [
      {
        hand: h.hand,
        log: h.actions,
        board: cardsOf(h.board),
        winners: h.winners ?? [],
        result: h.result ?? {},
        shown: h.shown ?? {},
        names: h.names ?? {},
      },
    ];
  });
}

/** The book with `served` hands it did not hold yet, in hand order (the page may have seen some itself). */
export function withServed(book: HandBook, served: readonly PastHand[]): HandBook {
  const missing = served.filter((s) => !book.past.some((p) => p.hand === s.hand));
  if (missing.length === 0) return book;
  return { ...book, past: [...book.past, ...missing].sort((a, b) => a.hand - b.hand) };
}

/** Chips that changed hands: what the winners took from the others (their own chips in the pot not counted). */
export function wonOf(hand: PastHand): number {
  return Object.values(hand.result)
    .filter((v) => v > 0)
    .reduce((sum, v) => sum + v, 0);
}

/** Stops for stepping through a hand: after each player action, a run of deals being one step. */
export function handSteps(log: readonly string[]): number[] {
  const stops: number[] = [];
  log.forEach((line, i) => {
    const deal = parseDeal(line) !== null;
    const next = log[i + 1];
    const nextDeal = next !== undefined && parseDeal(next) !== null;
    if (!deal || !nextDeal) stops.push(i + 1);
  });
  return stops;
}

/** The board as it stood after the first `upTo` lines of the log. */
export function boardAt(log: readonly string[], upTo: number): string[] {
  return log
    .slice(0, upTo)
    .map((l) => parseDeal(l))
    .flatMap((d) => (d?.to === 'board' && d.card !== null ? [d.card] : []));
}
