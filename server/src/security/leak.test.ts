/**
 * Every frame and every API answer of a live No-Limit Hold'em and a live Diplomacy match, for
 * each role there is (a seat, the other seat, a spectator, a guest polling the API), searched for
 * what that role may not know yet: other seats' private values (hole cards, pending orders), the
 * seed and its salt. After the end, the seed is revealed and verifies.
 */
import { getGame } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { autoPlay, join, type TestSeat, until } from '../arena/testing/clients';
import { assertNoLeaks } from '../arena/testing/leaks';
import { type Answer, call, useRoleArena } from './testing';

const test = useRoleArena();

const prefer = (legal: string[]) => [
  (legal.find((a) => a === 'call' || a === 'check') ?? legal.find((a) => a.endsWith(' H')) ?? legal[0]) as string,
];

async function playAndWatch(body: Record<string, unknown>, humans: number) {
  const created = await call(test.base, 'POST', '/api/matches', { body });
  expect(created.status).toBe(201);
  const id = created.json.matchId as string;
  const seats: TestSeat[] = [];
  for (let s = 0; s < humans; s++) seats.push(await join(test.port, id, created.json.seats[s].token));
  const spectator = await join(test.port, id);
  for (const seat of seats) autoPlay(seat, prefer);
  // The guest polls everything the API offers about the match while it runs.
  const running: Answer[] = [];
  await until(
    async () => {
      const batch = await Promise.all([
        call(test.base, 'GET', `/api/matches/${id}`),
        call(test.base, 'GET', '/api/matches?status=running'),
        call(test.base, 'GET', `/api/matches?game=${body.game}`),
        call(test.base, 'GET', `/api/matches/${id}/export`),
        call(test.base, 'GET', `/api/matches/${id}/verify`),
      ]);
      if (batch[0].json.status === 'running') running.push(...batch);
      return batch[0].json.status !== 'running';
    },
    90_000,
    'the match to end',
  );
  const done = (await call(test.base, 'GET', `/api/matches/${id}`)).json;
  expect(done.status).toBe('finished');
  for (const c of [...seats, spectator]) await c.room.leave();
  return { done, seats, spectator, running };
}

function assertNoSecret(done: { seed: number; fairness: { salt: string } }, frames: Buffer[], answers: Answer[]) {
  const needles = [done.fairness.salt, `"seed":${done.seed}`];
  // A long seed's digits are unlikely anywhere by chance; a short one would match innocent numbers.
  if (String(done.seed).replace('-', '').length >= 6) needles.push(String(done.seed));
  for (const needle of needles) {
    for (const f of frames) expect(f.includes(Buffer.from(needle)), `a frame holds ${needle}`).toBe(false);
    for (const a of answers) expect(a.text.includes(needle), `an API answer holds ${needle}`).toBe(false);
  }
}

function assertNoPrivateValues(
  gameId: string,
  params: unknown,
  actions: { actor: number | 'chance'; action: string }[],
  answers: Answer[],
) {
  const game = getGame(gameId);
  let state = game.newInitialState(params);
  const hidden = new Set<string>();
  for (const a of actions) {
    state = game.applyAction(state, a.actor, a.action);
    for (let seat = 0; seat < game.numPlayers(state); seat++)
      for (const v of game.privateValues(state, seat)) hidden.add(JSON.stringify(v));
  }
  expect(hidden.size).toBeGreaterThan(0);
  for (const a of answers)
    for (const v of hidden) expect(a.text.includes(v), `a running match's API answer holds ${v}`).toBe(false);
}

