/**
 * The slow, obviously-correct definition of hand strength that the fast tables are built from.
 *
 * `bestNonFlush(counts)` and `bestFlush(mask)` score the best five-card hand inside a rank
 * multiset (no five cards of one suit) or inside one suit's rank mask, as a raw number:
 * category * 16^5 plus up to five significant ranks as base-16 digits, so raw scores compare
 * like hands. There are exactly 7,462 distinct five-card hand values; `denseRanks` numbers them
 * 1 (7-5-4-3-2 offsuit) to 7,462 (royal flush), the strength every evaluator returns.
 */

export const HIGH_CARD = 0;
export const ONE_PAIR = 1;
export const TWO_PAIR = 2;
export const THREE_OF_A_KIND = 3;
export const STRAIGHT = 4;
export const FLUSH = 5;
export const FULL_HOUSE = 6;
export const FOUR_OF_A_KIND = 7;
export const STRAIGHT_FLUSH = 8;

const DIGITS = 16 ** 5;

/** Category and significant ranks (most significant first) packed into one comparable number. */
export function raw(category: number, ranks: readonly number[]): number {
  let value = 0;
  for (let i = 0; i < 5; i++) value = value * 16 + (ranks[i] ?? 0);
  return category * DIGITS + value;
}

export const rawCategory = (score: number): number => Math.floor(score / DIGITS);

/** The ranks (as 0..12) of a raw score's five significant digits, most significant first. */
export function rawRanks(score: number): number[] {
  const out: number[] = [];
  let rest = score % DIGITS;
  for (let i = 0; i < 5; i++) {
    out.unshift(rest % 16);
    rest = Math.floor(rest / 16);
  }
  return out;
}

/** Top rank of the best straight inside a 13-bit rank mask (3 = five-high wheel), or -1. */
export function straightTop(mask: number): number {
  for (let top = 12; top >= 4; top--) {
    const run = 0x1f << (top - 4);
    if ((mask & run) === run) return top;
  }
  const wheel = 0x100f; // A, 2, 3, 4, 5
  return (mask & wheel) === wheel ? 3 : -1;
}

function topBits(mask: number, count: number, except = -1): number[] {
  const out: number[] = [];
  for (let r = 12; r >= 0 && out.length < count; r--) if (r !== except && mask & (1 << r)) out.push(r);
  return out;
}

/** Best hand in a suit holding at least five cards (its 13-bit rank mask): straight flush or flush. */
export function bestFlush(mask: number): number {
  const top = straightTop(mask);
  return top >= 0 ? raw(STRAIGHT_FLUSH, [top]) : raw(FLUSH, topBits(mask, 5));
}

/** Best hand among cards given as counts per rank (5 to 7 cards, no flush possible or wanted). */
export function bestNonFlush(counts: readonly number[]): number {
  let present = 0;
  const quads: number[] = [];
  const trips: number[] = [];
  const pairs: number[] = [];
  for (let r = 12; r >= 0; r--) {
    const c = counts[r] ?? 0;
    if (c > 0) present |= 1 << r;
    if (c === 4) quads.push(r);
    else if (c === 3) trips.push(r);
    else if (c === 2) pairs.push(r);
  }
  if (quads.length > 0) {
    const q = quads[0]!;
    return raw(FOUR_OF_A_KIND, [q, ...topBits(present, 1, q)]);
  }
  if (trips.length > 0 && (trips.length > 1 || pairs.length > 0)) {
    const t = trips[0]!;
    const p = Math.max(trips[1] ?? -1, pairs[0] ?? -1);
    return raw(FULL_HOUSE, [t, p]);
  }
  const top = straightTop(present);
  if (top >= 0) return raw(STRAIGHT, [top]);
  if (trips.length > 0) {
    const t = trips[0]!;
    return raw(THREE_OF_A_KIND, [t, ...topBits(present, 2, t)]);
  }
  if (pairs.length >= 2) {
    const [a, b] = pairs as [number, number];
    const kicker = topBits(present & ~(1 << a) & ~(1 << b), 1);
    return raw(TWO_PAIR, [a, b, ...kicker]);
  }
  if (pairs.length === 1) {
    const p = pairs[0]!;
    return raw(ONE_PAIR, [p, ...topBits(present, 3, p)]);
  }
  return raw(HIGH_CARD, topBits(present, 5));
}

/** Every rank multiset of `size` cards (at most four of a rank), as count arrays. */
export function forEachRankMultiset(size: number, visit: (counts: number[]) => void): void {
  const counts = new Array<number>(13).fill(0);
  const walk = (rank: number, left: number): void => {
    if (rank === 13) {
      if (left === 0) visit(counts);
      return;
    }
    for (let c = Math.min(4, left); c >= 0; c--) {
      counts[rank] = c;
      walk(rank + 1, left - c);
    }
    counts[rank] = 0;
  };
  walk(0, size);
}

export const popcount13 = (mask: number): number => {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
};

/**
 * Raw score -> dense strength 1..7462, built from every five-card rank multiset and every
 * five-rank suit mask (the two kinds of five-card hands).
 */
export function denseRanks(): Map<number, number> {
  const scores = new Set<number>();
  forEachRankMultiset(5, (counts) => scores.add(bestNonFlush(counts)));
  for (let mask = 0; mask < 8192; mask++) if (popcount13(mask) === 5) scores.add(bestFlush(mask));
  const sorted = [...scores].sort((a, b) => a - b);
  return new Map(sorted.map((score, i) => [score, i + 1]));
}
