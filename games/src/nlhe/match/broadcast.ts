/**
 * The broadcast view: what a television audience sees of a hand, behind the spectator delay.
 * Every hand still in play is face up, with its name once the board has three cards, and each
 * its share of the pot on average over the cards still to come (win equity, ties split).
 * Folded and mucked hands stay hidden, as in every other view.
 *
 * It is made for spectators of a delayed match only (the room decides that); a seat never
 * receives it. Equity is cheap by construction: exact on the flop heads-up, the turn and the
 * river (at most about a thousand boards); elsewhere a Monte Carlo of EQUITY_SAMPLES deals
 * seeded by the hand and the cards on the board, so the same moment always shows the same number.
 */
import { cardName, cardsText } from '../cards';
import { equity } from '../equity';
import { describeStrength, evaluate } from '../eval';
import type { NlheState } from './session';

const EQUITY_SAMPLES = 3_000;
const EXACT_BOARDS = 1_100;

export interface BroadcastSeat {
  seat: number;
  hole: string[];
  handName?: string;
  /** Average share of the pot, 0..1; absent once the hand is decided by folds. */
  equity?: number;
}

/** Hands in play by table seat, with names and equities; [] between hands or when the match is over. */
export function broadcastSeats(s: NlheState): BroadcastSeat[] {
  const h = s.hand;
  if (s.over) return [];
  const live = h.hole
    .map((hole, pos) => ({ pos, hole }))
    .filter(({ pos, hole }) => hole.length === 2 && !h.folded[pos] && !h.mucked[pos]);
  const seats: BroadcastSeat[] = live.map(({ pos, hole }) => ({
    seat: s.seats[pos]!,
    hole: hole.map(cardName),
    ...(h.board.length >= 3 ? { handName: describeStrength(evaluate([...hole, ...h.board])) } : {}),
  }));
  if (live.length < 2) return seats;
  const answer = equity({
    hands: live.map(({ hole }) => cardsText(hole)),
    board: cardsText(h.board),
    samples: EQUITY_SAMPLES,
    seed: s.handNumber * 8 + h.board.length,
    exactLimit: EXACT_BOARDS,
  });
  if (!answer.ok) return seats;
  return seats.map((seat, k) => ({ ...seat, equity: answer.result.equity[k]! }));
}

export function broadcastView(s: NlheState): { seats: BroadcastSeat[] } {
  return { seats: broadcastSeats(s) };
}
