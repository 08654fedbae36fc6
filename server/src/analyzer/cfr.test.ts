import { kuhn, leduc } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { CfrSolver, type CfrVariant } from './cfr';
import { exploitability } from './exploitability';
import { compileTree } from './game-tree';

const kuhnTree = compileTree(kuhn, { players: 2 });
const leducTree = compileTree(leduc, { players: 2 });
const VARIANTS: CfrVariant[] = ['cfr', 'cfr+', 'lcfr', 'dcfr'];

function nashConvs(solver: CfrSolver, checkpoints: number[]): number[] {
  return checkpoints.map((n) => {
    solver.iterate(n - solver.iteration);
    return exploitability(solver.tree, solver.averageStrategy()).nashConv;
  });
}

describe('CFR family', () => {
  for (const variant of VARIANTS) {
    it(`${variant}: NashConv decreases on Kuhn and Leduc`, () => {
      for (const tree of [kuhnTree, leducTree]) {
        const nc = nashConvs(new CfrSolver(tree, variant), [10, 100, 400]);
        expect(nc[1]).toBeLessThan(nc[0] as number);
        expect(nc[2]).toBeLessThan(nc[1] as number);
      }
    });
  }

  it('CFR+ solves Kuhn: game value −1/18 (Kuhn 1950)', () => {
    const solver = new CfrSolver(kuhnTree, 'cfr+');
    solver.iterate(1000);
    const e = exploitability(kuhnTree, solver.averageStrategy());
    expect(e.nashConv).toBeLessThan(1e-3);
    expect(Math.abs(e.value - -1 / 18)).toBeLessThan(1e-3);
  });

  it('CFR+ gets Leduc below NashConv 0.001 within 1,000 iterations, at value −0.0856064', () => {
    const solver = new CfrSolver(leducTree, 'cfr+');
    solver.iterate(1000);
    const e = exploitability(leducTree, solver.averageStrategy());
    expect(e.nashConv).toBeLessThan(1e-3);
    // OpenSpiel's Leduc poker game value for seat 0: −0.0856064.
    expect(Math.abs(e.value - -0.0856064)).toBeLessThan(1e-3);
  });

  it('DCFR reaches the Leduc value too', () => {
    const solver = new CfrSolver(leducTree, 'dcfr');
    solver.iterate(1000);
    const e = exploitability(leducTree, solver.averageStrategy());
    expect(e.nashConv).toBeLessThan(2e-3);
    expect(Math.abs(e.value - -0.0856064)).toBeLessThan(1e-3);
  });

  it('LCFR is DCFR with α = β = γ = 1', () => {
    const a = new CfrSolver(kuhnTree, 'lcfr');
    const b = new CfrSolver(kuhnTree, 'dcfr', { alpha: 1, beta: 1, gamma: 1 });
    a.iterate(50);
    b.iterate(50);
    expect([...a.averageStrategy()]).toEqual([...b.averageStrategy()]);
  });

  it('vanilla CFR with alternating updates also converges', () => {
    const nc = nashConvs(new CfrSolver(kuhnTree, 'cfr', { alternating: true }), [10, 1000]);
    expect(nc[1]).toBeLessThan(0.01);
    expect(nc[1]).toBeLessThan(nc[0] as number);
  });
});
