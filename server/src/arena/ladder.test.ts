/**
 * The living ladder through the arena (issue 15), over WebSockets: a person's seat is rated as the
 * account that took it (one entry per person across matches, whatever the creator named the
 * seat), nobody else may finish it in their name, a guest's seat is not rated, a bot account is
 * rated as its account and an agent as its registry id; casual matches move nothing.
 */
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../auth/guard';
import type { Principal } from '../auth/principal';
import { FakeClock } from '../testing/fake-clock';
import { useArena } from './testing/arena';
import { autoPlay, join, type TestSeat, until } from './testing/clients';
import { fetchJson, postJson } from './testing/http';

const test = useArena({ clock: new FakeClock() });

interface Rating {
  player: string;
  kind: string;
  name: string;
  matches: number;
  provisional: boolean;
  pool: string;
  mu: number;
}

const ladder = async (query: string): Promise<Rating[]> => (await fetchJson(`${test.base}/api/ladder?${query}`)).ratings;
const matchesOf = async (player: string) => (await ladder('game=kuhn')).find((r) => r.player === player)?.matches ?? 0;

async function signUp(name: string): Promise<{ principal: Principal; cookie: Record<string, string> }> {
  const result = await test.arena.auth.signUp(name, 'correct horse battery staple');
  if (!result.ok) throw new Error(result.message);
  return { principal: result.principal, cookie: { cookie: `${SESSION_COOKIE}=${result.session}` } };
}

async function create(seats: unknown[], rated: boolean | undefined, seed: number) {
  return postJson(`${test.base}/api/matches`, {
    game: 'kuhn',
    seed,
    seats,
    clock: { actionMs: 10_000, bankMs: 0 },
    ...(rated !== undefined && { rated }),
  });
}

/** Plays a joined seat to the end of its match. */
async function playOut(seat: TestSeat, matchId: string): Promise<void> {
  autoPlay(seat, (legal) => [legal.includes('bet') ? 'bet' : (legal[0] as string)]);
  await until(
    async () => (await fetchJson(`${test.base}/api/matches/${matchId}`)).status === 'finished',
    20_000,
    'the match to finish',
  );
  await seat.room.leave();
}

describe('the ladder', () => {
  it('rates the signed-in person who took a seat, never a guest; bot accounts as accounts, agents by id', async () => {
    const alice = await signUp('alice');
    const bob = await signUp('bob');
    const alicePlayer = `person:${alice.principal.accountId}`;

    // A rated match: alice takes the seat signed in; bob, holding the same token, may not take it over.
    const first = await create(['human', 'equilibrium'], true, 5);
    const aliceSeat = await join(test.port, first.matchId, first.seats[0].token, alice.cookie);
    await expect(join(test.port, first.matchId, first.seats[0].token, bob.cookie)).rejects.toThrow(/another account/);
    await expect(join(test.port, first.matchId, first.seats[0].token)).rejects.toThrow(/another account/);
    await playOut(aliceSeat, first.matchId);
    await until(async () => (await ladder('game=kuhn')).length === 2, 10_000, 'the ladder');
    const all = await ladder('game=kuhn');
    expect(all.map((r) => [r.player, r.kind, r.name]).sort()).toEqual([
      ['agent:equilibrium', 'agent', 'equilibrium'],
      [alicePlayer, 'person', 'alice'],
    ]);
    for (const r of all) expect(r).toMatchObject({ matches: 1, provisional: true, pool: 'all' });
    expect((await ladder('game=kuhn&kind=person')).map((r) => r.name)).toEqual(['alice']);
    const vsPeople = await ladder('game=kuhn&pool=vs-people&name=equilibrium');
    expect(vsPeople).toHaveLength(1);
    expect(vsPeople[0]!.mu).toBe(all.find((r) => r.name === 'equilibrium')!.mu);

    // Whatever the creator calls the seat, alice's second match moves alice's one entry.
    const second = await create(
      [
        { agent: 'human', name: 'bob' },
        { agent: 'equilibrium', name: 'alice' },
      ],
      true,
      6,
    );
    const secondSeat = await join(test.port, second.matchId, second.seats[0].token, alice.cookie);
    await until(() => secondSeat.room.state.seats?.[0]?.name === 'alice', 10_000, "the seat to show alice's name");
    await playOut(secondSeat, second.matchId);
    await until(async () => (await matchesOf(alicePlayer)) === 2, 10_000, "alice's second rating");
    expect((await ladder('game=kuhn')).map((r) => [r.player, r.matches]).sort()).toEqual([
      ['agent:equilibrium', 2],
      [alicePlayer, 2],
    ]);

    // A guest's seat is not rated: one without a cookie, and one whose cookie came from another site.
    const guest = await create(['human', 'equilibrium'], true, 7);
    await playOut(await join(test.port, guest.matchId, guest.seats[0].token), guest.matchId);
    const crossSite = await create(['human', 'equilibrium'], true, 8);
    const forged = { ...bob.cookie, origin: 'https://elsewhere.example' };
    await playOut(await join(test.port, crossSite.matchId, crossSite.seats[0].token, forged), crossSite.matchId);

    // A bot account (a WebSocket bot) is rated as its account.
    const created = await test.arena.auth.createBot(bob.principal, { name: 'acme' });
    if (!created.ok) throw new Error(created.message);
    const token = await test.arena.auth.createToken(bob.principal, 'acme', 'test');
    if (!token.ok) throw new Error(token.message);
    const botMatch = await create(['bot/acme', 'equilibrium'], true, 9);
    await playOut(await join(test.port, botMatch.matchId, { botToken: token.token }), botMatch.matchId);
    await until(async () => (await ladder('game=kuhn&kind=bot-account')).length === 1, 10_000, "the bot account's rating");
    const [acme] = await ladder('game=kuhn&kind=bot-account');
    expect(acme).toMatchObject({ name: 'bot/acme', matches: 1 });
    expect(acme!.player).toMatch(/^bot-account:/);
    expect(acme!.player).not.toContain('acme');
    // Rated matches run in order: the two guest matches, finished before, moved nothing.
    expect(await matchesOf('agent:equilibrium')).toBe(3);
    expect((await ladder('game=kuhn&kind=person')).map((r) => r.name)).toEqual(['alice']);

    // Casual (the default): played and stored, never rated.
    const casual = await create(['human', 'equilibrium'], undefined, 10);
    await playOut(await join(test.port, casual.matchId, casual.seats[0].token, alice.cookie), casual.matchId);
    expect(await matchesOf(alicePlayer)).toBe(2);
    expect((await fetchJson(`${test.base}/api/ladder?kind=wizard`)).code).toBe('query/invalid');
  });
});
