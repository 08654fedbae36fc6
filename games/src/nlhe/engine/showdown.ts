/**
 * Showing and mucking. The showdown starts with the last bettor or raiser of the final betting
 * round (else the first to act on it) and goes round the table. A player may muck, giving up
 * the pot, unless a player in the hand is all in (then every hand is tabled, as in PokerKit) or
 * every other hand is already mucked (someone must take the pot). When players are all in
 * before the river, they show first and the rest of the board is dealt afterwards.
 */
import { actionError } from '../../core/game';
import { afterShowdownAction } from './flow';
import { MUCK_ENTRIES, showEntry } from './log-text';
import { appended, contenders, type HandError, type HandState, shareHand } from './state';

const shower = (h: HandState): number | undefined => (h.phase === 'showdown' ? h.showQueue[0] : undefined);

export function verifyShow(h: HandState): HandError | null {
  return shower(h) === undefined ? actionError('nlhe/not-showdown', 'nobody is to show now') : null;
}

export function verifyMuck(h: HandState): HandError | null {
  const i = shower(h);
  if (i === undefined) return actionError('nlhe/not-showdown', 'nobody is to show now');
  if (h.allIn) return actionError('nlhe/must-show', 'a player is all in: every hand is shown');
  if (contenders(h).length <= 1) return actionError('nlhe/must-show', 'every other hand is mucked: this one takes the pot');
  return null;
}

/** A copy for a show or muck, with its own show queue; each copies the marks it sets and extends the log (settling copies the chips). */
export function showdownCopy(h: HandState): HandState {
  const c = shareHand(h);
  c.showQueue = h.showQueue.slice();
  return c;
}

export function doShow(h: HandState): void {
  const i = h.showQueue.shift()!;
  h.shown = h.shown.slice();
  h.shown[i] = true;
  h.log = appended(h.log, showEntry(i, h.hole[i]!));
  afterShowdownAction(h);
}

export function doMuck(h: HandState): void {
  const i = h.showQueue.shift()!;
  h.mucked = h.mucked.slice();
  h.mucked[i] = true;
  h.log = appended(h.log, MUCK_ENTRIES[i]!);
  afterShowdownAction(h);
}
