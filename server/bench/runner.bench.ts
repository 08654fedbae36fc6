/**
 * What the runtime costs over the engine it drives, side by side in one run (ratios within each
 * round): random bots playing
 *   - the bare engine loop: the `Game` interface driven directly, one seeded generator;
 *   - the same loop with only the duties the runtime may not drop: a generator derived for every
 *     decision and every card (the seeds the golden records fix), one clock reading per decision
 *     (the thinking time a record keeps) and an action record per action. No runner can cost less
 *     than this row, so it says how much of the runtime's cost is left to win;
 *   - `runMatch`: the same matches through the runtime (derived seeds per decision and per card,
 *     validation, fallbacks, the record), and again with the record's final-state hash read,
 *     which the record computes only then;
 *   - `parley run`: the CLI command in-process (agents from their specs, payoff statistics).
 * The target is that `runMatch` and `parley run` add under 20% over the engine loop. A one-hand
 * match pays once for what a match costs whatever its length (the record, the sha256 of the final
 * state's canonical JSON, the agents), which the cash case spreads over 200 hands.
 * For poker the duties alone come to more than that (1.2x–1.4x of the bare loop when this row
 * was added, on a quiet machine): the seeds are fixed by every golden record, and the clock
 * readings are the record's thinking times.
 * Rounds last a tenth of a second or so, after two rounds of warm-up: with shorter ones the first
 * case's ratio moved by a third from one process to the next (the engine's code still being
 * compiled), which is more than most changes to the runtime move it.
 * `npm run bench -- runner --profile` writes each case's top functions to `bench-profiles/`;
 * `--only=nlhe` runs the cases whose label names nlhe.
 */
import { randomBot } from '@parley/agents';
import { createRng, deriveSeed, type Game, getGame, sampleOutcome } from '@parley/games';
import { compare } from '@parley/games/bench';
import { run } from '../src/cli/run';
import { runMatch } from '../src/runtime/match-runner';
import { ChanceDraws, DecisionSeeds } from '../src/runtime/seeds';

/** The bare loop: what any caller of the engine would write. */
function engineLoop<S, P>(game: Game<S, P>, params: P, seed: number): number {
  const rng = createRng(seed);
  let s = game.newInitialState(params);
  let steps = 0;
  while (!game.isTerminal(s)) {
    const current = game.currentPlayer(s);
    if (current === 'chance') {
      const deal = game.sampleChance ? game.sampleChance(s, rng) : sampleOutcome(game.chanceOutcomes(s), rng).action;
      s = game.applyAction(s, 'chance', deal);
      continue;
    }
    for (const seat of game.actingSeats(s)) {
      const action = rng.pick(game.legalActions(s, seat));
      if (game.validateAction(s, seat, action) !== null) throw new Error(`illegal ${action}`);
      s = game.applyAction(s, seat, action);
      steps++;
      break; // one action at a time, also in simultaneous phases (as the incremental random bot)
    }
  }
  return steps;
}

/**
 * The bare loop doing the runtime's duties and nothing else: each decision's generator and each
 * card derived by the runtime's own DecisionSeeds and ChanceDraws; the clock read once per
 * decision; an action record kept for every action.
 */
function dutiesLoop<S, P>(game: Game<S, P>, params: P, seed: number): number {
  const decisionSeeds = new DecisionSeeds(seed, game.descriptor.numPlayers(params));
  const chance = new ChanceDraws(seed);
  const actions: { seq: number; actor: number | 'chance'; action: string; ms: number }[] = [];
  let lastReading = Date.now();
  let s = game.newInitialState(params);
  while (!game.isTerminal(s)) {
    const current = game.currentPlayer(s);
    if (current === 'chance') {
      const deal = chance.next(game, s);
      s = game.applyAction(s, 'chance', deal);
      actions.push({ seq: actions.length, actor: 'chance', action: deal, ms: 0 });
      continue;
    }
    for (const seat of game.actingSeats(s)) {
      const rng = decisionSeeds.rng(seat, actions.length);
      const action = rng.pick(game.legalActions(s, seat));
      const now = Date.now();
      if (game.validateAction(s, seat, action) !== null) throw new Error(`illegal ${action}`);
      s = game.applyAction(s, seat, action);
      actions.push({ seq: actions.length, actor: seat, action, ms: now - lastReading });
      lastReading = now;
      break;
    }
  }
  return actions.length;
}

