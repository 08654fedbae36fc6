import type { Agent } from '@parley/agents';
import { callBot, randomBot } from '@parley/agents';
import { kuhn, leduc } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { FakeClock, tickingClock } from '../testing/fake-clock';
import { canonicalJson, stateHash } from './canonical';
import { type Clock, type RunMatchOptions, runMatch } from './match-runner';
import { replayRecord } from './replay';

const play = (seed: number, agents: Agent[] = [randomBot(), randomBot()], game = leduc) =>
  runMatch({ game, params: game.descriptor.defaultParams, seed, agents, clock: tickingClock() });

describe('runMatch', () => {
  it('produces a record that replays to the same final-state hash', async () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { record } = await play(seed);
      const replay = replayRecord(record);
      expect(replay).toMatchObject({ ok: true, hash: record.finalStateHash, returns: record.returns });
    }
  });

  it('reproduces the record byte for byte from the same seed and answers', async () => {
    const a = await play(42);
    const b = await play(42);
    expect(JSON.stringify(b.record)).toBe(JSON.stringify(a.record));
    const c = await play(43);
    expect(JSON.stringify(c.record)).not.toBe(JSON.stringify(a.record));
  });

  it('keeps chance independent of how much randomness the agents draw', async () => {
    const greedy: Agent = {
      name: 'greedy',
      act: ({ legalActions, rng }) => (rng.float(), rng.float(), legalActions[0] as string),
    };
    const deals = (r: Awaited<ReturnType<typeof play>>) =>
      r.record.actions.filter((a) => a.actor === 'chance' && a.action.startsWith('deal 0')).map((a) => a.action);
    expect(deals(await play(5, [greedy, greedy]))).toEqual(deals(await play(5, [randomBot(), randomBot()])));
  });

  it('gives the final-state hash on first read, in its place among the keys, and takes a new one', async () => {
    const { record, finalState } = await play(9);
    const keys = Object.keys(record);
    expect(record.finalStateHash).toBe(stateHash(finalState));
    expect(record.finalStateHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(record)).toEqual(keys);
    expect(keys.indexOf('finalStateHash')).toBe(keys.indexOf('returns') + 1);
    const unread = (await play(9)).record;
    expect(JSON.stringify(unread)).toBe(JSON.stringify(record));
    expect(structuredClone(unread)).toEqual(record);
    unread.finalStateHash = 'x';
    expect(unread.finalStateHash).toBe('x');
  });

  it('detects a tampered record', async () => {
    const { record } = await play(3, [callBot(), callBot()]);
    const forged = structuredClone(record);
    forged.finalStateHash = forged.finalStateHash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(replayRecord(forged)).toMatchObject({ ok: false, error: expect.stringContaining('differs') });
    const illegal = structuredClone(record);
    const first = illegal.actions.find((a) => a.actor !== 'chance');
    if (first) first.action = 'raise';
    expect(replayRecord(illegal)).toMatchObject({ ok: false, error: expect.stringMatching(/action \d+ 'raise'/) });
  });

  it('replaces illegal, throwing and late answers with the default, and records why', async () => {
    const illegal: Agent = { name: 'illegal', act: () => 'shove' };
    const thrower: Agent = {
      name: 'thrower',
      act: () => {
        throw new Error('model unavailable');
      },
    };
    const r1 = await runMatch({ game: kuhn, params: kuhn.descriptor.defaultParams, seed: 1, agents: [illegal, thrower] });
    const decisions = r1.record.actions.filter((a) => a.actor !== 'chance');
    expect(decisions[0]).toMatchObject({
      actor: 0,
      action: 'pass',
      fallback: 'illegal',
      proposed: 'shove',
      error: expect.stringContaining('action/illegal'),
    });
    expect(decisions[1]).toMatchObject({ actor: 1, action: 'pass', fallback: 'error', error: 'model unavailable' });
    expect(r1.record.returns.reduce((a, b) => a + b, 0)).toBe(0);

    // A sleeper that would answer after 5 s; the fake clock reaches the 30 ms deadline first.
    const clock = new FakeClock();
    let aborted = false;
    const sleeper: Agent = {
      name: 'sleeper',
      act: ({ signal }) =>
        new Promise((resolve) => {
          const timer = clock.setTimeout(() => resolve('bet'), 5_000);
          signal?.addEventListener('abort', () => {
            aborted = true;
            clock.clearTimeout(timer);
          });
        }),
    };
    const run = runMatch({
      game: kuhn,
      params: kuhn.descriptor.defaultParams,
      seed: 1,
      agents: [sleeper, callBot()],
      deadlineMs: 30,
      clock,
    });
    await clock.runAll();
    const r2 = await run;
    const late = r2.record.actions.find((a) => a.actor === 0);
    expect(late).toMatchObject({ action: 'pass', fallback: 'timeout', ms: 30 });
    expect(aborted).toBe(true);
    expect(clock.pending).toBe(0);
  });

  it('times each decision, reading the clock once per decision in a run of synchronous answers', async () => {
    // Seat 0 thinks 7 ms a decision, synchronously (its thinking moves the clock's readings on);
    // `later` answers through a promise after 40 ms of the fake clock. Every reading is counted.
    const fake = new FakeClock();
    let thought = 0;
    let readings = 0;
    const clock: Clock = {
      now: () => {
        readings++;
        return fake.now() + thought;
      },
      setTimeout: (fn, ms) => fake.setTimeout(fn, ms),
      clearTimeout: (handle) => fake.clearTimeout(handle),
    };
    const slowSync: Agent = {
      name: 'slow-sync',
      act: ({ legalActions }) => {
        thought += 7;
        return legalActions[0] as string;
      },
    };
    // Every match here: leduc from seed 3 on this clock; the seats' decisions, without the deals.
    const decisionsOf = async (options: Pick<RunMatchOptions<unknown, unknown>, 'agents' | 'onEvent'>) => {
      const { record } = await runMatch({ game: leduc, params: leduc.descriptor.defaultParams, seed: 3, clock, ...options });
      return record.actions.filter((a) => a.actor !== 'chance');
    };
    const decided = await decisionsOf({ agents: [slowSync, slowSync] });
    expect(decided.length).toBeGreaterThan(1);
    expect(decided.map((a) => a.ms)).toEqual(decided.map(() => 7));
    expect(readings).toBe(decided.length + 1);

    // A caller's callback between decisions may take time of its own: then each decision reads
    // the clock at its start and end, and the callback's time is charged to nobody.
    readings = 0;
    const watchedDecisions = await decisionsOf({
      agents: [slowSync, slowSync],
      onEvent: () => {
        thought += 100;
      },
    });
    expect(watchedDecisions.map((a) => a.ms)).toEqual(watchedDecisions.map(() => 7));
    expect(readings).toBe(2 * watchedDecisions.length);

    // After an await the chain starts again: the synchronous seat is not charged the other's 40 ms.
    const later: Agent = {
      name: 'later',
      act: ({ legalActions }) => new Promise((resolve) => fake.setTimeout(() => resolve(legalActions[0] as string), 40)),
    };
    const running = decisionsOf({ agents: [slowSync, later] });
    await fake.runAll();
    const mixed = await running;
    expect(mixed.some((a) => a.actor === 0) && mixed.some((a) => a.actor === 1)).toBe(true);
    for (const a of mixed) expect(a.ms).toBe(a.actor === 0 ? 7 : 40);
  });

  it('rejects a seat count that does not fit the game', async () => {
    await expect(runMatch({ game: kuhn, params: kuhn.descriptor.defaultParams, seed: 1, agents: [randomBot()] })).rejects.toThrow(
      /seats 2/,
    );
  });

  it('streams every action to onEvent in order', async () => {
    const seen: number[] = [];
    const { record } = await runMatch({
      game: leduc,
      params: leduc.descriptor.defaultParams,
      seed: 9,
      agents: [randomBot(), callBot()],
      onEvent: (e) => seen.push(e.record.seq),
    });
    expect(seen).toEqual(record.actions.map((a) => a.seq));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });
});

