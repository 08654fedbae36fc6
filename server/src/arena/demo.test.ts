/**
 * The demo keeps the arena tidy (issue 13): one running match per demo table, across restarts;
 * a bounded history of finished demo matches; demo matches marked, and nobody else's pruned.
 * Runs the match service without rooms or sockets, on a fake clock.
 */
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store';
import { FakeClock } from '../testing/fake-clock';
import { type DemoTable, demoTables, lineup, runDemo } from './demo';
import { MatchService } from './match-service';

const leduc: DemoTable = {
  key: 'leduc',
  label: 'Leduc test table',
  settings: () => ({ game: 'leduc', seats: ['call', 'call'] }),
};
/** A table that waits on the fake clock between actions, so it stays running until time moves. */
const slowKuhn: DemoTable = {
  key: 'kuhn',
  label: 'Kuhn test table',
  settings: () => ({ game: 'kuhn', seats: ['call', 'random'], paceMs: 1000 }),
};

/** Lets the event loop turn until `ready()` holds; counts turns, never reads a clock. */
async function until(ready: () => Promise<boolean> | boolean, what: string, turns = 20_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (await ready()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`never happened: ${what}`);
}

const serviceOn = (store: MemoryStore, clock: FakeClock) => {
  const service = new MatchService(store, undefined, { clock });
  const openRoom = async (id: string) => {
    await service.open(id);
  };
  return { service, openRoom };
};

const demos = async (store: MemoryStore, status?: 'running' | 'finished' | 'aborted') =>
  (await store.listMatches({ demo: 'only', status, pageSize: 200 })).matches;

describe('the demo', () => {
  it('carries on with its running match after a restart instead of starting a second one', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const first = serviceOn(store, clock);
    const stop = runDemo(first.service, () => {}, { tables: [slowKuhn], openRoom: first.openRoom });
    await until(async () => (await demos(store, 'running')).length === 1 && first.service.live.size === 1, 'the demo starts');
    await clock.advance(1000); // a paced action or two
    const [running] = await demos(store, 'running');
    stop();
    await first.service.suspendAll(); // the server stops; the match stays `running` in the store

    const second = serviceOn(store, clock);
    const lines: string[] = [];
    const stopAgain = runDemo(second.service, (l) => lines.push(l), { tables: [slowKuhn], openRoom: second.openRoom });
    await until(() => second.service.live.size === 1, 'the restarted demo opens its match');
    expect([...second.service.live.keys()]).toEqual([running?.id]);
    expect(lines.some((l) => l.includes(`carrying on with match ${running?.id}`))).toBe(true);
    expect(await demos(store, 'running')).toHaveLength(1);
    stopAgain(); // no next match: let this one play out
    await clock.runAll();
    await until(async () => (await demos(store, 'finished')).some((m) => m.id === running?.id), 'the resumed match ends');
    expect(await store.listMatches({ demo: 'only' })).toMatchObject({ total: 1 });
  });

  it('aborts extra running demo matches of one table, keeping the newest', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const { service, openRoom } = serviceOn(store, clock);
    // Same creation time: the store orders them by id, so `b-new` is the newer.
    for (const id of ['a-old', 'b-new']) {
      const made = await service.create(slowKuhn.settings(), { id, demo: 'kuhn' });
      expect(made.ok).toBe(true);
    }
    const stop = runDemo(service, () => {}, { tables: [slowKuhn], openRoom });
    await until(async () => (await store.getMatch('a-old'))?.status === 'aborted', 'the older demo match is aborted');
    await until(() => service.live.has('b-new'), 'the newest demo match plays on');
    expect((await demos(store, 'running')).map((m) => m.id)).toEqual(['b-new']);
    stop();
    await service.suspendAll();
  });

  it('keeps a bounded history of demo matches and never prunes anyone else’s', async () => {
    const store = new MemoryStore();
    const clock = new FakeClock();
    const { service, openRoom } = serviceOn(store, clock);
    const person = await service.create({ game: 'leduc', seats: ['call', 'call'] });
    const cup = await service.create({ game: 'leduc', seats: ['call', 'call'] }, { tournamentId: 't1' });
    if (!person.ok || !cup.ok) throw new Error('setup failed');
    for (const id of [person.matchId, cup.matchId]) await (await service.open(id)).done;

    const lines: string[] = [];
    const stop = runDemo(service, (l) => lines.push(l), { tables: [leduc], keep: 3, pauseMs: 0, openRoom });
    await until(() => lines.filter((l) => l.includes('(#')).length >= 8, 'eight demo matches are played');
    stop();
    await until(async () => (await demos(store, 'running')).length === 0, 'the last demo match ends');
    await store.pruneDemoMatches(3);

    const finished = await demos(store, 'finished');
    expect(finished).toHaveLength(3);
    expect(finished.every((m) => m.demo === 'leduc' && m.tournamentId === null)).toBe(true);
    expect(lines.some((l) => l.startsWith('demo: pruned'))).toBe(true);
    // The person's and the tournament's matches are untouched, and lists can leave demos out.
    const others = (await store.listMatches({ demo: 'exclude' })).matches.map((m) => m.id).sort();
    expect(others).toEqual([person.matchId, cup.matchId].sort());
    expect((await store.listAgents({ demo: 'exclude' })).find((a) => a.name === 'call')?.matches).toBe(2);
  });

  it('rotates line-ups match by match, and sets each table at a pace people can follow', async () => {
    expect(
      [0, 1, 2, 3].map((n) =>
        lineup(
          [
            ['a', 'b', 'c'],
            ['d', 'e'],
          ],
          n,
        ),
      ),
    ).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
      ['b', 'c', 'a'],
      ['e', 'd'],
    ]);
    const tables = demoTables();
    for (const table of tables) {
      const seen = new Set(Array.from({ length: 6 }, () => JSON.stringify((table.settings() as { seats: string[] }).seats)));
      expect(seen.size, table.key).toBeGreaterThan(2);
    }
    const hand = tables.find((t) => t.key === 'nlhe')!.settings() as { seats: string[]; params: { players: number } };
    expect(hand.params.players).toBe(hand.seats.length);

    // A demo Diplomacy game on the fake clock: the first movement phase takes 10–20 s of its time.
    const store = new MemoryStore();
    const clock = new FakeClock();
    const { service } = serviceOn(store, clock);
    const made = await service.create({ ...tables.find((t) => t.key === 'diplomacy')!.settings(), params: { lastYear: 1901 } });
    if (!made.ok) throw new Error(made.message);
    const live = await service.open(made.matchId);
    const start = clock.now();
    let spent = 0;
    while (!(live.state as { lastPhase: unknown }).lastPhase && spent < 60_000) {
      await clock.advance(500);
      spent = clock.now() - start;
    }
    expect(spent).toBeGreaterThanOrEqual(10_000);
    expect(spent).toBeLessThanOrEqual(20_000);
    expect(live.messages.length).toBeGreaterThan(0);
    live.stop('test over');
    await live.done;
  });
});
