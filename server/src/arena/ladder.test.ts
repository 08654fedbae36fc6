/**
 * The living ladder through the arena (issue 15): a rated match between a person and an agent moves
 * both ratings, in the shared pool and the people-only pool; a casual match moves nothing.
 */
import { describe, expect, it } from 'vitest';
import { useArena } from './testing/arena';
import { autoPlay, join, until } from './testing/clients';
import { fetchJson, postJson } from './testing/http';

const test = useArena();

async function playAgainstEquilibrium(rated: boolean | undefined, seed: number): Promise<string> {
  const created = await postJson(`${test.base}/api/matches`, {
    game: 'kuhn',
    seed,
    seats: [{ agent: 'human', name: 'alice' }, 'equilibrium'],
    clock: { actionMs: 10_000, bankMs: 0 },
    ...(rated !== undefined && { rated }),
  });
  const person = await join(test.port, created.matchId, created.seats[0].token);
  autoPlay(person, (legal) => [legal.includes('bet') ? 'bet' : (legal[0] as string)]);
  await until(
    async () => (await fetchJson(`${test.base}/api/matches/${created.matchId}`)).status === 'finished',
    20_000,
    'the match to finish',
  );
  await person.room.leave();
  return created.matchId;
}

describe('the ladder', () => {
  it('rates people and agents from rated arena matches only, filtered by game, kind and pool', async () => {
    await playAgainstEquilibrium(true, 5);
    await until(async () => (await fetchJson(`${test.base}/api/ladder?game=kuhn`)).ratings.length === 2, 10_000, 'the ladder');
    const all = (await fetchJson(`${test.base}/api/ladder?game=kuhn`)).ratings;
    expect(all.map((r: { player: string }) => r.player).sort()).toEqual(['agent:equilibrium', 'person:alice']);
    for (const r of all) expect(r).toMatchObject({ matches: 1, provisional: true, pool: 'all' });
    const people = (await fetchJson(`${test.base}/api/ladder?game=kuhn&kind=person`)).ratings;
    expect(people.map((r: { name: string }) => r.name)).toEqual(['alice']);
    const vsPeople = (await fetchJson(`${test.base}/api/ladder?game=kuhn&pool=vs-people&name=equilibrium`)).ratings;
    expect(vsPeople).toHaveLength(1);
    expect(vsPeople[0].mu).toBe(all.find((r: { name: string }) => r.name === 'equilibrium').mu);

    // Casual (the default): played and stored, never rated.
    await playAgainstEquilibrium(undefined, 6);
    await playAgainstEquilibrium(false, 7);
    const after = (await fetchJson(`${test.base}/api/ladder?game=kuhn`)).ratings;
    expect(after.map((r: { matches: number }) => r.matches)).toEqual([1, 1]);
    expect((await fetchJson(`${test.base}/api/ladder?kind=wizard`)).code).toBe('query/invalid');
  });
});
