/**
 * Writes a live match into the room state. Per-seat observations go only into `views[seat]`
 * (visible to that seat's client through StateView); what spectators see is public by
 * construction: the game's spectator view and the press they may read.
 */
import type { LiveMatch } from '../arena/live-match';
import { mayRead } from '../runtime/press-rules';
import type { MatchState, SeatInfo, SeatView } from './match-state';

export function syncSeats(state: MatchState, live: LiveMatch): void {
  const { game } = live;
  state.status = live.status;
  state.actions = live.actionsPlayed;
  state.turn = game.turnKey?.(live.state) ?? '';
  state.pressOpenUntil = live.pressOpenUntil;
  const acting = new Set(game.isTerminal(live.state) ? [] : game.actingSeats(live.state));
  live.seats.forEach((s, seat) => {
    const info = state.seats[seat] as SeatInfo;
    const pending = s.human?.current();
    info.deciding = acting.has(seat);
    info.deadlineAt = pending?.deadlineAt ?? 0;
    info.bankMs = live.banks[seat] ?? 0;
    const view = state.views[seat] as SeatView;
    view.observation = JSON.stringify(game.observation(live.state, seat));
    view.legal = JSON.stringify(acting.has(seat) ? game.legalActions(live.state, seat) : []);
    view.decision = pending?.id ?? -1;
    view.inbox = JSON.stringify(live.messages.filter((m) => mayRead(m, seat)));
    view.prefs = JSON.stringify(live.preferencesOf(seat));
  });
}

/** Public press after the spectator delay while the match runs; every message once it is over. */
export function spectatorPress(live: LiveMatch, delayMs: number, now: number): string {
  const shown = live.messages.filter(
    (m, i) => live.status !== 'running' || (mayRead(m, null) && (live.messageTimes[i] ?? now) <= now - delayMs),
  );
  return JSON.stringify(shown);
}
