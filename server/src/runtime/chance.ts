/**
 * A match's chance outcomes, derived from its seed alone (and the game's chance key), so anyone
 * holding the revealed seed can recompute every deal (fairness.ts). The outcome due at a state
 * is drawn with a generator seeded from deriveSeed(seed, 'chance', key): the game's key for that
 * state (`hand 12, card 3`), or the draw's number in the match where the game has none.
 */
import { createRng, finishSeed, type Game, mixPart, sampleOutcome, seedMix } from '@parley/games';

export class ChanceDraws {
  /** deriveSeed's state after (seed, 'chance'): mixed once per match. */
  private readonly prefix: number;
  private drawn = 0;

  constructor(seed: number) {
    this.prefix = mixPart(seedMix(seed), 'chance');
  }

  /** The outcome due at `state`, counted as the match's next draw. */
  next<S>(game: Game<S, any>, state: S): string {
    const rng = createRng(finishSeed(mixPart(this.prefix, game.chanceKey?.(state) ?? this.drawn)));
    this.drawn++;
    return game.sampleChance ? game.sampleChance(state, rng) : sampleOutcome(game.chanceOutcomes(state), rng).action;
  }

  /** How many draws the match has made. */
  get count(): number {
    return this.drawn;
  }

  /** Counts a draw made earlier, whose outcome is on the record (a resumed match). */
  skip(): void {
    this.drawn++;
  }
}
