/**
 * The evaluator's lookup tables, built once at module load (a few tens of milliseconds).
 *
 * Non-flush hands depend only on the multiset of ranks. Each rank gets a weight such that
 * no two multisets of up to seven cards (at most four of a rank) have the same weight sum:
 * the weights are the greedy sequence with that property (each the least integer above the
 * last that keeps all sums distinct; a test re-checks the property). A seven-card sum is below
 * 2^23: a direct table would take 16 MB, so the 49,205 sums are packed into ~71k cells with
 * hashed row displacement (Tarjan and Yao, "Storing a sparse table", 1979): a multiplicative
 * hash of the sum picks a row, whose offset plus the sum's low 16 bits is the cell. Offsets are
 * placed first-fit, longest rows first, so no two sums share a cell. Flushes are looked up
 * directly by the 13-bit rank mask of the flush suit.
 */
import { bestFlush, bestNonFlush, denseRanks, forEachRankMultiset, popcount13, rawCategory } from './ranking';

/** Distinct-sum weights for ranks 2..A (see above). */
export const RANK_WEIGHTS: readonly number[] = [0, 1, 5, 22, 98, 453, 2031, 8698, 22854, 83661, 262349, 636345, 1479181];

const dense = denseRanks();

/** Dense strength -> category (0 high card .. 8 straight flush). */
export const CATEGORY_OF = new Uint8Array(dense.size + 1);
/** Dense strength -> the raw score it stands for (for descriptions). */
export const RAW_OF = new Float64Array(dense.size + 1);
for (const [score, strength] of dense) {
  CATEGORY_OF[strength] = rawCategory(score);
  RAW_OF[strength] = score;
}

/** Strength of the best hand in a suit with at least five cards, by its 13-bit rank mask. */
export const FLUSH_TABLE = new Uint16Array(8192);
for (let mask = 0; mask < 8192; mask++) if (popcount13(mask) >= 5) FLUSH_TABLE[mask] = dense.get(bestFlush(mask))!;

/** Bits of the hashed row index and of the column (the sum's low bits). */
export const ROW_BITS = 15;
export const COLUMN_BITS = 16;
const COLUMN_MASK = (1 << COLUMN_BITS) - 1;

/** A rank sum's strength is `cells[rows[Math.imul(sum, multiplier) >>> (32 - ROW_BITS)] + (sum & 0xffff)]`. */
export interface HashedTable {
  readonly multiplier: number;
  readonly rows: Int32Array;
  readonly cells: Uint16Array;
}

/** The table of non-flush strengths for hands of exactly `size` cards (5, 6 or 7). */
export function buildNonFlushTable(size: number): HashedTable {
  const sums: number[] = [];
  const strengths: number[] = [];
  forEachRankMultiset(size, (counts) => {
    let sum = 0;
    for (let r = 0; r < 13; r++) sum += counts[r]! * RANK_WEIGHTS[r]!;
    sums.push(sum);
    strengths.push(dense.get(bestNonFlush(counts))!);
  });
  return displace(sums, strengths);
}

const rowOf = (sum: number, multiplier: number): number => Math.imul(sum, multiplier) >>> (32 - ROW_BITS);

/** A multiplier under which no two sums fall in the same row and column (the first one tried works). */
function findMultiplier(sums: readonly number[]): number {
  let multiplier = 0x9e3779b1 | 0; // 2^32 / golden ratio, the classic Fibonacci-hashing constant
  for (;;) {
    const cells = new Set<number>();
    let distinct = true;
    for (const sum of sums) {
      const cell = rowOf(sum, multiplier) * (COLUMN_MASK + 1) + (sum & COLUMN_MASK);
      if (cells.has(cell)) {
        distinct = false;
        break;
      }
      cells.add(cell);
    }
    if (distinct) return multiplier;
    multiplier = (Math.imul(multiplier, 0x2545f491) + 0x6d2b79f5) | 1;
  }
}

/** First-fit-decreasing row displacement of the sparse (sum -> strength) cells. */
function displace(sums: readonly number[], strengths: readonly number[]): HashedTable {
  const count = sums.length;
  const multiplier = findMultiplier(sums);
  const rowCount = 1 << ROW_BITS;
  // Bucket the cells by row: each row's columns lie in columns[rowStart[r] .. rowStart[r + 1]).
  const rowLength = new Int32Array(rowCount);
  for (const sum of sums) rowLength[rowOf(sum, multiplier)]!++;
  const rowStart = new Int32Array(rowCount + 1);
  for (let r = 0; r < rowCount; r++) rowStart[r + 1] = rowStart[r]! + rowLength[r]!;
  const fill = rowStart.slice(0, rowCount);
  const columns = new Int32Array(count);
  for (const sum of sums) columns[fill[rowOf(sum, multiplier)]!++] = sum & COLUMN_MASK;
  const order = Array.from({ length: rowCount }, (_, r) => r).sort((a, b) => rowLength[b]! - rowLength[a]!);

  // `next[i]` leads to the first free cell at or after i (union-find with path halving), so a
  // row only tries offsets that put its first column on a free cell.
  const capacity = 2 * count + 2 * (COLUMN_MASK + 1);
  const used = new Uint8Array(capacity);
  const next = new Int32Array(capacity + 1);
  for (let i = 0; i <= capacity; i++) next[i] = i;
  const freeFrom = (i: number): number => {
    while (next[i] !== i) {
      next[i] = next[next[i]!]!;
      i = next[i]!;
    }
    return i;
  };
  const rows = new Int32Array(rowCount);
  let size = 0;
  for (const r of order) {
    const from = rowStart[r]!;
    const to = rowStart[r + 1]!;
    if (from === to) break;
    const first = columns[from]!;
    let slot = freeFrom(first);
    for (;;) {
      if (slot + COLUMN_MASK + 1 >= capacity) throw new Error('evaluator: displacement table overflow');
      let fits = true;
      for (let j = from + 1; j < to && fits; j++) fits = used[slot - first + columns[j]!] === 0;
      if (fits) break;
      slot = freeFrom(slot + 1);
    }
    const offset = slot - first;
    for (let j = from; j < to; j++) {
      const cell = offset + columns[j]!;
      used[cell] = 1;
      next[cell] = cell + 1;
    }
    rows[r] = offset;
    size = Math.max(size, offset + COLUMN_MASK + 1);
  }
  const cells = new Uint16Array(size);
  sums.forEach((sum, i) => {
    cells[rows[rowOf(sum, multiplier)]! + (sum & COLUMN_MASK)] = strengths[i]!;
  });
  return { multiplier, rows, cells };
}
