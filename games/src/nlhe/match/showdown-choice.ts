/**
 * The showdown a card room plays for a person: a hand that must be shown, or that can still win
 * (or split) the pot, is shown; a hand already beaten by a shown one is mucked when the person
 * mucks losing hands (the default, as in card rooms) and shown otherwise. The engine's rules
 * decide what is legal (`verifyMuck`); the preference only chooses between legal actions.
 *
 * A muck is legal only when nobody is all in, so one pot is contested: a hand beaten by any
 * shown hand can win no part of it.
 */
import type { SeatPreferences } from '../../core/game';
import { verifyMuck } from '../engine/showdown';
import { evaluate } from '../eval';
import { actingSeat } from './actions';
import type { NlheState } from './session';

export function settledAction(s: NlheState, seat: number, prefs: SeatPreferences): string | null {
  const h = s.hand;
  if (h.phase !== 'showdown' || actingSeat(s) !== seat) return null;
  if (verifyMuck(h) !== null || !prefs.muckLosing) return 'show';
  const strength = (pos: number) => evaluate([...h.hole[pos]!, ...h.board]);
  const mine = strength(s.seats.indexOf(seat));
  let best = -1;
  h.shown.forEach((shown, pos) => {
    if (shown) best = Math.max(best, strength(pos));
  });
  return best > mine ? 'muck' : 'show';
}
