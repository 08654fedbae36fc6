/** PHH (Poker Hand History) import, replay and export for No-Limit Texas Hold'em. */
import type { NlheState } from '../match/session';
import type { PhhHand } from './parse';
import { toPhhHand, writePhhs } from './write';

export { type PhhEntry, type PhhHand, parsePhhText, toPhhHand as checkPhhHand } from './parse';
export { parsePhhAction, phhConfig, type ReplayResult, replayPhh } from './replay';
export { phhActions, toPhhHand, writePhh, writePhhs } from './write';

/** Every finished hand of a Parley game as PHH hands (seats 1-based, as PHH counts them). */
export function matchToPhh(s: NlheState): PhhHand[] {
  return s.past.map((r) =>
    toPhhHand(r.config, r.log, r.finishing, {
      hand: r.number,
      seats: r.seats.map((seat) => seat + 1),
      seat_count: s.stacks.length,
    }),
  );
}

/** Every finished hand of a Parley game as one PHHS document. */
export const matchToPhhs = (s: NlheState): string => writePhhs(matchToPhh(s));