describe('what each role sees of a live match', () => {
  it("No-Limit Hold'em: no hole card of another seat, no seed, in any frame or answer", async () => {
    const params = { players: 3, format: 'cash', hands: 3 };
    const { done, seats, spectator, running } = await playAndWatch(
      { game: 'nlhe', params, seats: ['human', 'human', 'call'], clock: { actionMs: 60_000, bankMs: 0 } },
      2,
    );
    const actions = done.events.filter((e: { kind: string }) => e.kind === 'action').map((e: { payload: unknown }) => e.payload);
    const parsed = getGame('nlhe').descriptor.parseParams(params);
    if (!parsed.ok) throw new Error('bad params');
    const checked = [
      assertNoLeaks('nlhe', parsed.params, actions, seats[0]?.frames ?? [], 0),
      assertNoLeaks('nlhe', parsed.params, actions, seats[1]?.frames ?? [], 1),
      assertNoLeaks('nlhe', parsed.params, actions, spectator.frames, null),
    ];
    expect(checked.every((n) => n > 0)).toBe(true);
    expect(running.length).toBeGreaterThan(0);
    assertNoPrivateValues('nlhe', parsed.params, actions, running);
    assertNoSecret(
      done,
      [...seats, spectator].flatMap((c) => c.frames.map((f) => f.bytes)),
      running,
    );
    expect((await call(test.base, 'GET', `/api/matches/${done.id}/verify`)).json.ok).toBe(true);
  });

  it("No-Limit Hold'em behind a spectator delay: spectators see the hands and equities, seats never", async () => {
    const params = { players: 2, format: 'hand' };
    const body = {
      game: 'nlhe',
      params,
      seats: ['human', 'human'],
      spectatorDelayMs: 200,
      clock: { actionMs: 60_000, bankMs: 0 },
    };
    const created = await call(test.base, 'POST', '/api/matches', { body });
    expect(created.status).toBe(201);
    const id = created.json.matchId as string;
    const seats = [
      await join(test.port, id, created.json.seats[0].token),
      await join(test.port, id, created.json.seats[1].token),
    ];
    const spectator = await join(test.port, id);
    const broadcast = (c: TestSeat) => String([...(c.room.state.broadcast ?? [])][0]?.view ?? 'null');
    // Nobody acts until the delayed broadcast of the first decision has reached the spectator.
    await until(() => broadcast(spectator).includes('"equity"'), 30_000, 'the delayed broadcast');
    const shown = JSON.parse(broadcast(spectator)) as { seats: { seat: number; hole: string[]; equity: number }[] };
    expect(shown.seats.map((x) => x.seat)).toEqual([0, 1]);
    expect(shown.seats.reduce((sum, x) => sum + x.equity, 0)).toBeCloseTo(1, 6);
    for (const seat of seats) autoPlay(seat, prefer);
    await until(async () => (await call(test.base, 'GET', `/api/matches/${id}`)).json.status !== 'running', 90_000, 'the end');
    const done = (await call(test.base, 'GET', `/api/matches/${id}`)).json;
    for (const c of [...seats, spectator]) await c.room.leave();
    const actions = done.events.filter((e: { kind: string }) => e.kind === 'action').map((e: { payload: unknown }) => e.payload);
    const parsed = getGame('nlhe').descriptor.parseParams(params);
    if (!parsed.ok) throw new Error('bad params');
    seats.forEach((seat, k) => {
      expect(assertNoLeaks('nlhe', parsed.params, actions, seat.frames, k)).toBeGreaterThan(0);
      expect(broadcast(seat)).toBe('null');
      for (const f of seat.frames) expect(f.bytes.includes(Buffer.from('equity')), 'a seat got equity').toBe(false);
    });
  });

  it('Diplomacy: no pending order of another power, no seed, in any frame or answer', async () => {
    const params = { lastYear: 1901 };
    const { done, seats, spectator, running } = await playAndWatch(
      {
        game: 'diplomacy',
        params,
        seats: ['human', 'human', 'random', 'random', 'random', 'random', 'random'],
        clock: { pressMs: 0, ordersMs: 60_000, retreatMs: 60_000, adjustMs: 60_000 },
      },
      2,
    );
    const actions = done.events.filter((e: { kind: string }) => e.kind === 'action').map((e: { payload: unknown }) => e.payload);
    const parsed = getGame('diplomacy').descriptor.parseParams(params);
    if (!parsed.ok) throw new Error('bad params');
    const checked = (
      [
        [0, seats[0]?.frames ?? []],
        [1, seats[1]?.frames ?? []],
        [null, spectator.frames],
      ] as const
    ).map(([viewer, frames]) => assertNoLeaks('diplomacy', parsed.params, actions, [...frames], viewer));
    expect(checked.every((n) => n > 0)).toBe(true);
    assertNoSecret(
      done,
      [...seats, spectator].flatMap((c) => c.frames.map((f) => f.bytes)),
      running,
    );
    expect((await call(test.base, 'GET', `/api/matches/${done.id}/verify`)).json.ok).toBe(true);
  });
});
