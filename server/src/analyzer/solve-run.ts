/**
 * A solver run as checkpoints: iterate to the next checkpoint (powers of two, or every N
 * iterations, and always the last), measure the average strategy's exploitability exactly, and
 * yield one line. `parley solve` prints these lines; the arena's first start writes a small run
 * of them for the analysis page (first-start.ts).
 */
import type { SolvePoint } from '@parley/protocol';
import { exploitability } from './exploitability';
import type { CompiledTree } from './game-tree';

/** A checkpoint line: the protocol's shape, which the web's analysis page parses. */
export type SolveLine = SolvePoint;

interface Iterating {
  iteration: number;
  iterate(n?: number): void;
  averageStrategy(): Float64Array;
}

export function* solveCheckpoints(
  tree: CompiledTree,
  solver: Iterating,
  algorithm: string,
  iterations: number,
  every?: number,
): Generator<SolveLine> {
  let seconds = 0;
  while (solver.iteration < iterations) {
    const target = Math.min(
      iterations,
      every ? (Math.floor(solver.iteration / every) + 1) * every : nextPowerOfTwo(solver.iteration),
    );
    const t0 = performance.now();
    solver.iterate(target - solver.iteration);
    seconds += (performance.now() - t0) / 1000;
    const e = exploitability(tree, solver.averageStrategy());
    yield {
      algorithm,
      iteration: solver.iteration,
      nashConv: e.nashConv,
      exploitability: e.exploitability,
      value: e.value,
      seconds: Math.round(seconds * 1000) / 1000,
    };
  }
}

/** The smallest power of two greater than n. */
function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p <= n) p *= 2;
  return p;
}
