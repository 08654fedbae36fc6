/**
 * The turns a match has been through, for a live page's phase history (games played in rounds,
 * those with a `turnKey`, such as Diplomacy's phases): the spectator view as each turn began,
 * replayed from the stored actions through the engine. A view taken as a turn begins holds no
 * order of that turn, so a turn's pending orders never show; the orders of a past turn show in
 * the next turn's view (its `lastPhase`), resolved. While the match runs, turns that began within
 * the spectator delay are left out: spectators have not seen them yet.
 */
import type { Game } from '@parley/games';
import { actionsAndMessagesOf } from '../store/events';
import type { MatchWithEvents } from '../store/types';
import type { StoredSettings } from './match-service';

export interface TurnOpening {
  /** The turn in the game's grammar (`S1901M`). */
  turn: string;
  /** When it began (ms since epoch): the time of the action that ended the turn before. */
  at: number;
  view: unknown;
}

/** Turn openings of a stored match, oldest first; `now` is the arena clock's reading. */
export function turnOpenings(game: Game<any, any>, match: MatchWithEvents, now: number): TurnOpening[] {
  const turnKey = game.turnKey?.bind(game);
  if (!turnKey) return [];
  const parsed = game.descriptor.parseParams(match.params ?? {});
  if (!parsed.ok) return [];
  const stored = match.settings as Partial<StoredSettings> | null;
  const delayMs = match.status === 'running' ? (stored?.settings?.spectatorDelayMs ?? 0) : 0;
  const times = match.events.filter((e) => e.kind === 'action').map((e) => e.at);
  let state = game.newInitialState(parsed.params);
  const openings: TurnOpening[] = [{ turn: turnKey(state), at: match.createdAt, view: game.spectatorView(state) }];
  actionsAndMessagesOf(match).actions.forEach(({ actor, action }, i) => {
    state = game.applyAction(state, actor, action);
    const turn = turnKey(state);
    if (turn !== openings[openings.length - 1]?.turn)
      openings.push({ turn, at: times[i] ?? match.createdAt, view: game.spectatorView(state) });
  });
  // The opening position is public from the start.
  return openings.filter((o, i) => i === 0 || o.at <= now - delayMs);
}
