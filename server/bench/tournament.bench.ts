/**
 * Tournament throughput, end to end through `runTournament` (schedule, play, results appended
 * to disk, ratings): headless matches per second in this thread vs on a worker thread per core,
 * and Diplomacy bot games per minute (random, call and heuristic bots, to 1905). Thread figures
 * include starting the threads (tsx compiles the engines in each), so short runs understate the
 * steady rate. Also the Bradley–Terry fit with 1000 bootstrap resamples, which dominates rating
 * time for two-seat games.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure, measureAsync } from '@parley/games/bench';
import { bradleyTerryIntervals } from '../src/ratings/bradley-terry';
import type { PairGame } from '../src/ratings/outcomes';
import { runTournament } from '../src/tournament/run';

const cores = availableParallelism();

async function play(spec: object, workers: number): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  try {
    const { results } = await runTournament({ ...spec, ratings: { bootstrap: 0 } }, { out, workers, progress: false });
    return results.length;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const kuhn = {
  name: 'bench-kuhn',
  game: 'kuhn',
  participants: ['random', 'call'],
  format: { type: 'round-robin', rounds: 30_000 },
};
const leduc = {
  name: 'bench-leduc',
  game: 'leduc',
  participants: ['random', 'call'],
  format: { type: 'round-robin', rounds: 15_000 },
};
const diplomacy = {
  name: 'bench-diplomacy',
  game: 'diplomacy',
  params: { lastYear: 1905 },
  participants: ['random', 'call', 'heuristic'],
  format: { type: 'round-robin', rounds: 30 },
};
const opts = { rounds: 3, warmup: 0 };

console.log(`(${cores} cores)`);
for (const [label, spec] of [
  ['kuhn 60k', kuhn],
  ['leduc 30k', leduc],
] as const) {
  await measureAsync(`tournament ${label} matches, 1 thread`, 'matches', () => play(spec, 0), opts);
  await measureAsync(`tournament ${label} matches, ${cores} worker threads`, 'matches', () => play(spec, cores), opts);
}
for (const workers of [0, cores]) {
  const r = await measureAsync(
    `tournament diplomacy 90 bot games, ${workers || 1} thread(s)`,
    'games',
    () => play(diplomacy, workers),
    opts,
  );
  console.log(`${''.padEnd(52)} = ${Math.round(r.median * 60).toLocaleString('en-US')} Diplomacy bot games per minute`);
}

// Ratings: 10 participants, every pair 200 games, Bradley–Terry with 1000 bootstrap resamples.
const names = Array.from({ length: 10 }, (_, i) => `p${i}`);
const units: PairGame[][] = [];
for (let i = 0; i < 10; i++)
  for (let j = i + 1; j < 10; j++)
    for (let g = 0; g < 200; g++) units.push([{ a: names[i]!, b: names[j]!, score: (i * 7 + j * 3 + g) % 3 === 0 ? 0 : 1 }]);
measure(
  'bradley-terry 9,000 games, 1000 bootstrap resamples',
  'fits',
  () => {
    bradleyTerryIntervals(names, units, { samples: 1000 });
    return 1001;
  },
  { rounds: 3, warmup: 1 },
);
