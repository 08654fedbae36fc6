import { kuhn } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { bestResponse, policyValue } from './best-response';
import { exploitability } from './exploitability';
import { compileTree } from './game-tree';
import { fromTabular, uniformStrategy } from './policy';

const tree = compileTree(kuhn, { players: 2 });

/**
 * Kuhn's one-parameter family of equilibria (Kuhn 1950): seat 0 bets J with probability α ≤ 1/3,
 * never opens with Q, bets K with 3α, and after check-bet calls with Q at α + 1/3 and with K
 * always; seat 1 bets J at 1/3 when checked to, calls a bet with Q at 1/3, and bets/calls with K.
 */
function kuhnEquilibrium(alpha: number) {
  const bet = (p: number) => ({ bet: p, pass: 1 - p });
  return {
    'J|': bet(alpha),
    'Q|': bet(0),
    'K|': bet(3 * alpha),
    'J|pb': bet(0),
    'Q|pb': bet(alpha + 1 / 3),
    'K|pb': bet(1),
    'J|p': bet(1 / 3),
    'Q|p': bet(0),
    'K|p': bet(1),
    'J|b': bet(0),
    'Q|b': bet(1 / 3),
    'K|b': bet(1),
  };
}

describe('bestResponse', () => {
  it('cannot exploit any member of the Kuhn equilibrium family; its value is −1/18', () => {
    for (const alpha of [0, 0.1, 0.25, 1 / 3]) {
      const s = fromTabular(tree, kuhnEquilibrium(alpha));
      expect(policyValue(tree, s)).toBeCloseTo(-1 / 18, 12);
      expect(exploitability(tree, s).nashConv).toBeCloseTo(0, 12);
    }
  });

  it('exploits a strategy off the family: α > 1/3 loses to seat 1 folding Q less', () => {
    const s = fromTabular(tree, { ...kuhnEquilibrium(1 / 3), 'J|': { bet: 0.5, pass: 0.5 } });
    expect(exploitability(tree, s).nashConv).toBeGreaterThan(0.01);
  });

  it('against uniform random: seat 0 wins 1/2 and seat 1 wins 5/12 by best-responding', () => {
    const u = uniformStrategy(tree);
    expect(bestResponse(tree, u, 0).value).toBeCloseTo(0.5, 12);
    expect(bestResponse(tree, u, 1).value).toBeCloseTo(5 / 12, 12);
  });

  it('best response to always-bet: seat 1 folds J and calls with Q and K', () => {
    const alwaysBet = fromTabular(tree, Object.fromEntries(tree.infosets.keys.map((k) => [k, { bet: 1, pass: 0 }])));
    const br = bestResponse(tree, alwaysBet, 1);
    const { keys, player } = tree.infosets;
    const chosen = Object.fromEntries(keys.flatMap((k, i) => (player[i] === 1 ? [[k, br.actions[i]]] : [])));
    const action = (k: string) => tree.infosets.actions[tree.infosets.index.get(k) as number]?.[chosen[k] as number];
    // Facing a certain bet, seat 1 calls with K, folds J; Q calls (it beats J, loses to K: 1/2·2 − 1/2·2 = 0 vs −1 folding).
    expect([action('J|b'), action('Q|b'), action('K|b')]).toEqual(['pass', 'bet', 'bet']);
    // Seat 1's value: fold J (−1), call Q (+2 against J, −2 against K: 0), call K (+2), each w.p. 1/3.
    expect(br.value).toBeCloseTo((1 / 3) * (-1 + 0 + 2), 12);
  });
});
