import { liarsDice } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { CfrSolver } from './cfr';
import { exploitability } from './exploitability';
import { compileTree } from './game-tree';

/**
 * Liar's Dice joined through its descriptor alone; these are the published numbers the analyzer
 * must reproduce on it. OpenSpiel's `liars_dice` (1 die of 6 faces each) has 24,576 information
 * sets, and seat 0's game value is −7/258 ≈ −0.0271318 (OpenSpiel's sequence-form LP test; Neller &
 * Lanctot 2013). The game value lies between the values each half of a profile guarantees, so
 * the test checks that CFR+'s bracket holds the published value and narrows as it runs.
 */
const VALUE = -7 / 258;

describe("the analyzer on Liar's Dice (1 die, 6 faces)", () => {
  it('compiles 24,576 information sets and brackets the published value −7/258 with CFR+', () => {
    const tree = compileTree(liarsDice, liarsDice.descriptor.defaultParams);
    expect(tree.infosets.count).toBe(24_576);
    expect(tree.nonChanceNodes).toBe(36 * (4096 + 4095));
    const solver = new CfrSolver(tree, 'cfr+');
    const widths: number[] = [];
    for (const iterations of [20, 200]) {
      solver.iterate(iterations - solver.iteration);
      const e = exploitability(tree, solver.averageStrategy());
      const [seat0Best, seat1Best] = e.bestResponseValues;
      // Seat 0's strategy guarantees −seat1Best; seat 1's concedes at most seat0Best.
      expect(-seat1Best).toBeLessThanOrEqual(VALUE + 1e-12);
      expect(seat0Best).toBeGreaterThanOrEqual(VALUE - 1e-12);
      widths.push(e.nashConv);
    }
    expect(widths[1]).toBeLessThan((widths[0] as number) / 10);
    expect(widths[1]).toBeLessThan(0.005);
  });
});
