/**
 * The two halves of a CFR+ benchmark, shared by the games' benches: iterations per second (median
 * of timed rounds, each a fresh solve), and the iterations and time until the average strategy's
 * NashConv drops below a threshold (checked every `step` iterations; a check is two best responses,
 * so the solver's own time and the wall time with the checks are reported apart).
 */
import { measure } from '@parley/games/bench';
import { CfrSolver } from '../../src/analyzer/cfr';
import { exploitability } from '../../src/analyzer/exploitability';
import type { compileTree } from '../../src/analyzer/game-tree';

type Tree = ReturnType<typeof compileTree>;

export interface CfrBench {
  /** The game's name in the report lines. */
  name: string;
  /** Iterations per timed solve, and how many timed rounds. */
  solveIterations: number;
  rounds: number;
  /** Solve until NashConv < threshold, checking every `step` iterations, at most `maxIterations`. */
  threshold: number;
  step: number;
  maxIterations: number;
}

export function benchCfrPlus(tree: Tree, b: CfrBench): void {
  measure(
    `${b.name} cfr+ (${b.solveIterations.toLocaleString('en-US')}-iteration solves)`,
    'iterations',
    () => {
      new CfrSolver(tree, 'cfr+').iterate(b.solveIterations);
      return b.solveIterations;
    },
    { rounds: b.rounds, warmup: 1 },
  );

  const solver = new CfrSolver(tree, 'cfr+');
  let solving = 0;
  const wall0 = performance.now();
  let nashConv = Number.POSITIVE_INFINITY;
  while (nashConv >= b.threshold && solver.iteration < b.maxIterations) {
    const s0 = performance.now();
    solver.iterate(b.step);
    solving += performance.now() - s0;
    nashConv = exploitability(tree, solver.averageStrategy()).nashConv;
  }
  const wall = performance.now() - wall0;
  console.log(
    `${b.name} cfr+ to NashConv < ${b.threshold}: ${solver.iteration} iterations (NashConv ${nashConv.toExponential(3)}), ${(solving / 1000).toFixed(3)} s solving, ${(wall / 1000).toFixed(3)} s wall with checks every ${b.step}`,
  );
}
