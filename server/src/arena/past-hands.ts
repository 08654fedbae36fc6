/**
 * The finished hands of a match played as a series of hands (a poker session), as one viewer
 * may read them, so a page opened or reloaded mid-match lists every hand before it (the game's
 * `finishedHands` says what each reader may see). The stored actions are replayed through the
 * engine: for a spectator of a running match only the actions older than the spectator delay,
 * so a hand ended within the delay is not there yet; a seat reads the match as it stands.
 * Never a hand in play: the game lists finished hands only.
 */
import type { Game, Seat } from '@parley/games';
import { actionsAndMessagesOf } from '../store/events';
import type { MatchWithEvents } from '../store/types';
import type { StoredSettings } from './match-service';

/** The finished hands `viewer` (null: a spectator) may read now, or null when the game is not played in hands. */
export function pastHands(game: Game<any, any>, match: MatchWithEvents, viewer: Seat | null, now: number): unknown[] | null {
  const finished = game.finishedHands?.bind(game);
  if (!finished) return null;
  const parsed = game.descriptor.parseParams(match.params ?? {});
  if (!parsed.ok) return [];
  const stored = match.settings as Partial<StoredSettings> | null;
  const delayMs = viewer === null && match.status === 'running' ? (stored?.settings?.spectatorDelayMs ?? 0) : 0;
  const times = match.events.filter((e) => e.kind === 'action').map((e) => e.at);
  const { actions } = actionsAndMessagesOf(match);
  let state = game.newInitialState(parsed.params);
  for (const [i, { actor, action }] of actions.entries()) {
    // Action times only grow, so the first one inside the delay ends what a spectator has seen.
    if ((times[i] ?? now) > now - delayMs) break;
    state = game.applyAction(state, actor, action);
  }
  return [...finished(state, viewer)];
}
