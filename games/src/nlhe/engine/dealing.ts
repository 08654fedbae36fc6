/**
 * Chance's operations: dealing hole cards (two to each position in turn, position 0 first, as
 * PHH lists them) and then the board one card at a time (three for the flop). Every card left
 * in the deck is equally likely; the engine holds no deck order, only what has been dealt.
 */
import { actionError } from '../../core/game';
import { cardName } from '../cards';
import { afterDealing } from './flow';
import { dealEntry } from './log-text';
import { appended, type HandError, type HandState, shareHand } from './state';

/** Board size once each street's cards are out. */
const BOARD_AFTER = [0, 3, 4, 5];

export type DealTarget = { readonly kind: 'hole'; readonly position: number } | { readonly kind: 'board' };

/** Who the next card goes to, or null when chance is not to act. */
export function dealTarget(h: HandState): DealTarget | null {
  if (h.phase !== 'dealing') return null;
  if (h.street === 0) {
    // Two to a position, position 0 first: the hole cards dealt so far name the position.
    const position = (dealtCount(h) - h.board.length) >> 1;
    return position < h.n ? HOLE_TARGET[position]! : null;
  }
  return h.board.length < BOARD_AFTER[h.street]! ? BOARD_TARGET : null;
}

// Targets are values: one shared object each rather than one per question.
const BOARD_TARGET: DealTarget = { kind: 'board' };
const HOLE_TARGET: readonly DealTarget[] = Array.from({ length: 23 }, (_, position) => ({ kind: 'hole', position }));

// The dealt cards of one hand, remembered with the hand they belong to. Every chance step asks
// for them several times (who gets the card, how many are left, the k-th one left, the deal's
// text) on the state the last deal made, which knew them: a deal stores the new hand's set here
// (the old set plus one card), so a run of deals never walks the hands again. Any other hand
// (an older state, one read back from JSON) is counted once from its cards. States are never
// changed after they are made, so a hand's set, once known, stays right.
let knownHand: HandState | null = null;
let knownLo = 0;
let knownHi = 0;
let knownCount = 0;

function know(h: HandState): void {
  if (h === knownHand) return;
  let lo = 0;
  let hi = 0;
  let count = h.board.length;
  for (const cards of h.hole) {
    count += cards.length;
    for (const c of cards) {
      if (c < 26) lo |= 1 << c;
      else hi |= 1 << (c - 26);
    }
  }
  for (const c of h.board) {
    if (c < 26) lo |= 1 << c;
    else hi |= 1 << (c - 26);
  }
  remember(h, lo, hi, count);
}

function remember(h: HandState, lo: number, hi: number, count: number): void {
  knownHand = h;
  knownLo = lo;
  knownHi = hi;
  knownCount = count;
}

function dealtCount(h: HandState): number {
  know(h);
  return knownCount;
}

/** 52-bit set of dealt cards as two 26-bit halves (plain numbers keep bit operations 32-bit). */
export function dealtMask(h: HandState): [number, number] {
  know(h);
  return [knownLo, knownHi];
}

export const isDealt = (mask: [number, number], c: number): boolean =>
  c < 26 ? (mask[0] & (1 << c)) !== 0 : (mask[1] & (1 << (c - 26))) !== 0;

/** How many cards are still in the deck. */
export function undealtCount(h: HandState): number {
  return 52 - dealtCount(h);
}

/** The `k`-th card (from 0) still in the deck, in ascending order: `undealtCards(h)[k]` without the list. */
export function nthUndealt(h: HandState, k: number): number {
  know(h);
  const freeLo = ~knownLo & HALF;
  const freeHi = ~knownHi & HALF;
  const inLo = bitCount(freeLo);
  if (k >= 0 && k < inLo) return nthBit(freeLo, k);
  if (k >= inLo && k - inLo < bitCount(freeHi)) return 26 + nthBit(freeHi, k - inLo);
  throw new RangeError(`nthUndealt: no card ${k} in the deck`);
}

const HALF = (1 << 26) - 1;

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Index of the `k`-th set bit (from 0, lowest first) of `x`, which has more than `k`. */
function nthBit(x: number, k: number): number {
  // Skips whole bytes by their counts, then clears the low bits left over (at most seven).
  let v = x;
  let base = 0;
  let left = k;
  for (let count = bitCount(v & 0xff); count <= left; count = bitCount(v & 0xff)) {
    left -= count;
    v >>>= 8;
    base += 8;
  }
  for (let j = 0; j < left; j++) v &= v - 1;
  return base + 31 - Math.clz32(v & -v);
}

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
  know(h);
  if (card < 26 ? (knownLo & (1 << card)) !== 0 : (knownHi & (1 << (card - 26))) !== 0)
    return actionError('nlhe/card-dealt', `${cardName(card)} has already been dealt`);
  return null;
}

/** `board` and then `card`, in a new array (at most five cards). */
function withCard(board: readonly number[], card: number): number[] {
  const out = board.slice();
  out.push(card);
  return out;
}

/**
 * Deals `card` into a new state that shares every array the deal leaves alone (all but the
 * receiving hand or the board, and the log). The last card of a street opens its betting round,
 * which writes new acted-at levels.
 */
export function dealShared(h: HandState, card: number): HandState {
  const target = dealTarget(h)!;
  // `dealTarget` made `h` the known hand: the new one's set is the same plus this card.
  const lo = card < 26 ? knownLo | (1 << card) : knownLo;
  const hi = card < 26 ? knownHi : knownHi | (1 << (card - 26));
  const count = knownCount + 1;
  const next = shareHand(h);
  // New arrays at their exact lengths (`appended`; a hand's two cards as a literal).
  let lastOfStreet: boolean;
  if (target.kind === 'hole') {
    next.hole = h.hole.slice();
    const had = h.hole[target.position]!;
    // Written as literals: a position gets two cards, and `appended` is left to the log's
    // entries (one kind of element for its copy loop to meet).
    const cards = had.length === 0 ? [card] : [had[0]!, card];
    next.hole[target.position] = cards;
    // Hole cards go two to a position, position 0 first: the street's last is the last position's second.
    lastOfStreet = target.position === h.n - 1 && cards.length === 2;
  } else {
    next.board = withCard(h.board, card);
    lastOfStreet = next.board.length === BOARD_AFTER[h.street];
  }
  next.log = appended(h.log, dealEntry(target.kind === 'hole' ? target.position : -1, card));
  // Opening the round writes new acted-at levels; closing it at once (nobody can act) copies the chips itself.
  if (lastOfStreet) afterDealing(next);
  remember(next, lo, hi, count);
  return next;
}
