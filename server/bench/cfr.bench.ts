/**
 * CFR+ on Leduc poker: iterations per second (median of timed rounds, each a fresh 1,000-iteration
 * solve), and the wall time until the average strategy's NashConv drops below 0.001.
 * Run: `cd server && npx tsx bench/cfr.bench.ts`.
 */
import { leduc } from '@parley/games';
import { compileTree } from '../src/analyzer/game-tree';
import { benchCfrPlus } from './support/cfr-solve';

const t0 = performance.now();
const tree = compileTree(leduc, { players: 2 });
console.log(
  `compile leduc (${tree.numNodes} nodes, ${tree.infosets.count} information sets): ${(performance.now() - t0).toFixed(1)} ms`,
);

benchCfrPlus(tree, { name: 'leduc', solveIterations: 1000, rounds: 5, threshold: 0.001, step: 25, maxIterations: 10_000 });
