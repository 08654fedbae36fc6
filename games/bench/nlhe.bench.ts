/**
 * No-Limit Hold'em benchmarks.
 *
 * 1. Random seven-card evaluations per second: one million random hands (seven distinct cards
 *    each) generated up front into a typed array; only `evaluate7` over them is timed.
 * 2. Exact equity, AsAh vs KsKh pre-flop: all 1,712,304 boards per run.
 * 3. Hands per second heads-up and nine-seated through the `Game` interface (legal actions,
 *    validation, successor states, `sampleChance` for every card), every seat a random bot that
 *    picks uniformly among the legal actions (so they raise, fold and go all in). Issue 19's
 *    targets, on one core: 200,000 hands/s heads-up and 50,000 nine-seated; the CPU-time rate is
 *    the one-core figure on a shared machine. The cost of the runtime over this loop is measured
 *    side by side in `server/bench/runner.bench.ts`; `--profile` writes each one's top functions;
 *    `--against=DIR` plays the same hands through the engine of the checkout at DIR too, in turn.
 */
import { resolve } from 'node:path';
import { createRng, type Rng } from '../src/core/rng';
import { equity } from '../src/nlhe/equity';
import { evaluate7 } from '../src/nlhe/eval';
import { nlhe } from '../src/nlhe/game';
import type { NlheParams } from '../src/nlhe/match/params';
import { compare, measure } from './harness';

const HANDS = 1_000_000;
const cards = new Uint8Array(HANDS * 7);
{
  const rng = createRng(20_240_601);
  const deck = Array.from({ length: 52 }, (_, c) => c);
  for (let h = 0; h < HANDS; h++) {
    for (let k = 0; k < 7; k++) {
      const j = k + rng.int(52 - k);
      [deck[k], deck[j]] = [deck[j]!, deck[k]!];
      cards[h * 7 + k] = deck[k]!;
    }
  }
}

let sink = 0;
measure('nlhe: random 7-card evaluations', 'evals', () => {
  let acc = 0;
  for (let i = 0; i < HANDS * 7; i += 7) {
    acc += evaluate7(cards[i]!, cards[i + 1]!, cards[i + 2]!, cards[i + 3]!, cards[i + 4]!, cards[i + 5]!, cards[i + 6]!);
  }
  sink += acc;
  return HANDS;
});

measure(
  'nlhe: exact equity AsAh vs KsKh (1,712,304 boards)',
  'boards',
  () => {
    const r = equity({ hands: ['AsAh', 'KsKh'] });
    if (!r.ok) throw new Error(r.error);
    return r.result.trials;
  },
  { rounds: 5, warmup: 1 },
);

/** One single-hand match through the `Game` interface: `sampleChance` for every card, random bots. */
function playHand(game: typeof nlhe, params: NlheParams, rng: Rng): void {
  let s = game.newInitialState(params);
  while (!game.isTerminal(s)) {
    const current = game.currentPlayer(s);
    if (current === 'chance') {
      s = game.applyAction(s, 'chance', game.sampleChance!(s, rng));
      continue;
    }
    const seat = current as number;
    const action = rng.pick(game.legalActions(s, seat));
    if (game.validateAction(s, seat, action) !== null) throw new Error(`illegal ${action}`);
    s = game.applyAction(s, seat, action);
  }
  sink += game.returns(s)[0]!;
}

// `--against=DIR`: the same hands also through the engine of another checkout (e.g. a worktree
// of main), round-robin with this one, for a ratio taken side by side on a loaded machine.
const against = process.argv.find((a) => a.startsWith('--against='))?.slice('--against='.length);
const other: typeof nlhe | undefined = against ? (await import(resolve(against, 'games/src/nlhe/game.ts'))).nlhe : undefined;

for (const players of [2, 9]) {
  const params = nlhe.descriptor.parseParams({ players, format: 'hand' });
  if (!params.ok) throw new Error(params.error.message);
  const rng = createRng(7);
  const hands = players === 2 ? 20_000 : 4_000;
  const name = `nlhe: ${players === 2 ? 'heads-up' : 'nine-seat'} hands via Game (random bots)`;
  const body = (game: typeof nlhe) => () => {
    for (let i = 0; i < hands; i++) playHand(game, params.params, rng);
    return hands;
  };
  if (other)
    await compare(
      name,
      'hands',
      [
        { label: 'this checkout', body: body(nlhe) },
        { label: against!, body: body(other) },
      ],
      { rounds: 9 },
    );
  else measure(name, 'hands', body(nlhe));
}

if (sink === Number.MIN_VALUE) console.log(sink);
