/**
 * The heuristic Diplomacy bot's win rate against six random bots over many seeded games (ten per
 * power by default): a statistical figure, so a benchmark rather than a test.
 * `npm run bench -w agents`; PARLEY_BENCH_GAMES=N for more or fewer games per opponent.
 */
import { loadavg } from 'node:os';
import { unitRandom, winRate } from '../src/bots/testing/diplomacy-selfplay';
import { createAgent } from '../src/registry';

const GAMES = Number(process.env.PARLEY_BENCH_GAMES ?? 70);
for (const [label, opponent] of [
  ['random', () => createAgent('random', 'diplomacy')],
  ['unit-random', unitRandom],
] as const) {
  const started = performance.now();
  const { wins } = winRate(opponent, label, GAMES);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `heuristic vs 6 × ${label}: first on centres in ${wins}/${GAMES} = ${(wins / GAMES).toFixed(3)} (${(GAMES / seconds).toFixed(2)} games/s)`,
  );
}
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
