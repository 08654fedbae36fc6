import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A seeded random source (xoroshiro128+ from pure-rand). Engines never hold one: chance is an
 * explicit actor, and the runtime, bots and test kits draw from an `Rng` seeded from the match
 * seed, so a seed and the agents' answers reproduce a match exactly.
 */
export interface Rng {
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** A uniform float in [0, 1), 53 random bits. */
  float(): number;
  /** A uniform element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  return new SeededRng(seed);
}

// A class rather than an object of closures: runtimes make one per decision and per card, and
// methods on a prototype cost nothing to create.
class SeededRng implements Rng {
  private readonly gen: ReturnType<typeof xoroshiro128plus>;

  constructor(seed: number) {
    // xoroshiro128+ seeded with nearby small integers starts out correlated (the first floats of
    // seeds 0, 1, 2… are all close to 1), so the seed is avalanched first.
    this.gen = xoroshiro128plus(avalanche((seed ^ 0x9e3779b9) | 0));
  }

  int(n: number): number {
    if (!(n >= 1)) throw new RangeError(`rng.int needs n >= 1, got ${n}`);
    return uniformInt(this.gen, 0, n - 1);
  }

  float(): number {
    return uniformFloat64(this.gen);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('rng.pick from an empty array');
    return items[uniformInt(this.gen, 0, items.length - 1)] as T;
  }
}

/** The murmur3 32-bit finaliser: every input bit flips about half the output bits. */
function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Mixes a base seed with labels (match index, seat, purpose) into an independent 32-bit seed,
 * so that e.g. seat 2's bot randomness never shifts when seat 1 draws more numbers.
 * FNV-1a over the parts, finished with a murmur3-style avalanche.
 */
export function deriveSeed(base: number, ...parts: readonly (string | number)[]): number {
  let h = seedMix(base);
  for (const part of parts) h = mixPart(h, part);
  return finishSeed(h);
}

/**
 * The mixing behind `deriveSeed`, in steps, for callers that derive many seeds with a common
 * prefix (the runtime: one per decision and per card): the prefix is mixed once and its state
 * kept, so `finishSeed(mixPart(mixPart(seedMix(b), 'seat'), 3))` equals `deriveSeed(b, 'seat', 3)`.
 */
export function seedMix(base: number): number {
  return 0x811c9dc5 ^ (base | 0);
}

/** Mixes one more part into a state of `seedMix`: a number as the text `String` gives it, without building it. */
export function mixPart(state: number, part: string | number): number {
  let h = Math.imul(state ^ 0x7c, 0x01000193); // '|'
  if (typeof part === 'number') {
    if (part >= 0 && (part | 0) === part) return mixDigits(h, part);
    if (Number.isSafeInteger(part) && part >= 0) {
      // The decimal digits, most significant first.
      let unit = 1;
      while (unit * 10 <= part) unit *= 10;
      for (; unit >= 1; unit /= 10) h = Math.imul(h ^ (48 + (Math.floor(part / unit) % 10)), 0x01000193);
      return h;
    }
  }
  const text = typeof part === 'string' ? part : String(part);
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * The decimal digits of a 31-bit `n`, mixed most significant first: taken off least significant
 * first with integer division (which compiles to a multiply), then mixed back to front. The
 * runtime mixes an action's number into every decision's seed, and dividing by powers of ten in
 * floating point made a chance key and an action number together take half as long again.
 */
function mixDigits(h: number, n: number): number {
  let count = 0;
  do {
    const rest = (n / 10) | 0;
    DIGITS[count++] = n - rest * 10;
    n = rest;
  } while (n > 0);
  while (count > 0) h = Math.imul(h ^ (48 + (DIGITS[--count] as number)), 0x01000193);
  return h;
}
const DIGITS = new Int32Array(10);

/** The seed a mixing state stands for. */
export function finishSeed(state: number): number {
  return avalanche(state);
}

/** Samples one chance outcome by its probability with a single uniform draw. */
export function sampleOutcome<T extends { probability: number }>(outcomes: readonly T[], rng: Rng): T {
  if (outcomes.length === 0) throw new RangeError('no chance outcomes to sample');
  let u = rng.float();
  for (const outcome of outcomes) {
    u -= outcome.probability;
    if (u < 0) return outcome;
  }
  return outcomes[outcomes.length - 1] as T;
}