describe('resume', () => {
  it('continues a match from any stored prefix exactly as the uninterrupted run', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const full = await play(seed);
      for (const cut of [0, 1, 3, Math.floor(full.record.actions.length / 2), full.record.actions.length - 1]) {
        const resumed = await runMatch({
          game: leduc,
          params: leduc.descriptor.defaultParams,
          seed,
          agents: [randomBot(), randomBot()],
          clock: tickingClock(),
          resume: { actions: full.record.actions.slice(0, cut) },
        });
        expect(resumed.record.actions.map((a) => a.action)).toEqual(full.record.actions.map((a) => a.action));
        expect(resumed.record.finalStateHash).toBe(full.record.finalStateHash);
      }
    }
  });

  it('refuses a stored prefix the engine rejects', async () => {
    await expect(
      runMatch({
        game: kuhn,
        params: kuhn.descriptor.defaultParams,
        seed: 1,
        agents: [randomBot(), randomBot()],
        resume: { actions: [{ seq: 0, actor: 0, action: 'bet', ms: 0 }] },
      }),
    ).rejects.toThrow(/cannot resume/);
  });
});

describe('duplicate dealing', () => {
  it('deals the same cards hand by hand in a cash game whatever the seats do', async () => {
    const { nlhe } = await import('@parley/games');
    const parsed = nlhe.descriptor.parseParams({ players: 2, format: 'cash', hands: 30 });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const deals = async (agents: Agent[]) => {
      const { record } = await runMatch({ game: nlhe, params: parsed.params, seed: 77, agents });
      return record.actions.filter((a) => a.actor === 'chance').map((a) => a.action);
    };
    // A passive pair and a random pair play the hands very differently; the deal must not move.
    const passive = await deals([callBot(), callBot()]);
    const wild = await deals([randomBot(), randomBot()]);
    const holes = (deal: string[]) => deal.filter((a) => !a.includes('board'));
    // Hole cards come four per hand heads-up; compare every hand both tables played (a bust ends a table).
    const common = Math.min(holes(wild).length, holes(passive).length);
    expect(common).toBeGreaterThanOrEqual(4 * 5);
    expect(holes(wild).slice(0, common)).toEqual(holes(passive).slice(0, common));
  });
});
