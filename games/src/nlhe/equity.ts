/**
 * Hand equities: the share of the pot each hand wins on average, ties split, over the boards
 * that can still come (and, for unknown hands, the hole cards they can hold).
 *
 * With every hand known, the run-outs are enumerated exactly: at most C(48,5) = 1,712,304
 * boards, each hand scored from partial rank and suit sums (see `eval/evaluate.ts`), so even
 * heads-up pre-flop takes well under a second. With an unknown hand (null), or when the boards
 * exceed `exactLimit`, a seeded Monte Carlo draws `samples` deals instead.
 */
import { createRng } from '../core/rng';
import { cardName, parseCards } from './cards';
import {
  FLUSH_TABLE as FLUSH_TABLE_IMPORT,
  flushSuit,
  nonFlush7,
  RANK_BIT as RANK_BIT_IMPORT,
  RANK_KEY as RANK_KEY_IMPORT,
  SUIT_KEY as SUIT_KEY_IMPORT,
} from './eval/evaluate';

// Module-local aliases for the hot loops (some loaders turn every use of an import into a property read).
const FLUSH_TABLE = FLUSH_TABLE_IMPORT;
const RANK_BIT = RANK_BIT_IMPORT;
const RANK_KEY = RANK_KEY_IMPORT;
const SUIT_KEY = SUIT_KEY_IMPORT;

export interface EquityQuery {
  /** Two hole cards per hand (`AsKd`), or null for a hand dealt at random from the rest. */
  readonly hands: readonly (string | null)[];
  /** 0, 3, 4 or 5 board cards (`AhKd2c`). */
  readonly board?: string;
  /** Cards known to be out of play. */
  readonly dead?: string;
  /** Monte Carlo deals when not exact (default 200,000). */
  readonly samples?: number;
  readonly seed?: number;
  /** Enumerate exactly when all hands are known and at most this many boards remain (default 2,000,000). */
  readonly exactLimit?: number;
}

export interface EquityResult {
  /** Average pot share per hand (wins plus split ties), summing to 1. */
  readonly equity: number[];
  /** Share of deals each hand wins outright. */
  readonly win: number[];
  /** Share of deals each hand ties for the best hand. */
  readonly tie: number[];
  /** Boards (exact) or deals (Monte Carlo) evaluated. */
  readonly trials: number;
  readonly exact: boolean;
}

export type EquityAnswer = { ok: true; result: EquityResult } | { ok: false; error: string };

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 0; i < k; i++) r = (r * (n - i)) / (i + 1);
  return Math.round(r);
}

/** Scores every hand on one completed board and credits the winners. */
class Tally {
  readonly win: Float64Array;
  readonly tie: Float64Array;
  readonly share: Float64Array;
  trials = 0;
  private readonly scores: Int32Array;
  constructor(readonly players: number) {
    this.win = new Float64Array(players);
    this.tie = new Float64Array(players);
    this.share = new Float64Array(players);
    this.scores = new Int32Array(players);
  }
  /** `holes[2p], holes[2p+1]` are player p's cards; the board's five cards and their key sums are given. */
  settle(holes: Int32Array, board: Int32Array, boardRank: number, boardSuit: number): void {
    let best = 0;
    let winners = 0;
    for (let p = 0; p < this.players; p++) {
      const a = holes[2 * p]!;
      const b = holes[2 * p + 1]!;
      const suitSum = boardSuit + SUIT_KEY[a]! + SUIT_KEY[b]!;
      const suit = flushSuit(suitSum);
      let score: number;
      if (suit < 0) {
        score = nonFlush7(boardRank + RANK_KEY[a]! + RANK_KEY[b]!);
      } else {
        let mask = 0;
        if ((a & 3) === suit) mask |= RANK_BIT[a]!;
        if ((b & 3) === suit) mask |= RANK_BIT[b]!;
        for (let i = 0; i < 5; i++) if ((board[i]! & 3) === suit) mask |= RANK_BIT[board[i]!]!;
        score = FLUSH_TABLE[mask]!;
      }
      this.scores[p] = score;
      if (score > best) {
        best = score;
        winners = 1;
      } else if (score === best) {
        winners++;
      }
    }
    for (let p = 0; p < this.players; p++) {
      if (this.scores[p] !== best) continue;
      if (winners === 1) this.win[p]! += 1;
      else this.tie[p]! += 1;
      this.share[p]! += 1 / winners;
    }
    this.trials++;
  }
  result(exact: boolean): EquityResult {
    const per = (xs: Float64Array) => Array.from(xs, (x) => x / this.trials);
    return { equity: per(this.share), win: per(this.win), tie: per(this.tie), trials: this.trials, exact };
  }
}

