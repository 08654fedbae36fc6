/**
 * Chance's operations: dealing hole cards (two to each position in turn, position 0 first, as
 * PHH lists them) and then the board one card at a time (three for the flop). Every card left
 * in the deck is equally likely; the engine holds no deck order, only what has been dealt.
 */
import { actionError } from '../../core/game';
import { cardName } from '../cards';
import { afterDealing } from './flow';
import { type HandError, type HandState, label } from './state';

/** Board size once each street's cards are out. */
const BOARD_AFTER = [0, 3, 4, 5];

export type DealTarget = { readonly kind: 'hole'; readonly position: number } | { readonly kind: 'board' };

/** Who the next card goes to, or null when chance is not to act. */
export function dealTarget(h: HandState): DealTarget | null {
  if (h.phase !== 'dealing') return null;
  if (h.street === 0) {
    const position = h.hole.findIndex((cards) => cards.length < 2);
    return position >= 0 ? { kind: 'hole', position } : null;
  }
  return h.board.length < BOARD_AFTER[h.street]! ? { kind: 'board' } : null;
}

/** 52-bit set of dealt cards as two 26-bit halves (plain numbers keep bit operations 32-bit). */
export function dealtMask(h: HandState): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const cards of h.hole) {
    for (const c of cards) {
      if (c < 26) lo |= 1 << c;
      else hi |= 1 << (c - 26);
    }
  }
  for (const c of h.board) {
    if (c < 26) lo |= 1 << c;
    else hi |= 1 << (c - 26);
  }
  return [lo, hi];
}

export const isDealt = (mask: [number, number], c: number): boolean =>
  c < 26 ? (mask[0] & (1 << c)) !== 0 : (mask[1] & (1 << (c - 26))) !== 0;

/** The cards still in the deck, ascending. */
export function undealtCards(h: HandState): number[] {
  const mask = dealtMask(h);
  const out: number[] = [];
  for (let c = 0; c < 52; c++) if (!isDealt(mask, c)) out.push(c);
  return out;
}

export function verifyDeal(h: HandState, card: number): HandError | null {
  if (dealTarget(h) === null) return actionError('nlhe/no-deal', 'no card is to be dealt now');
  if (!Number.isInteger(card) || card < 0 || card > 51) return actionError('nlhe/bad-card', `not a card: ${card}`);
  if (isDealt(dealtMask(h), card)) return actionError('nlhe/card-dealt', `${cardName(card)} has already been dealt`);
  return null;
}

/** Deals `card` to the current target (on a clone); opens betting when the street's cards are out. */
export function doDeal(h: HandState, card: number): void {
  const target = dealTarget(h)!;
  if (target.kind === 'hole') {
    h.hole[target.position]!.push(card);
    h.log.push(`d dh ${label(target.position)} ${cardName(card)}`);
  } else {
    h.board.push(card);
    h.log.push(`d db ${cardName(card)}`);
  }
  if (dealTarget(h) === null) afterDealing(h);
}
