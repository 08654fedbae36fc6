/**
 * A match's randomness, derived from its seed, never streamed (match-runner.ts says why): the
 * generator of each decision and of each chance outcome. Every record's actions depend on these
 * derivations, so the golden records fix them.
 */
import { createRng, finishSeed, type Game, mixPart, type Rng, type Seat, sampleOutcome, seedMix } from '@parley/games';

/**
 * The generator a seat decides with at action `n`: seeded from deriveSeed(seed, 'seat', seat, n),
 * its common prefix mixed once per seat and match.
 */
export class DecisionSeeds {
  private readonly prefixes: number[] = [];

  constructor(seed: number, seats: number) {
    const seatPart = mixPart(seedMix(seed), 'seat');
    for (let seat = 0; seat < seats; seat++) this.prefixes.push(mixPart(seatPart, seat));
  }

  rng(seat: Seat, n: number): Rng {
    return createRng(finishSeed(mixPart(this.prefixes[seat] as number, n)));
  }
}

/**
 * A match's chance outcomes, derived from its seed alone (and the game's chance key), so anyone
 * holding the revealed seed can recompute every deal (fairness.ts). The outcome due at a state
 * is drawn with a generator seeded from deriveSeed(seed, 'chance', key): the game's key for that
 * state (`hand 12, card 3`), or the draw's number in the match where the game has none.
 */
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
