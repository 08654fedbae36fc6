/** Matches per second through the match runtime, random vs random, in-process on one core. */
import { randomBot } from '@parley/agents';
import { deriveSeed, type Game, kuhn, leduc } from '@parley/games';
import { measureAsync } from '@parley/games/bench';
import { runMatch } from '../src/runtime/match-runner';

async function play(game: Game<any, any>, matches: number): Promise<number> {
  for (let i = 0; i < matches; i++) {
    await runMatch({ game, params: game.descriptor.defaultParams, seed: deriveSeed(1, i), agents: [randomBot(), randomBot()] });
  }
  return matches;
}

await measureAsync('kuhn random vs random (runMatch)', 'matches', () => play(kuhn, 20_000));
await measureAsync('leduc random vs random (runMatch)', 'matches', () => play(leduc, 10_000));
