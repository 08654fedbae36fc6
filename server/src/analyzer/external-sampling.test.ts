import { kuhn } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { exploitability } from './exploitability';
import { ExternalSamplingSolver } from './external-sampling';
import { compileTree } from './game-tree';

const tree = compileTree(kuhn, { players: 2 });

describe('external-sampling MCCFR', () => {
  it('drives Kuhn NashConv down with a fixed seed', () => {
    const solver = new ExternalSamplingSolver(tree, { seed: 7 });
    solver.iterate(100);
    const early = exploitability(tree, solver.averageStrategy()).nashConv;
    solver.iterate(19_900);
    const late = exploitability(tree, solver.averageStrategy());
    expect(late.nashConv).toBeLessThan(early);
    expect(late.nashConv).toBeLessThan(0.05);
    expect(Math.abs(late.value - -1 / 18)).toBeLessThan(0.01);
  });

  it('is reproducible from its seed', () => {
    const run = (seed: number) => {
      const s = new ExternalSamplingSolver(tree, { seed });
      s.iterate(500);
      return [...s.averageStrategy()];
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });
});
