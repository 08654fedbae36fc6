/**
 * Liar's Dice (1 die of 6 faces each), the game added through its descriptor alone: compiling its
 * 294,883-node tree from the engine (trees per second), CFR+ iterations per second (medians of
 * timed rounds), and the iterations and time until NashConv drops below 0.01.
 * Run: `cd server && npx tsx bench/liars-dice.bench.ts`.
 */
import { liarsDice } from '@parley/games';
import { measure } from '@parley/games/bench';
import { compileTree } from '../src/analyzer/game-tree';
import { benchCfrPlus } from './support/cfr-solve';

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
benchCfrPlus(tree, { name: 'liars-dice', solveIterations: 50, rounds: 5, threshold: 0.01, step: 10, maxIterations: 2000 });
