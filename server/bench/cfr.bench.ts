/**
 * CFR+ on Leduc poker: iterations per second (median of timed rounds, each a fresh 1,000-iteration
 * solve), and the wall time until the average strategy's NashConv drops below 0.001.
 * Run: `cd server && npx tsx bench/cfr.bench.ts`.
 */
import { leduc } from '@parley/games';
import { measure } from '@parley/games/bench';
import { CfrSolver } from '../src/analyzer/cfr';
import { exploitability } from '../src/analyzer/exploitability';
import { compileTree } from '../src/analyzer/game-tree';

const t0 = performance.now();
const tree = compileTree(leduc, { players: 2 });
console.log(
  `compile leduc (${tree.numNodes} nodes, ${tree.infosets.count} information sets): ${(performance.now() - t0).toFixed(1)} ms`,
);

measure(
  'leduc cfr+ (1,000-iteration solves)',
  'iterations',
  () => {
    new CfrSolver(tree, 'cfr+').iterate(1000);
    return 1000;
  },
  { rounds: 5, warmup: 1 },
);

// Time to NashConv < 0.001: solve in steps of 25 iterations, checking after each step; report the
// solver's own time and the wall time including the checks (each check is two best responses).
const solver = new CfrSolver(tree, 'cfr+');
let solving = 0;
const wall0 = performance.now();
let nashConv = Number.POSITIVE_INFINITY;
while (nashConv >= 1e-3 && solver.iteration < 10_000) {
  const s0 = performance.now();
  solver.iterate(25);
  solving += performance.now() - s0;
  nashConv = exploitability(tree, solver.averageStrategy()).nashConv;
}
const wall = performance.now() - wall0;
console.log(
  `leduc cfr+ to NashConv < 0.001: ${solver.iteration} iterations (NashConv ${nashConv.toExponential(3)}), ${(solving / 1000).toFixed(3)} s solving, ${(wall / 1000).toFixed(3)} s wall with checks every 25`,
);
