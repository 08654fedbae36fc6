/**
 * The fast hand evaluator: 5, 6 or 7 cards (ints 0..51) -> strength 1..7462, higher is better.
 *
 * Per card it adds two small integers: a rank weight (the sums identify the rank multiset,
 * see `tables.ts`) and a suit nibble `1 << 4 * suit` (the sums count cards per suit). Adding 3
 * to every nibble sets bit 3 exactly where a suit holds five or more cards, so one mask test
 * separates the rare flushes (~3%), which are looked up by the flush suit's rank mask; every
 * other hand is one hashed-table lookup on the rank sum. No branches per card, no allocation.
 *
 * The incremental pieces (`RANK_KEY`, `SUIT_KEY`, `flushSuit`, `nonFlush7`, `FLUSH_TABLE`) let
 * enumerators (equity, exhaustive tests) keep partial sums for shared cards and add the rest.
 */
import { buildNonFlushTable, FLUSH_TABLE as FLUSH_TABLE_IMPORT, type HashedTable, RANK_WEIGHTS, ROW_BITS } from './tables';

/** Module-local alias for the hot path (some loaders turn every use of an import into a property read). */
export const FLUSH_TABLE = FLUSH_TABLE_IMPORT;

/** Rank weight of each card. */
export const RANK_KEY = new Int32Array(52);
/** Suit nibble of each card: 1 << (4 * suit). */
export const SUIT_KEY = new Int32Array(52);
/** Rank bit of each card within its suit's 13-bit mask. */
export const RANK_BIT = new Int32Array(52);

for (let card = 0; card < 52; card++) {
  RANK_KEY[card] = RANK_WEIGHTS[card >> 2]!;
  SUIT_KEY[card] = 1 << (4 * (card & 3));
  RANK_BIT[card] = 1 << (card >> 2);
}

const SHIFT = 32 - ROW_BITS;
const T7: HashedTable = buildNonFlushTable(7);
const M7 = T7.multiplier;
const ROWS7 = T7.rows;
const CELLS7 = T7.cells;

/** The suit (0..3) holding five or more of the cards whose suit nibbles sum to `suitSum`, or -1. */
export function flushSuit(suitSum: number): number {
  const bits = (suitSum + 0x3333) & 0x8888;
  return bits === 0 ? -1 : (31 - Math.clz32(bits)) >> 2;
}

/** Strength of seven cards without a flush, from the sum of their rank keys. */
export function nonFlush7(rankSum: number): number {
  return CELLS7[ROWS7[Math.imul(rankSum, M7) >>> SHIFT]! + (rankSum & 0xffff)]!;
}

function flush7(suitSum: number, a: number, b: number, c: number, d: number, e: number, f: number, g: number): number {
  const suit = (31 - Math.clz32((suitSum + 0x3333) & 0x8888)) >> 2;
  let mask = 0;
  if ((a & 3) === suit) mask |= RANK_BIT[a]!;
  if ((b & 3) === suit) mask |= RANK_BIT[b]!;
  if ((c & 3) === suit) mask |= RANK_BIT[c]!;
  if ((d & 3) === suit) mask |= RANK_BIT[d]!;
  if ((e & 3) === suit) mask |= RANK_BIT[e]!;
  if ((f & 3) === suit) mask |= RANK_BIT[f]!;
  if ((g & 3) === suit) mask |= RANK_BIT[g]!;
  return FLUSH_TABLE[mask]!;
}

/** Strength (1..7462, higher is better) of the best five-card hand in seven distinct cards. */
export function evaluate7(a: number, b: number, c: number, d: number, e: number, f: number, g: number): number {
  const suitSum = SUIT_KEY[a]! + SUIT_KEY[b]! + SUIT_KEY[c]! + SUIT_KEY[d]! + SUIT_KEY[e]! + SUIT_KEY[f]! + SUIT_KEY[g]!;
  if (((suitSum + 0x3333) & 0x8888) !== 0) return flush7(suitSum, a, b, c, d, e, f, g);
  const k = RANK_KEY[a]! + RANK_KEY[b]! + RANK_KEY[c]! + RANK_KEY[d]! + RANK_KEY[e]! + RANK_KEY[f]! + RANK_KEY[g]!;
  return CELLS7[ROWS7[Math.imul(k, M7) >>> SHIFT]! + (k & 0xffff)]!;
}

// Five- and six-card tables are built on first use: the hot path only ever needs seven.
const smallTables: (HashedTable | undefined)[] = [];

function evaluateSmall(cards: readonly number[]): number {
  let suitSum = 0;
  let rankSum = 0;
  for (const card of cards) {
    suitSum += SUIT_KEY[card]!;
    rankSum += RANK_KEY[card]!;
  }
  const suit = flushSuit(suitSum);
  if (suit >= 0) {
    let mask = 0;
    for (const card of cards) if ((card & 3) === suit) mask |= RANK_BIT[card]!;
    return FLUSH_TABLE[mask]!;
  }
  let table = smallTables[cards.length];
  if (!table) {
    table = buildNonFlushTable(cards.length);
    smallTables[cards.length] = table;
  }
  return table.cells[table.rows[Math.imul(rankSum, table.multiplier) >>> SHIFT]! + (rankSum & 0xffff)]!;
}

/** Strength of five, six or seven distinct cards; throws on any other count (a caller bug). */
export function evaluate(cards: readonly number[]): number {
  if (cards.length === 7) return evaluate7(cards[0]!, cards[1]!, cards[2]!, cards[3]!, cards[4]!, cards[5]!, cards[6]!);
  if (cards.length === 5 || cards.length === 6) return evaluateSmall(cards);
  throw new RangeError(`evaluate needs 5 to 7 cards, got ${cards.length}`);
}
