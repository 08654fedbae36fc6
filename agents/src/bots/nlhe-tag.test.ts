import { createRng, Nlhe } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { createAgent } from '../registry';
import { chenScore, estimateEquity } from './nlhe-tag';

// The bot's play in matches (legal, deterministic, winning in duplicate) is tested through the
// runner, which agents cannot import: server/src/agent-matches/nlhe-tag.test.ts.

const card = (text: string) => Nlhe.parseCard(text);

describe('tag (tight-aggressive NLHE bot)', () => {
  it('scores hands with the Chen formula', () => {
    const score = (a: string, b: string) => chenScore(card(a), card(b));
    expect(score('As', 'Ah')).toBe(20);
    expect(score('Ks', 'Kd')).toBe(16);
    expect(score('As', 'Ks')).toBe(12);
    expect(score('As', 'Kd')).toBe(10);
    expect(score('Ts', '9s')).toBe(8);
    expect(score('2s', '2d')).toBe(5);
    expect(score('7s', '2d')).toBe(-1);
  });

  it('estimates equity close to the exact figures', () => {
    const rng = createRng(5);
    // AA against one random hand: 85.2%; against a top-15% range (pairs, big aces) much less.
    const aces = [card('As'), card('Ah')];
    expect(estimateEquity(aces, [], [{ preTop: 1, minStrength: 0 }], rng, 6000)).toBeCloseTo(0.852, 1);
    const exact = Nlhe.equity({ hands: ['KsKh', null], board: '2c7d9h', samples: 20_000, seed: 3 });
    if (!exact.ok) throw new Error(exact.error);
    const kings = [card('Ks'), card('Kh')];
    const board = [card('2c'), card('7d'), card('9h')];
    const mc = estimateEquity(kings, board, [{ preTop: 1, minStrength: 0 }], rng, 6000);
    expect(Math.abs(mc - exact.result.equity[0]!)).toBeLessThan(0.02);
  });

  it('refuses other games with a clear error', () => {
    expect(() => createAgent('tag', 'kuhn')).toThrow(/nlhe\) only, not kuhn/);
  });
});
