/**
 * Hypothetical holdings, for analysers that ask an agent what it would do with other cards
 * (Local Best Response): the same state with one position's hole cards replaced, and the
 * public part of the hand's log, which such states share.
 */
import { cardName } from '../cards';
import { isHoleDeal } from '../engine';
import type { NlheState } from './session';

/** `s` with table position `position` holding cards `a` and `b` instead, in the hand and in its log. */
export function withHoleCards(s: NlheState, position: number, a: number, b: number): NlheState {
  const cards = [a, b];
  let k = 0;
  const log = s.hand.log.map((e) =>
    isHoleDeal(e, position) ? `${e.slice(0, e.lastIndexOf(' ') + 1)}${cardName(cards[k++]!)}` : e,
  );
  const hole = s.hand.hole.slice();
  hole[position] = [a, b];
  return { ...s, hand: { ...s.hand, hole, log } };
}

/** The hand's public log: its entries without the hole-card deals, one string (constant within a hand's states that differ only in hole cards). */
export const publicLogKey = (s: NlheState): string => s.hand.log.filter((e) => !isHoleDeal(e)).join(';');
