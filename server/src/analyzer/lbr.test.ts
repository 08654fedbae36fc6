import { type Agent, createAgent } from '@parley/agents';
import { describe, expect, it } from 'vitest';
import type { MatchRecord } from '../runtime/record';
import { replayRecord } from '../runtime/replay';
import { FakeClock } from '../testing/fake-clock';
import { localBestResponse } from './lbr';

/** Folds whenever it may, else checks: a big blind's worth of free money for any sensible opponent. */
const folder: Agent = {
  name: 'folder',
  act: ({ legalActions }) => (legalActions.includes('fold') ? 'fold' : legalActions.includes('check') ? 'check' : 'show'),
};

const finite = (x: number) => Number.isFinite(x);

describe('local best response (heads-up NLHE)', () => {
  it('takes exactly the blinds from a player who folds to everything: 750 mbb per hand', async () => {
    // As big blind LBR wins the small blind (50) when the folder folds its button; as the
    // button it raises (the folder folds with every holding, so a raise wins the 150 pot for
    // sure, more than any call can) and wins the big blind (100): 75 chips per hand on average.
    const r = await localBestResponse(folder, { hands: 20, seed: 4, particles: 16 });
    expect(r.hands).toBe(20);
    expect(r.chipsPerHand).toBe(75);
    expect(r.mbbPerHand).toBe(750);
    expect(r.interval95).toEqual([750, 750]);
    expect(r.lbrActions).toMatchObject({ raise: 10, fold: 0, call: 0 });
    expect(r.illegalAnswers).toBe(0);
  });

  it('shows the agent only its own (hypothetical) cards, consistent with its view of the deal', async () => {
    let views = 0;
    const spy: Agent = {
      name: 'spy',
      act: (input) => {
        const o = input.observation as { seat: number; hole: string[]; history: string[] };
        const mine = o.history.filter((e) => e.startsWith(`deal ${o.seat} `)).map((e) => e.split(' ')[2]);
        const theirs = o.history.filter((e) => e.startsWith(`deal ${1 - o.seat} `)).map((e) => e.split(' ')[2]);
        expect(mine).toEqual(o.hole);
        for (const c of theirs) expect(c).toBe('??');
        views++;
        return input.legalActions.includes('call') ? 'call' : input.legalActions.includes('check') ? 'check' : 'show';
      },
    };
    const r = await localBestResponse(spy, { hands: 6, seed: 2, particles: 8 });
    expect(views).toBeGreaterThan(r.hands);
    expect(r.agentCalls).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', async () => {
    const once = () => localBestResponse(createAgent('random', 'nlhe'), { hands: 16, seed: 7, particles: 32 });
    expect(await once()).toEqual(await once());
  });

  it('finds a call station very exploitable', async () => {
    const r = await localBestResponse(createAgent('call', 'nlhe'), { hands: 100, seed: 1 });
    expect(r.hands).toBe(100);
    expect(r.interval95[0]).toBeGreaterThan(3000);
    // Nothing folds, so raises are all in whenever LBR is ahead of the range, and checks otherwise.
    expect(r.lbrActions.allIn).toBeGreaterThan(20);
    expect(r.lbrActions.fold).toBe(0);
  });

  it('finds the random bot exploitable', async () => {
    const r = await localBestResponse(createAgent('random', 'nlhe'), { hands: 300, seed: 1 });
    expect(r.interval95[0]).toBeGreaterThan(0);
    expect(r.mbbPerHand).toBeGreaterThan(1000);
  });

  it('reports a well-formed figure for the tag bot', async () => {
    const r = await localBestResponse(createAgent('tag', 'nlhe'), { hands: 20, seed: 1, particles: 32 });
    expect(r.hands).toBe(20);
    expect(finite(r.mbbPerHand) && finite(r.interval95[0]) && finite(r.interval95[1])).toBe(true);
    expect(r.interval95[0]).toBeLessThanOrEqual(r.mbbPerHand);
    expect(r.interval95[1]).toBeGreaterThanOrEqual(r.mbbPerHand);
    expect(r.illegalAnswers).toBe(0);
    expect(r.budgetExhausted).toBe(false);
  });

  it('stops asking once the query budget is spent, and says so', async () => {
    const r = await localBestResponse(createAgent('call', 'nlhe'), { hands: 4, seed: 1, particles: 32, budget: 50 });
    expect(r.agentCalls).toBeLessThanOrEqual(50);
    expect(r.budgetExhausted).toBe(true);
    expect(finite(r.mbbPerHand)).toBe(true);
  });

  it('plays every hand as an ordinary match record, which replays to the same hash and scores the same', async () => {
    const records: MatchRecord[] = [];
    const agent = createAgent('random', 'nlhe');
    const r = await localBestResponse(agent, {
      hands: 6,
      seed: 3,
      particles: 8,
      allInEv: false,
      onHand: (record) => records.push(record),
    });
    expect(records).toHaveLength(r.hands);
    const lbrSeat = (k: number) => k % 2;
    records.forEach((record, k) => {
      expect(record.seats[lbrSeat(k)]?.agent).toBe('lbr');
      expect(record.seats[1 - lbrSeat(k)]?.agent).toBe(agent.name);
      expect(replayRecord(record)).toMatchObject({ ok: true, hash: record.finalStateHash, returns: record.returns });
    });
    // Both hands of a pair deal the same hole cards to the same seats (duplicate poker).
    const holes = (record: MatchRecord) => record.actions.filter((a) => a.actor === 'chance').slice(0, 4);
    for (let k = 0; k < records.length; k += 2) expect(holes(records[k]!)).toEqual(holes(records[k + 1]!));
    // Scored by the dealt boards, LBR's result is exactly what its records say it won.
    const won = records.reduce((sum, record, k) => sum + record.returns[lbrSeat(k)]!, 0);
    expect(r.chipsPerHand).toBeCloseTo(won / records.length, 9);
  });

  it('rounds an odd hand count up to whole seat-swapped pairs', async () => {
    const r = await localBestResponse(folder, { hands: 3, particles: 4 });
    expect(r.hands).toBe(4);
    expect(r.pairs).toBe(2);
  });
});

describe('local best response against an agent that never answers', () => {
  it('plays its default (fold facing a bet) once each deadline passes, instead of hanging', async () => {
    const clock = new FakeClock();
    let asked = 0;
    const silent: Agent = {
      name: 'silent',
      act: () => {
        asked++;
        return new Promise<string>(() => undefined);
      },
    };
    let done = false;
    const run = localBestResponse(silent, { hands: 2, seed: 4, particles: 4, clock, deadlineMs: 1_000 }).finally(() => {
      done = true;
    });
    while (!done) await clock.advance(1_000);
    const r = await run;
    // The silent agent folds like the folder above: LBR takes the blinds, 75 chips per hand.
    expect(r.chipsPerHand).toBe(75);
    expect(r.illegalAnswers).toBe(2);
    expect(r.agentCalls).toBeGreaterThan(0);
    expect(asked).toBe(r.agentCalls + 2);
    expect(clock.pending).toBe(0);
  });
});
