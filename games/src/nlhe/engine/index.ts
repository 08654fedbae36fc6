/**
 * The hand engine's surface: who acts, verify an action, apply it. `verifyHandAction` returns
 * null or an error value and never throws; `applyHandAction` assumes a verified action and
 * returns a new state (the input is never mutated; arrays the action leaves alone may be shared
 * with it, since no state is ever changed after it is made).
 */
import { actionError } from '../../core/game';
import { doCheckOrCall, doFold, doRaise, verifyCall, verifyCheck, verifyFold, verifyRaise } from './betting';
import { dealShared, verifyDeal } from './dealing';
import { doMuck, doShow, showdownCopy, verifyMuck, verifyShow } from './showdown';
import { bettingCopy, type HandAction, type HandActor, type HandConfig, type HandError, type HandState } from './state';

export { leastRaiseTo, type RaiseBounds, raiseBounds } from './betting';
export { type DealTarget, dealTarget, dealtMask, isDealt, nthUndealt, undealtCards, undealtCount } from './dealing';
export { createHand, effectiveStack } from './flow';
export { isHoleDeal } from './log-text';
export { buildPots, type Pot, splitPot } from './pots';
export * from './state';

/** Who acts next: a position, chance (a card is due), or null once the hand is over. */
export function handActor(h: HandState): HandActor | null {
  switch (h.phase) {
    case 'dealing':
      return 'chance';
    case 'betting':
      return h.actors[0] ?? null;
    case 'showdown':
      return h.showQueue[0] ?? null;
    default:
      return null;
  }
}

export function verifyHandAction(h: HandState, actor: HandActor, action: HandAction): HandError | null {
  const expected = handActor(h);
  if (expected === null) return actionError('action/game-over', 'the hand is over');
  if (actor !== expected) {
    const who = (a: HandActor) => (a === 'chance' ? 'chance' : `p${a + 1}`);
    return actionError('action/not-your-turn', `it is ${who(expected)}'s turn, not ${who(actor)}'s`);
  }
  switch (action.type) {
    case 'deal':
      return verifyDeal(h, action.card);
    case 'fold':
      return verifyFold(h);
    case 'check':
      return verifyCheck(h);
    case 'call':
      return verifyCall(h);
    case 'raise':
      return verifyRaise(h, action.to);
    case 'show':
      return verifyShow(h);
    case 'muck':
      return verifyMuck(h);
    default:
      return actionError('action/illegal', 'unknown action');
  }
}

/** PokerKit's `can_…`: whether the action is legal now. */
export const canHandAction = (h: HandState, actor: HandActor, action: HandAction): boolean =>
  verifyHandAction(h, actor, action) === null;

export function applyHandAction(h: HandState, action: HandAction): HandState {
  // Each action copies only the arrays it changes; the rest are shared with `h` (`shareHand`),
  // and the steps that end a round copy what they change besides (see `flow.ts`).
  switch (action.type) {
    case 'deal':
      return dealShared(h, action.card);
    case 'fold':
      return withCopy(bettingCopy(h), doFold);
    case 'check':
    case 'call':
      return withCopy(bettingCopy(h), doCheckOrCall);
    case 'raise': {
      const next = bettingCopy(h);
      doRaise(next, action.to);
      return next;
    }
    case 'show':
      return withCopy(showdownCopy(h), doShow);
    case 'muck':
      return withCopy(showdownCopy(h), doMuck);
  }
}

function withCopy(next: HandState, apply: (h: HandState) => void): HandState {
  apply(next);
  return next;
}

/** Checks a configuration before `createHand`: 2..23 players, matching arrays, whole non-negative chips. */
export function verifyConfig(config: HandConfig): HandError | null {
  const n = config.startingStacks.length;
  const bad = (message: string) => actionError('nlhe/bad-config', message);
  if (n < 2 || n > 23) return bad(`a hand needs 2 to 23 players, got ${n}`);
  if (config.antes.length !== n || config.blindsOrStraddles.length !== n) {
    return bad(
      `antes (${config.antes.length}) and blinds (${config.blindsOrStraddles.length}) must have one entry per player (${n})`,
    );
  }
  const whole = (x: number) => Number.isSafeInteger(x) && x >= 0;
  if (!config.startingStacks.every((s) => whole(s) && s > 0)) return bad('starting stacks must be positive whole numbers');
  if (!config.antes.every(whole) || !config.blindsOrStraddles.every(whole))
    return bad('antes and blinds must be whole numbers >= 0');
  if (!(Number.isSafeInteger(config.minBet) && config.minBet > 0)) return bad('the minimum bet must be a positive whole number');
  return null;
}
