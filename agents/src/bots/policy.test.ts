import { createRng, deriveSeed } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { createAgent } from '../registry';
import { equilibriumBot, type PolicyFile, parsePolicyFile, policyBot } from './policy';

const file: PolicyFile = {
  format: 'parley.policy',
  version: 1,
  game: 'kuhn',
  params: { players: 2 },
  algorithm: 'test',
  iterations: 0,
  nashConv: null,
  policy: { 'K|': { bet: 1, pass: 0 }, 'Q|': { bet: 0.25, pass: 0.75 } },
};
const input = (infoStateKey: string | undefined, seed = 1) => ({
  gameId: 'kuhn',
  seat: 0,
  observation: {},
  legalActions: ['bet', 'pass'],
  deadlineMs: 1000,
  rng: createRng(deriveSeed(seed, 'policy-test')),
  infoStateKey,
});

describe('policy agent', () => {
  it('plays the table’s action for the information state', () => {
    expect(policyBot(file, 'kuhn').act(input('K|'))).toBe('bet');
  });

  it('samples mixed rows with the seat rng', () => {
    const bot = policyBot(file, 'kuhn');
    let bets = 0;
    for (let seed = 0; seed < 4000; seed++) if (bot.act(input('Q|', seed)) === 'bet') bets++;
    expect(bets / 4000).toBeGreaterThan(0.22);
    expect(bets / 4000).toBeLessThan(0.28);
  });

  it('needs the runtime’s infoStateKey and a row for it', () => {
    const bot = policyBot(file, 'kuhn');
    expect(() => bot.act(input(undefined))).toThrow(/infoStateKey/);
    expect(() => bot.act(input('J|'))).toThrow(/no entry/);
  });

  it('refuses another game’s policy and malformed files', () => {
    expect(() => policyBot(file, 'leduc')).toThrow(/for kuhn/);
    expect(() => parsePolicyFile({ ...file, version: 2 })).toThrow(/version/);
    expect(() => parsePolicyFile({ ...file, policy: { 'K|': { bet: -1 } } })).toThrow(/probability/);
  });

  it('equilibrium loads the shipped Kuhn and Leduc strategies', () => {
    expect(equilibriumBot('kuhn').table.game).toBe('kuhn');
    expect(Object.keys(createAgent('equilibrium', 'leduc') as object)).toContain('table');
    expect(() => createAgent('equilibrium', 'nlhe')).toThrow(/no equilibrium strategy/);
    expect(() => createAgent('policy', 'kuhn')).toThrow(/policy:FILE.json/);
  });
});
