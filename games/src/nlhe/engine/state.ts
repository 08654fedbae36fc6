/**
 * The hand engine's state: one No-Limit Hold'em hand as plain JSON, in PHH position order.
 *
 * Position 0 is the first seat left of the button (the small blind) and position n-1 the
 * button, as in PHH; heads-up, position 0 is the big blind and position 1 the button, who
 * posts the small blind. Like PokerKit, a hand moves through explicit phases:
 *
 *   (antes, blinds: posted on creation) -> dealing -> betting -> dealing -> betting ... -> showdown -> over
 *
 * `dealing` waits for chance to deal one card (hole cards position by position, then the
 * board a card at a time); `betting` waits for `actors[0]`; `showdown` for `showQueue[0]` to
 * show or muck. Every operation is verify / apply (see `index.ts`); states are never mutated
 * once made: an action writes into a new state that shares the arrays it leaves alone.
 */
import type { ActionError } from '../../core/game';

export type HandPhase = 'dealing' | 'betting' | 'showdown' | 'over';

/** What a hand is played with: PHH's fields, arrays indexed by position. */
export interface HandConfig {
  /** Antes by position (PHH `antes`); dead money, posted before the blinds. */
  readonly antes: readonly number[];
  /** Blinds and straddles by position (PHH `blinds_or_straddles`), e.g. [50, 100, 200, 0, 0, 0]. */
  readonly blindsOrStraddles: readonly number[];
  /** The minimum bet, and the minimum raise increment until someone raises by more. */
  readonly minBet: number;
  readonly startingStacks: readonly number[];
  /** PHH `ante_trimming_status`: return the part of an ante that nobody else matched. */
  readonly anteTrimming?: boolean;
}

export interface HandState {
  readonly n: number;
  /** Ante and blind each position was due (heads-up already mapped), before capping at its stack. */
  readonly antes: number[];
  readonly blinds: number[];
  readonly minBet: number;
  readonly startingStacks: number[];
  readonly anteTrimming: boolean;

  phase: HandPhase;
  /** 0 pre-flop, 1 flop, 2 turn, 3 river. */
  street: number;
  stacks: number[];
  /** Chips in front of each position on this street, not yet in the pot. */
  bets: number[];
  /** Chips each position has put into the pot on earlier streets (antes too when trimmed). */
  committed: number[];
  /** Untrimmed antes: dead money for the main pot, outside the side-pot layering. */
  deadAntes: number;
  folded: boolean[];
  hole: number[][];
  board: number[];
  /** Positions still to act in this betting round, in order (PokerKit's actor queue). */
  actors: number[];
  /** Who opened the current betting round: the last bettor or raiser, else the first to act. Showdown starts here. */
  opener: number;
  /** The largest bet or raise increment on this street (the minimum raise is at least this). */
  raiseSize: number;
  /** The bet level each position last acted at on this street, -1 if it has not acted (decides reopening). */
  actedAt: number[];
  /** True once at most one player can still bet: hands are shown before the rest of the board is dealt. */
  allIn: boolean;
  showQueue: number[];
  shown: boolean[];
  mucked: boolean[];
  /** Chips pushed to each position when the hand ended. */
  won: number[];
  /**
   * The hand so far, PHH-like with positions p1..pN, one card per deal: `d dh p1 As`, `d db Kd`,
   * `p3 raise 300`, `p2 call`, `p1 check`, `p4 fold`, `p2 show AsKd`, `p1 muck` (see `phh/write.ts`).
   */
  log: string[];
}

export type HandAction =
  | { readonly type: 'deal'; readonly card: number }
  | { readonly type: 'fold' }
  | { readonly type: 'check' }
  | { readonly type: 'call' }
  /** Raise (or bet) so that this position's total bet on the street is `to`. */
  | { readonly type: 'raise'; readonly to: number }
  | { readonly type: 'show' }
  | { readonly type: 'muck' };

export type HandActor = number | 'chance';

export type HandError = ActionError;

export const maxBet = (h: HandState): number => {
  let m = 0;
  for (const b of h.bets) if (b > m) m = b;
  return m;
};

// The helpers below run on every action: plain loops, no callbacks or intermediate arrays.

/** Players still holding cards (not folded, not mucked). */
export function contenders(h: HandState): number[] {
  const out: number[] = [];
  for (let i = 0; i < h.n; i++) if (!h.folded[i] && !h.mucked[i]) out.push(i);
  return out;
}

/** Everything in the middle: pots, dead antes and the bets of this street. */
export function potTotal(h: HandState): number {
  let total = h.deadAntes;
  for (let i = 0; i < h.n; i++) total += h.committed[i]! + h.bets[i]!;
  return total;
}

/** Positions in table order starting at `from`. */
export function rotation(n: number, from: number): number[] {
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[k] = (from + k) % n;
  return out;
}

/** A copy sharing every array with `h`: the caller replaces (never mutates) the arrays it changes. */
export function shareHand(h: HandState): HandState {
  // Spelled out: an object spread is many times slower on this hot path.
  return {
    n: h.n,
    antes: h.antes,
    blinds: h.blinds,
    minBet: h.minBet,
    startingStacks: h.startingStacks,
    anteTrimming: h.anteTrimming,
    phase: h.phase,
    street: h.street,
    stacks: h.stacks,
    bets: h.bets,
    committed: h.committed,
    deadAntes: h.deadAntes,
    folded: h.folded,
    hole: h.hole,
    board: h.board,
    actors: h.actors,
    opener: h.opener,
    raiseSize: h.raiseSize,
    actedAt: h.actedAt,
    allIn: h.allIn,
    showQueue: h.showQueue,
    shown: h.shown,
    mucked: h.mucked,
    won: h.won,
    log: h.log,
  };
}

/**
 * A copy for a betting action (fold, check, call, raise), with its own acted-at levels, which
 * every betting action changes (as it extends the log, with `appended`). It shares the rest with `h`: each action copies the
 * arrays it changes besides (a check moves no chips, a fold none either), and the end of a
 * betting round copies what it changes (`flow.ts`).
 */
export function bettingCopy(h: HandState): HandState {
  const c = shareHand(h);
  c.actedAt = h.actedAt.slice();
  return c;
}

/**
 * A new array: `list` with `item` after it, allocated at its exact length. (A slice then a push
 * grows the copy's store by half again: most of what a hand allocated was that slack, in the
 * log that every action extends.)
 */
export function appended<T>(list: readonly T[], item: T): T[] {
  const n = list.length;
  const out = new Array<T>(n + 1);
  for (let k = 0; k < n; k++) out[k] = list[k]!;
  out[n] = item;
  return out;
}

/** PHH player label of a position: p1 .. pN. */
export const label = (position: number): string => `p${position + 1}`;
