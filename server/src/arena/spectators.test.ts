/** What the lobby reads: a live room's spectator count, and an agents list free of seat placeholders. */
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { useArena } from './testing/arena';
import { join, until } from './testing/clients';
import { fetchJson } from './testing/http';

const test = useArena({ clock: new FakeClock() });

async function createMatch(body: unknown): Promise<{ matchId: string; seats: { seat: number; token?: string }[] }> {
  const res = await fetch(`${test.base}/api/matches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status}`);
  return (await res.json()) as { matchId: string; seats: { seat: number; token?: string }[] };
}

describe('the lobby’s view of a live match', () => {
  it('counts the spectators in the room, and not the players', async () => {
    const { matchId, seats } = await createMatch({ game: 'kuhn', seed: 4, seats: ['human', 'random'] });
    const player = await join(test.port, matchId, seats[0]?.token);
    const a = await join(test.port, matchId);
    const b = await join(test.port, matchId);
    await until(() => player.room.state.spectators === 2, 5000, 'two spectators counted');
    await b.room.leave();
    await until(() => a.room.state.spectators === 1, 5000, 'one spectator left');
    await a.room.leave();
    await player.room.leave();
  });

  it('lists agents, not the placeholder names of people’s unnamed seats', async () => {
    await createMatch({ game: 'kuhn', seed: 5, seats: ['human', 'random'] });
    const { agents } = (await fetchJson(`${test.base}/api/agents`)) as { agents: { name: string }[] };
    const names = agents.map((x) => x.name);
    expect(names).toContain('random');
    expect(names.filter((n) => /^seat \d+$/.test(n))).toEqual([]);
  });
});
