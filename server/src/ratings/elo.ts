/**
 * Elo ratings, updated one game at a time in the order given.
 *
 * Maths (Elo, "The Rating of Chessplayers, Past and Present", 1978): the expected score of A
 * against B is E_A = 1 / (1 + 10^((R_B − R_A)/400)); after a game with score S_A ∈ {1, ½, 0}
 * both ratings move by K·(S_A − E_A), A up and B down, so the sum of ratings is conserved.
 * The result depends on the order of games, which is why the official two-player leaderboard
 * is the order-free Bradley–Terry fit (`bradley-terry.ts`); Elo is kept for its familiarity and
 * as a live rating.
 */
import type { PairGame } from './outcomes';

export interface EloOptions {
  /** The update step K (default 16). */
  k?: number;
  /** Every participant's starting rating (default 1500). */
  initial?: number;
  /** Rating points per factor of 10 in odds (default 400). */
  scale?: number;
}

export function eloExpected(ra: number, rb: number, scale = 400): number {
  return 1 / (1 + 10 ** ((rb - ra) / scale));
}

export function eloRatings(names: readonly string[], games: readonly PairGame[], options: EloOptions = {}): Map<string, number> {
  const k = options.k ?? 16;
  const scale = options.scale ?? 400;
  const ratings = new Map(names.map((n) => [n, options.initial ?? 1500]));
  for (const { a, b, score } of games) {
    const ra = ratings.get(a);
    const rb = ratings.get(b);
    if (ra === undefined || rb === undefined) throw new Error(`elo: unknown participant in game ${a} vs ${b}`);
    const delta = k * (score - eloExpected(ra, rb, scale));
    ratings.set(a, ra + delta);
    ratings.set(b, rb - delta);
  }
  return ratings;
}