/** Silences the CLI's table while it runs. */
async function quietly(body: () => Promise<unknown>): Promise<void> {
  const log = console.log;
  console.log = () => undefined;
  try {
    await body();
  } finally {
    console.log = log;
  }
}

interface Case {
  id: string;
  label: string;
  params: Record<string, unknown>;
  matches: number;
}

const CASES: Case[] = [
  { id: 'nlhe', label: 'nlhe heads-up, one hand per match', params: { players: 2 }, matches: 12_000 },
  { id: 'nlhe', label: 'nlhe six-seat, one hand per match (parley run default)', params: {}, matches: 5_000 },
  { id: 'nlhe', label: 'nlhe nine-seat, one hand per match', params: { players: 9 }, matches: 3_000 },
  {
    // Stacks reset each hand, so every match plays its 200 hands (random bots bust each other
    // within a few hands otherwise, and the rounds were too short to time on a loaded machine).
    id: 'nlhe',
    label: 'nlhe heads-up cash, 200 hands per match',
    params: { players: 2, format: 'cash', hands: 200, resetStacks: true },
    matches: 40,
  },
  { id: 'leduc', label: 'leduc', params: {}, matches: 10_000 },
  { id: 'diplomacy', label: 'diplomacy to 1905', params: { lastYear: 1905 }, matches: 20 },
];

// `--only=WORD` keeps the cases whose label contains WORD (e.g. `--only=nlhe`).
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
let hashes = 0;
for (const c of CASES.filter((c) => !only || c.label.includes(only))) {
  const game = getGame(c.id) as Game<unknown, unknown>;
  const parsed = game.descriptor.parseParams(c.params);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const params = parsed.params;
  const seats = game.descriptor.numPlayers(params);
  let seed = 0;
  await compare(
    `runtime overhead: ${c.label}`,
    'match',
    [
      {
        label: 'engine loop',
        body: () => {
          for (let i = 0; i < c.matches; i++) engineLoop(game, params, deriveSeed(1, 'engine', seed++));
          return c.matches;
        },
      },
      {
        label: "engine loop + the runtime's duties",
        body: () => {
          for (let i = 0; i < c.matches; i++) dutiesLoop(game, params, deriveSeed(1, 'runtime', seed++));
          return c.matches;
        },
      },
      {
        label: 'runMatch',
        body: async () => {
          for (let i = 0; i < c.matches; i++) {
            const agents = Array.from({ length: seats }, () => randomBot());
            await runMatch({ game, params, seed: deriveSeed(1, 'runtime', seed++), agents, pressRounds: 0 });
          }
          return c.matches;
        },
      },
      {
        // What a caller that keeps the record pays (the store, `--out`): the final-state hash,
        // which the record computes when first read.
        label: 'runMatch, hash read',
        body: async () => {
          for (let i = 0; i < c.matches; i++) {
            const agents = Array.from({ length: seats }, () => randomBot());
            const { record } = await runMatch({ game, params, seed: deriveSeed(1, 'runtime', seed++), agents, pressRounds: 0 });
            hashes += record.finalStateHash.length;
          }
          return c.matches;
        },
      },
      {
        label: 'parley run',
        body: async () => {
          const args = ['--game', c.id, '--seats', Array(seats).fill('random').join(','), '--matches', String(c.matches)];
          await quietly(() =>
            run([...args, '--seed', String(seed++), '--params', JSON.stringify(c.params), '--press-rounds', '0', '--json']),
          );
          return c.matches;
        },
      },
    ],
    { rounds: 7, warmup: 2 },
  );
}
if (hashes === -1) console.log(hashes);
