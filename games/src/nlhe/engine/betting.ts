/**
 * The betting operations, each as verify (null or an error value) and do (on a `bettingCopy`,
 * which shares the chips, folds and actor queue of the state before: each do copies those it changes).
 *
 * Sizes follow PokerKit's no-limit rules, which the reference hand histories were made with:
 * a bet or raise names the total it brings the player's street bet to ("raise to"); the least
 * legal total is the largest bet plus the larger of `minBet` and the largest bet or raise
 * increment so far this street (blinds and straddles are not increments, so over a straddle
 * of 200 with a 100 big blind the minimum is 300); the most is the player's whole stack. As in
 * standard no-limit rules (the ACPC's and PokerKit's), a raise short of the minimum is legal
 * only all in: a smaller raise that merely covers every opponent's stack is not (issue 18).
 *
 * One rule is stricter than PokerKit: an all-in raise smaller than a full raise does not reopen
 * the betting. A player who has acted on this street may raise again only if the bet has grown
 * by at least a full raise since it last acted; otherwise it may only call or fold (TDA rule).
 */
import { actionError } from '../../core/game';
import { afterBettingAction } from './flow';
import { CALL_ENTRIES, CHECK_ENTRIES, FOLD_ENTRIES, raiseEntry } from './log-text';
import { appended, type HandError, type HandState, maxBet } from './state';

export interface RaiseBounds {
  /** Least legal raise-to total (below the usual minimum only when it is the player's all in). */
  readonly min: number;
  /** Most legal raise-to total: the player's whole stack plus its bet. */
  readonly max: number;
}

const actor = (h: HandState): number | undefined => (h.phase === 'betting' ? h.actors[0] : undefined);

function notBetting(h: HandState): HandError | null {
  return actor(h) === undefined ? actionError('nlhe/not-betting', 'no betting action is expected now') : null;
}

/** The raise-to range of the player to act, or null if it may not bet or raise. */
export function raiseBounds(h: HandState): RaiseBounds | null {
  const i = actor(h);
  if (i === undefined) return null;
  const min = leastRaiseTo(h, i, maxBet(h));
  return min < 0 ? null : { min, max: h.stacks[i]! + h.bets[i]! };
}

/**
 * The least raise-to total of position `i` (the player to act) facing the largest bet `top`, or
 * -1 if it may not bet or raise; the most is always its stack plus its bet. For callers that
 * know `top` already and want no range object (the legal-action list, at every decision).
 */
export function leastRaiseTo(h: HandState, i: number, top: number): number {
  const stack = h.stacks[i]!;
  const bet = h.bets[i]!;
  if (stack <= top - bet) return -1;
  let someoneCanCall = false;
  for (let j = 0; j < h.n && !someoneCanCall; j++) someoneCanCall = j !== i && !h.folded[j] && h.stacks[j]! + h.bets[j]! > top;
  if (!someoneCanCall) return -1;
  const fullRaise = Math.max(h.raiseSize, h.minBet);
  if (h.actedAt[i]! >= 0 && top - h.actedAt[i]! < fullRaise) return -1;
  return Math.min(top + fullRaise, stack + bet);
}

export function verifyFold(h: HandState): HandError | null {
  const i = actor(h);
  if (i === undefined) return notBetting(h);
  return h.bets[i]! >= maxBet(h) ? actionError('nlhe/no-bet-to-fold', 'there is no bet to fold to: check instead') : null;
}

export function verifyCheck(h: HandState): HandError | null {
  const i = actor(h);
  if (i === undefined) return notBetting(h);
  return h.bets[i]! < maxBet(h)
    ? actionError('nlhe/facing-bet', `cannot check facing a bet of ${maxBet(h)}: call, raise or fold`)
    : null;
}

export function verifyCall(h: HandState): HandError | null {
  const i = actor(h);
  if (i === undefined) return notBetting(h);
  return h.bets[i]! >= maxBet(h) ? actionError('nlhe/nothing-to-call', 'there is nothing to call: check instead') : null;
}

export function verifyRaise(h: HandState, to: number): HandError | null {
  const i = actor(h);
  if (i === undefined) return notBetting(h);
  if (!Number.isSafeInteger(to))
    return actionError('nlhe/bad-amount', `a raise-to amount must be a whole number of chips, got ${to}`);
  const bounds = raiseBounds(h);
  if (!bounds)
    return actionError(
      'nlhe/raise-closed',
      'raising is not allowed here (nobody left to raise, short of chips, or betting not reopened)',
    );
  if (to < bounds.min || to > bounds.max) {
    return actionError('nlhe/raise-size', `raise to ${to} is outside the legal range ${bounds.min}..${bounds.max}`, bounds);
  }
  return null;
}

/**
 * Records that the acting player `i` acted, at bet level `level` (the largest bet after its
 * action), with log `entry`. The action's copy (`bettingCopy`) owns the acted-at levels; the log
 * is extended into a new array; the queue of actors is left to the caller, which either drops
 * its head or replaces it.
 */
function acted(h: HandState, i: number, level: number, entry: string): void {
  h.actedAt[i] = level;
  h.log = appended(h.log, entry);
}

export function doFold(h: HandState): void {
  const i = h.actors[0]!;
  h.folded = h.folded.slice();
  h.folded[i] = true;
  h.actors = h.actors.slice(1);
  acted(h, i, maxBet(h), FOLD_ENTRIES[i]!);
  afterBettingAction(h, true);
}

export function doCheckOrCall(h: HandState): void {
  const i = h.actors[0]!;
  const top = maxBet(h);
  const facing = top - h.bets[i]!;
  if (facing > 0) {
    // A check moves no chips: only a call needs chips of its own.
    h.stacks = h.stacks.slice();
    h.bets = h.bets.slice();
    const amount = Math.min(h.stacks[i]!, facing);
    h.bets[i]! += amount;
    h.stacks[i]! -= amount;
  }
  h.actors = h.actors.slice(1);
  // A call (even all in for less) leaves the largest bet where it was.
  acted(h, i, top, facing > 0 ? CALL_ENTRIES[i]! : CHECK_ENTRIES[i]!);
  afterBettingAction(h, false);
}

export function doRaise(h: HandState, to: number): void {
  const i = h.actors[0]!;
  h.stacks = h.stacks.slice();
  h.bets = h.bets.slice();
  h.raiseSize = Math.max(h.raiseSize, to - maxBet(h));
  h.stacks[i]! -= to - h.bets[i]!;
  h.bets[i] = to;
  h.opener = i;
  // A verified raise tops every bet: `to` is the new largest.
  acted(h, i, to, raiseEntry(i, to));
  // Everyone else with chips answers the raise, in order from the raiser's left.
  const actors: number[] = [];
  for (let k = 1; k < h.n; k++) {
    const j = (i + k) % h.n;
    if (!h.folded[j] && h.stacks[j]! > 0) actors.push(j);
  }
  h.actors = actors;
  afterBettingAction(h, false);
}
