/**
 * A person's table settings stay with the seat for the match: a page that reconnects (a reload,
 * another tab) reads the setting the seat chose from its own view, and only that seat reads it.
 */
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { useArena } from './testing/arena';
import { join, type TestSeat, until } from './testing/clients';
import { postJson } from './testing/http';

const test = useArena({ clock: new FakeClock() });

const prefsOf = (seat: TestSeat): unknown => {
  const view = [...(seat.room.state.views ?? [])][0] as { prefs?: string } | undefined;
  return view?.prefs === undefined ? undefined : JSON.parse(view.prefs);
};

describe('a seat’s table settings', () => {
  it('are held by the match, so a reconnecting page reads what the seat chose', async () => {
    const created = await postJson(`${test.base}/api/matches`, {
      game: 'nlhe',
      params: { players: 2, format: 'cash', hands: 3 },
      seats: ['human', 'human'],
      clock: { actionMs: 3_600_000, bankMs: 0 },
    });
    const [zero, one] = created.seats.map((s: { token: string }) => s.token) as [string, string];
    const first = await join(test.port, created.matchId, zero);
    // Nothing chosen yet: the game's defaults apply, and the page may offer its own.
    await until(() => prefsOf(first) === null, 60_000, 'the seat view');
    first.room.send('prefs', { muckLosing: false });
    await until(() => JSON.stringify(prefsOf(first)) === '{"muckLosing":false}', 60_000, 'the setting to be held');
    await first.room.leave();

    const again = await join(test.port, created.matchId, zero);
    await until(() => prefsOf(again) !== undefined, 60_000, 'the seat view after reconnecting');
    expect(prefsOf(again)).toEqual({ muckLosing: false });
    // The other seat's view holds its own (unchosen) settings, and spectators have no seat view.
    const other = await join(test.port, created.matchId, one);
    await until(() => prefsOf(other) !== undefined, 60_000, 'the other seat view');
    expect(prefsOf(other)).toBeNull();
    const spectator = await join(test.port, created.matchId);
    expect(prefsOf(spectator)).toBeUndefined();
    for (const s of [again, other, spectator]) await s.room.leave();
  });
});
