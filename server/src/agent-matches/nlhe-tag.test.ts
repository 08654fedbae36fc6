/**
 * The tag and call bots of @parley/agents played through the runner: legal at changing cash
 * tables, deterministic for a seed, and ahead in duplicate deals. (Their unit tests live beside
 * them; these live here because the agents package cannot depend on the server.)
 */
import { type Agent, createAgent } from '@parley/agents';
import { nlhe } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { runMatch } from '../runtime';
import { duplicateMbb } from '../testing/nlhe-duplicate';

function params(raw: Record<string, unknown>) {
  const parsed = nlhe.descriptor.parseParams(raw);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.params;
}

describe('tag (tight-aggressive NLHE bot) in matches', () => {
  it('plays only legal actions at six-handed cash tables with changing stacks', async () => {
    let decisions = 0;
    const p = params({ players: 6, format: 'cash', hands: 120, rebuy: true });
    const counted = (agent: Agent): Agent => ({
      name: agent.name,
      act: (input) => {
        decisions++;
        return agent.act(input);
      },
    });
    for (const seed of [1, 2, 3]) {
      const agents = ['tag', 'random', 'tag', 'call', 'tag', 'random'].map((spec) => {
        const agent = createAgent(spec, 'nlhe');
        return spec === 'tag' ? counted(agent) : agent;
      });
      const { record } = await runMatch({ game: nlhe, params: p, seed, agents });
      expect(record.actions.filter((a) => a.fallback)).toEqual([]);
      expect(record.returns.reduce((a, b) => a + b, 0)).toBe(0);
    }
    // Its speed is a benchmark's business; here, that it took part throughout.
    expect(decisions).toBeGreaterThan(1000);
  });

  it('is deterministic for a seed', async () => {
    const p = params({ players: 6, format: 'cash', hands: 30 });
    const play = async () =>
      (
        await runMatch({ game: nlhe, params: p, seed: 42, agents: Array.from({ length: 6 }, () => createAgent('tag', 'nlhe')) })
      ).record.actions.map((a) => `${a.actor}:${a.action}`);
    expect(await play()).toEqual(await play());
  });

  // Fixed deals make this a deterministic check: the same 200 heads-up deals (400 hands) against
  // each opponent and 20 six-handed deals (120 hands). The margin with its interval over
  // thousands of hands is a benchmark (`npm run bench -w server -- nlhe-tag`).
  it('wins chips over fixed duplicate deals against random players and call stations', async () => {
    const vsRandom = await duplicateMbb('random', 2, 200, 1000);
    const vsCall = await duplicateMbb('call', 2, 200, 5000);
    const vsFiveCalls = await duplicateMbb('call', 6, 20, 7000);
    expect(vsRandom.mean).toBeGreaterThan(500);
    expect(vsCall.mean).toBeGreaterThan(500);
    expect(vsFiveCalls.mean).toBeGreaterThan(500);
  });
});

describe('call (call station) in NLHE', () => {
  it('checks or calls, and shows at showdowns, never folding, raising or mucking', async () => {
    const p = params({ players: 6, format: 'cash', hands: 60, rebuy: true });
    const agents = [0, 1, 2, 3, 4, 5].map((s) => createAgent(s % 2 === 0 ? 'call' : 'random', 'nlhe'));
    const { record } = await runMatch({ game: nlhe, params: p, seed: 9, agents });
    const byCall = record.actions.filter((a) => typeof a.actor === 'number' && a.actor % 2 === 0);
    expect(byCall.length).toBeGreaterThan(100);
    expect(new Set(byCall.map((a) => a.action))).toEqual(new Set(['check', 'call', 'show']));
    expect(record.actions.filter((a) => a.fallback)).toEqual([]);
  });
});