export function equity(query: EquityQuery): EquityAnswer {
  const players = query.hands.length;
  if (players < 2 || players > 23) return { ok: false, error: 'equity needs 2 to 23 hands' };
  const used = new Set<number>();
  const take = (text: string, what: string): number[] | string => {
    const cards = parseCards(text);
    if (!cards) return `${what} '${text}' is not a list of distinct cards`;
    for (const c of cards) {
      if (used.has(c)) return `${cardName(c)} appears twice`;
      used.add(c);
    }
    return cards;
  };
  const known: (number[] | null)[] = [];
  for (const [i, hand] of query.hands.entries()) {
    if (hand === null) {
      known.push(null);
      continue;
    }
    const cards = take(hand, `hand ${i}`);
    if (typeof cards === 'string') return { ok: false, error: cards };
    if (cards.length !== 2) return { ok: false, error: `hand ${i} must have two cards` };
    known.push(cards);
  }
  const board = take(query.board ?? '', 'board');
  if (typeof board === 'string') return { ok: false, error: board };
  if (![0, 3, 4, 5].includes(board.length)) return { ok: false, error: 'the board must have 0, 3, 4 or 5 cards' };
  const dead = take(query.dead ?? '', 'dead cards');
  if (typeof dead === 'string') return { ok: false, error: dead };
  const deck = Array.from({ length: 52 }, (_, c) => c).filter((c) => !used.has(c));
  const unknown = known.filter((h) => h === null).length;
  if (deck.length < 5 - board.length + 2 * unknown) return { ok: false, error: 'not enough cards left to deal' };

  const boards = binomial(deck.length, 5 - board.length);
  if (unknown === 0 && boards <= (query.exactLimit ?? 2_000_000)) {
    return { ok: true, result: enumerate(known as number[][], board, deck) };
  }
  return { ok: true, result: simulate(known, board, deck, query.samples ?? 200_000, query.seed ?? 1) };
}

function enumerate(hands: readonly number[][], board: readonly number[], deck: readonly number[]): EquityResult {
  const tally = new Tally(hands.length);
  const holes = Int32Array.from(hands.flat());
  const full = new Int32Array(5);
  board.forEach((c, i) => {
    full[i] = c;
  });
  const need = 5 - board.length;
  const walk = (from: number, depth: number, rank: number, suit: number): void => {
    if (depth === 5) {
      tally.settle(holes, full, rank, suit);
      return;
    }
    for (let i = from; i <= deck.length - (5 - depth); i++) {
      const c = deck[i]!;
      full[depth] = c;
      walk(i + 1, depth + 1, rank + RANK_KEY[c]!, suit + SUIT_KEY[c]!);
    }
  };
  let rank = 0;
  let suit = 0;
  for (const c of board) {
    rank += RANK_KEY[c]!;
    suit += SUIT_KEY[c]!;
  }
  if (need === 0) tally.settle(holes, full, rank, suit);
  else walk(0, board.length, rank, suit);
  return tally.result(true);
}

function simulate(
  known: readonly (number[] | null)[],
  board: readonly number[],
  deck: readonly number[],
  samples: number,
  seed: number,
): EquityResult {
  const rng = createRng(seed);
  const tally = new Tally(known.length);
  const holes = new Int32Array(2 * known.length);
  const full = new Int32Array(5);
  const pool = deck.slice();
  for (let t = 0; t < samples; t++) {
    // A partial Fisher-Yates shuffle draws just the cards this deal needs.
    let drawn = 0;
    const draw = (): number => {
      const j = drawn + rng.int(pool.length - drawn);
      const c = pool[j]!;
      pool[j] = pool[drawn]!;
      pool[drawn++] = c;
      return c;
    };
    known.forEach((hand, p) => {
      holes[2 * p] = hand ? hand[0]! : draw();
      holes[2 * p + 1] = hand ? hand[1]! : draw();
    });
    let rank = 0;
    let suit = 0;
    for (let i = 0; i < 5; i++) {
      const c = i < board.length ? board[i]! : draw();
      full[i] = c;
      rank += RANK_KEY[c]!;
      suit += SUIT_KEY[c]!;
    }
    tally.settle(holes, full, rank, suit);
  }
  return tally.result(false);
}
