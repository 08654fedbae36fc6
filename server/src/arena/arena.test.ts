import { getGame } from '@parley/games';
import { describe, expect, it } from 'vitest';
import type { MatchRecord } from '../runtime/record';
import { replayRecord } from '../runtime/replay';
import { FakeClock } from '../testing/fake-clock';
import { useArena } from './testing/arena';
import { autoPlay, join, type TestSeat, until } from './testing/clients';
import { fetchJson } from './testing/http';
import { assertNoLeaks } from './testing/leaks';

/** The arena's time: seats' clocks, banks and rate limits move only when a test advances it. */
const clock = new FakeClock();
const test = useArena({ clock });

async function createMatch(body: unknown): Promise<{ matchId: string; seats: { seat: number; token?: string }[] }> {
  const res = await fetch(`${test.base}/api/matches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { matchId: string; seats: { seat: number; token?: string }[] };
  if (res.status !== 201) throw new Error(`create failed: ${JSON.stringify(json)}`);
  return json;
}

/** Waits for the match to end; with `tickMs`, the arena's clock moves on that much at every look. */
async function finishedRecord(
  matchId: string,
  tickMs = 0,
): Promise<{ status: string; events: { kind: string; payload: any }[] }> {
  await until(
    async () => {
      if (tickMs > 0) await clock.advance(tickMs);
      return (await fetchJson(`${test.base}/api/matches/${matchId}`)).status !== 'running';
    },
    60_000,
    `match ${matchId} to finish`,
  );
  return fetchJson(`${test.base}/api/matches/${matchId}`);
}

function toRecord(
  game: string,
  params: unknown,
  seed: number,
  stored: { events: { kind: string; payload: any }[] },
  finalStateHash: string,
): MatchRecord {
  const actions = stored.events.filter((e) => e.kind === 'action').map((e) => e.payload);
  return {
    format: 'parley.match',
    version: 1,
    game,
    params,
    seed,
    seats: [],
    actions,
    messages: [],
    modelCalls: [],
    returns: [],
    finalStateHash,
  };
}

describe('arena rooms', () => {
  it('plays a Leduc match between two people over WebSockets, leaking no hidden card to the opponent or a spectator', async () => {
    const { matchId, seats } = await createMatch({ game: 'leduc', seed: 11, seats: ['human', 'human'] });
    const p0 = await join(test.port, matchId, seats[0]?.token);
    const p1 = await join(test.port, matchId, seats[1]?.token);
    const spectator = await join(test.port, matchId);
    for (const p of [p0, p1] as TestSeat[])
      autoPlay(p, (legal) => [legal.includes('call') ? 'call' : ((legal.includes('check') ? 'check' : legal[0]) as string)]);
    const stored = await finishedRecord(matchId);
    expect(stored.status).toBe('finished');
    const actions = stored.events.filter((e) => e.kind === 'action').map((e) => e.payload);
    expect(actions.filter((a) => a.fallback)).toEqual([]);
    expect(p0?.acks).toBeGreaterThan(0);
    const checked = [
      assertNoLeaks('leduc', { players: 2 }, actions, p1?.frames ?? [], 1),
      assertNoLeaks('leduc', { players: 2 }, actions, p0?.frames ?? [], 0),
      assertNoLeaks('leduc', { players: 2 }, actions, spectator.frames, null),
    ];
    expect(checked.every((c) => c > 0)).toBe(true);
    for (const c of [p0, p1, spectator]) await c?.room.leave();
  });

  it('shows a spectator who arrives at an unwatched table the public view of where it stands', async () => {
    // Without a spectator the room does not make the spectator view (see match-room.ts).
    const { matchId, seats } = await createMatch({ game: 'leduc', seed: 12, seats: ['human', 'human'] });
    const p0 = await join(test.port, matchId, seats[0]?.token);
    const p1 = await join(test.port, matchId, seats[1]?.token);
    const ownView = () => [...(p0.room.state?.views ?? [])][0];
    await until(() => (ownView()?.decision ?? -1) >= 0, 10_000, 'the first decision');
    const first = (JSON.parse(ownView().legal) as string[])[0] as string;
    p0.room.send('act', { decision: ownView().decision, actions: [first] });
    await until(() => (p0.room.state?.actions ?? 0) >= 1, 10_000, 'the first action');
    const spectator = await join(test.port, matchId);
    const view = () => JSON.parse(spectator.room.state?.spectator || 'null');
    await until(() => view() !== null, 10_000, 'a spectator view');
    expect(spectator.room.state.actions).toBe(p0.room.state.actions);
    expect(view()).toMatchObject({ rounds: [[first]], shown: [null, null] });
    for (const c of [p0, p1, spectator]) await c.room.leave();
  });

  it('rejects tokens that hold no seat, and keeps spectators from acting', async () => {
    const { matchId } = await createMatch({
      game: 'kuhn',
      seed: 3,
      seats: ['human', 'random'],
      clock: { actionMs: 500, bankMs: 0 },
    });
    await expect(join(test.port, matchId, 'not-a-real-token')).rejects.toThrow(/does not hold a seat/);
    const spectator = await join(test.port, matchId);
    spectator.room.send('act', { decision: 0, actions: ['bet'] });
    await until(() => spectator.errors.length > 0, 5000, 'an error reply');
    expect(spectator.errors[0]?.code).toBe('seat/spectator');
    // The absent person's clock runs out and the default is played for them.
    const stored = await finishedRecord(matchId, 250);
    const actions = stored.events.filter((e) => e.kind === 'action').map((e) => e.payload);
    expect(actions.find((a) => a.actor === 0)).toMatchObject({ fallback: 'timeout', action: 'pass' });
    await spectator.room.leave();
  });

  it('survives malformed, hostile and flooding messages while the match goes on correctly', async () => {
    const { matchId, seats } = await createMatch({
      game: 'leduc',
      seed: 5,
      seats: ['human', 'human'],
      clock: { actionMs: 5000, bankMs: 0 },
    });
    const p0 = await join(test.port, matchId, seats[0]?.token);
    const p1 = await join(test.port, matchId, seats[1]?.token);
    const junk: [string, unknown][] = [
      ['act', null],
      ['act', { decision: 'zero', actions: ['call'] }],
      ['act', { decision: 0, actions: [] }],
      ['act', { decision: 0, actions: ['x'.repeat(20_000)] }],
      ['act', { decision: 999, actions: ['call'] }],
      ['act', { decision: 0, actions: ['call'], extra: true }],
      ['press', { to: 'all', text: '' }],
      ['press', { to: [99], text: 'hi' }],
      ['nonsense', { a: 1 }],
      ['__proto__', {}],
      ['ready', 'yes'],
    ];
    for (const [type, payload] of junk) p1.room.send(type, payload);
    await until(() => p1.errors.length >= junk.length, 5000, 'an error for every junk message');
    expect(
      p1.errors
        .slice(0, junk.length)
        .every((e) => ['message/invalid', 'action/not-your-turn', 'action/stale', 'press/closed'].includes(e.code)),
    ).toBe(true);
    // A flood: the rate limiter answers and drops, the room keeps serving.
    for (let i = 0; i < 200; i++) p1.room.send('act', { decision: 0, actions: ['raise'] });
    await until(() => p1.errors.some((e) => e.code === 'rate/limited'), 5000, 'rate limiting');
    // A payload past the transport's limit costs the sender its connection, nobody else anything.
    const hostile = await join(test.port, matchId);
    let closed = false;
    hostile.room.onLeave(() => {
      closed = true;
    });
    hostile.room.send('act', { decision: 0, actions: ['x'.repeat(100_000)] });
    await until(() => closed, 5000, 'the hostile connection to close');
    // The flooder's bucket refills with time (well inside the 5 s action clock).
    await clock.advance(1100);
    for (const p of [p0, p1])
      autoPlay(p, (legal) => [legal.includes('call') ? 'call' : ((legal.includes('check') ? 'check' : legal[0]) as string)]);
    const stored = await finishedRecord(matchId);
    const actions = stored.events.filter((e) => e.kind === 'action').map((e) => e.payload);
    expect(actions.filter((a) => a.actor !== 'chance' && a.fallback)).toEqual([]);
    const game = getGame('leduc');
    let state = game.newInitialState({ players: 2 });
    for (const a of actions) {
      expect(game.validateAction(state, a.actor, a.action)).toBeNull();
      state = game.applyAction(state, a.actor, a.action);
    }
    expect(game.isTerminal(state)).toBe(true);
    for (const p of [p0, p1]) await p.room.leave();
  });

  it('lets a dropped person reconnect to the same seat within the grace period', async () => {
    const { matchId, seats } = await createMatch({
      game: 'leduc',
      seed: 21,
      seats: ['human', 'call'],
      reconnectSeconds: 20,
      clock: { actionMs: 10_000, bankMs: 0 },
    });
    const p0 = await join(test.port, matchId, seats[0]?.token);
    await until(() => [...(p0.room.state.views ?? [])][0]?.decision >= 0, 5000, 'a decision to open');
    let reconnected = false;
    // The SDK reconnects only rooms joined at least `minUptime` ago (5 s by default).
    p0.room.reconnection.minUptime = 0;
    p0.room.onReconnect(() => {
      reconnected = true;
    });
    // Cut the socket abruptly, as a lost network would; the SDK reconnects with its token.
    (p0.room.connection.transport as unknown as { ws: { terminate(): void } }).ws.terminate();
    await until(() => reconnected, 15_000, 'the client to reconnect');
    autoPlay(p0, (legal) => [legal.includes('call') ? 'call' : ((legal.includes('check') ? 'check' : legal[0]) as string)]);
    const stored = await finishedRecord(matchId);
    const mine = stored.events.filter((e) => e.kind === 'action' && e.payload.actor === 0);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.filter((e) => e.payload.fallback)).toEqual([]);
    await p0.room.leave();
  });

  it("spends a seat's time bank beyond the action clock", async () => {
    const { matchId, seats } = await createMatch({
      game: 'kuhn',
      seed: 2,
      seats: ['human', 'call'],
      clock: { actionMs: 300, bankMs: 2000 },
    });
    const p0 = await join(test.port, matchId, seats[0]?.token);
    // Think for 600 ms on the first decision: 300 ms comes out of the bank, and the answer counts.
    await until(() => [...(p0.room.state.views ?? [])][0]?.decision >= 0, 5000, 'a decision to open');
    await clock.advance(600);
    const view = [...p0.room.state.views][0];
    p0.room.send('act', { decision: view.decision, actions: ['bet'] });
    const stored = await finishedRecord(matchId);
    const first = stored.events.find((e) => e.kind === 'action' && e.payload.actor === 0);
    expect(first?.payload).toMatchObject({ action: 'bet' });
    expect(first?.payload.fallback).toBeUndefined();
    const spent = stored.events.find((e) => e.kind === 'clock');
    expect(spent?.payload).toMatchObject({ seat: 0, bank: 2000 - 300, spentMs: 600 });
    await p0.room.leave();
  });

  it('serves the HTTP API with JSON errors', async () => {
    expect(await fetchJson(`${test.base}/api/health`)).toMatchObject({ ok: true });
    const bad = await fetch(`${test.base}/api/matches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ game: 'chess', seats: ['random'] }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()) as object).toMatchObject({ code: 'match/invalid', message: expect.stringContaining('chess') });
    const missing = await fetch(`${test.base}/api/matches/nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()) as object).toMatchObject({ code: 'match/not-found' });
    const { matchId } = await createMatch({ game: 'kuhn', seed: 9, seats: ['random', 'call'] });
    const stored = await finishedRecord(matchId);
    const listed = await fetchJson(`${test.base}/api/matches?game=kuhn&status=finished&pageSize=5`);
    expect(listed.matches.some((m: { id: string }) => m.id === matchId)).toBe(true);
    expect((await fetchJson(`${test.base}/api/matches?page=0`)).code).toBe('query/invalid');
    const record = toRecord('kuhn', { players: 2 }, 9, stored, (stored as unknown as { finalStateHash: string }).finalStateHash);
    expect(replayRecord(record)).toMatchObject({ ok: true });
  });
});
