/**
 * Liar's Dice (1 die of 6 faces each), the game added through its descriptor alone: compiling its
 * 294,883-node tree from the engine (trees per second), CFR+ iterations per second (medians of
 * timed rounds), and the iterations and time until NashConv drops below 0.01.
 * Run: `cd server && npx tsx bench/liars-dice.bench.ts`.
 */
import { liarsDice } from '@parley/games';
import { measure } from '@parley/games/bench';
import { CfrSolver } from '../src/analyzer/cfr';
import { exploitability } from '../src/analyzer/exploitability';
import { compileTree } from '../src/analyzer/game-tree';

const params = liarsDice.descriptor.defaultParams;
measure(
  'liars-dice compile (294,883 nodes, 24,576 information sets)',
  'trees',
  () => {
    compileTree(liarsDice, params);
    return 1;
  },
  { rounds: 3, warmup: 1 },
);

const tree = compileTree(liarsDice, params);
measure(
  'liars-dice cfr+ (50-iteration solves)',
  'iterations',
  () => {
    new CfrSolver(tree, 'cfr+').iterate(50);
    return 50;
  },
  { rounds: 5, warmup: 1 },
);

const solver = new CfrSolver(tree, 'cfr+');
let solving = 0;
let nashConv = Number.POSITIVE_INFINITY;
while (nashConv >= 0.01 && solver.iteration < 2000) {
  const s0 = performance.now();
  solver.iterate(10);
  solving += performance.now() - s0;
  nashConv = exploitability(tree, solver.averageStrategy()).nashConv;
}
console.log(
  `liars-dice cfr+ to NashConv < 0.01: ${solver.iteration} iterations (NashConv ${nashConv.toExponential(3)}), ${(solving / 1000).toFixed(3)} s solving`,
);
