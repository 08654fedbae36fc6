import type { Agent } from '@parley/agents';
import { callBot, createAgent, randomBot } from '@parley/agents';
import { type Game, kuhn, leduc } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { agentPolicy, bootstrapInterval } from './agent-policy';
import { exploitability } from './exploitability';
import { type CompiledTree, compileTree } from './game-tree';
import { fromTabular, uniformStrategy } from './policy';

const kuhnTree = compileTree(kuhn, { players: 2 });
const leducTree = compileTree(leduc, { players: 2 });
const cases: [Game<any, any>, CompiledTree][] = [
  [kuhn, kuhnTree],
  [leduc, leducTree],
];

/** The call station written directly as a table: check when free, call when facing a bet. */
function callTable(tree: CompiledTree) {
  const { keys, actions } = tree.infosets;
  return Object.fromEntries(
    keys.map((key, i) => {
      const legal = actions[i] as readonly string[];
      // Kuhn: `bet` calls when the last action was a bet, else `pass` checks.
      const pick = legal.includes('check') ? 'check' : legal.includes('call') ? 'call' : key.endsWith('b') ? 'bet' : 'pass';
      return [key, { [pick]: 1 }];
    }),
  );
}

describe('agentPolicy', () => {
  it('the call agent, asked at every information set, equals the tabular call policy', async () => {
    for (const [game, tree] of cases) {
      const found = await agentPolicy(game, tree, callBot());
      const table = fromTabular(tree, callTable(tree));
      expect(found.mode).toBe('exact');
      expect(found.calls).toBe(tree.infosets.count);
      expect([...found.strategy]).toEqual([...table]);
      expect(exploitability(tree, found.strategy)).toEqual(exploitability(tree, table));
    }
  });

  it('the random agent, enumerated exactly, is uniform random: NashConv 11/12 and 4.7472222', async () => {
    const k = await agentPolicy(kuhn, kuhnTree, randomBot());
    expect([...k.strategy]).toEqual([...uniformStrategy(kuhnTree)]);
    expect(exploitability(kuhnTree, k.strategy).nashConv).toBeCloseTo(11 / 12, 12);
    const l = await agentPolicy(leduc, leducTree, randomBot());
    expect(Math.abs(exploitability(leducTree, l.strategy).nashConv - 4.7472222)).toBeLessThan(1e-6);
  });

  it('a tabular agent is read from its table; asked instead, it gives the same policy by sampling', async () => {
    const agent = createAgent('equilibrium', 'kuhn');
    const table = await agentPolicy(kuhn, kuhnTree, agent);
    expect(table.mode).toBe('table');
    const sampled = await agentPolicy(kuhn, kuhnTree, agent, { useTable: false, samples: 4000, seed: 5 });
    expect(sampled.mode).toBe('sampled');
    for (let s = 0; s < table.strategy.length; s++)
      expect(Math.abs((sampled.strategy[s] as number) - (table.strategy[s] as number))).toBeLessThan(0.05);
  });

  it('refuses to enumerate rng.float() and points to sampling', async () => {
    await expect(agentPolicy(kuhn, kuhnTree, createAgent('equilibrium', 'kuhn'), { useTable: false })).rejects.toThrow(
      /--samples/,
    );
  });

  it('sampled agents get bootstrap intervals that cover the exact value at about their level', async () => {
    const found = await agentPolicy(kuhn, kuhnTree, randomBot(), { samples: 200, seed: 1 });
    expect(found.counts?.reduce((s, c) => s + c, 0)).toBe(200 * kuhnTree.infosets.count);
    // One interval can miss (that is what 95% means); across seeds most must cover 11/24.
    let covered = 0;
    const seeds = 20;
    for (let seed = 1; seed <= seeds; seed++) {
      const sampled = await agentPolicy(kuhn, kuhnTree, randomBot(), { samples: 200, seed });
      const interval = bootstrapInterval(kuhnTree, sampled.counts as Float64Array, 200, { seed });
      expect(interval.lo).toBeLessThan(interval.hi);
      if (interval.lo <= 11 / 24 && interval.hi >= 11 / 24) covered++;
    }
    expect(covered / seeds).toBeGreaterThanOrEqual(0.8);
  });

  it('caches per information set and stops at the call budget', async () => {
    let calls = 0;
    const counting: Agent = {
      name: 'counting',
      act: ({ legalActions }) => {
        calls++;
        return legalActions[0] as string;
      },
    };
    await expect(agentPolicy(leduc, leducTree, counting, { budget: 100 })).rejects.toThrow(/budget of 100/);
    expect(calls).toBe(100);
  });

  it('illegal answers become the default action, as in a match', async () => {
    const rude: Agent = { name: 'rude', act: () => 'raise 1000' };
    const found = await agentPolicy(kuhn, kuhnTree, rude);
    expect(found.illegal).toBe(kuhnTree.infosets.count);
    expect(toPass(found.strategy)).toBe(true);
  });
});

/** Every Kuhn information set plays `pass` (Kuhn's default action) with probability 1. */
function toPass(strategy: Float64Array): boolean {
  const { actions, actionStart } = kuhnTree.infosets;
  return actions.every((legal, i) => strategy[(actionStart[i] as number) + legal.indexOf('pass')] === 1);
}

describe('agentPolicy with an agent that never answers', () => {
  it('plays the default at every information set once the deadline passes, and aborts each question', async () => {
    const clock = new FakeClock();
    const signals: (AbortSignal | undefined)[] = [];
    const silent: Agent = {
      name: 'silent',
      act: (input) => {
        signals.push(input.signal);
        return new Promise<string>(() => undefined);
      },
    };
    let done = false;
    const run = agentPolicy(kuhn, kuhnTree, silent, { clock, deadlineMs: 1_000 }).finally(() => {
      done = true;
    });
    while (!done) await clock.advance(1_000);
    const found = await run;
    // Kuhn's default is `pass` (check, or fold facing a bet): the same policy as an agent that always passes.
    const passer = await agentPolicy(kuhn, kuhnTree, { name: 'passer', act: () => 'pass' });
    expect(found.strategy).toEqual(passer.strategy);
    expect(found.calls).toBe(12);
    expect(found.illegal).toBe(12);
    expect(signals).toHaveLength(12);
    expect(signals.every((s) => s?.aborted)).toBe(true);
    expect(clock.pending).toBe(0);
  });
});
