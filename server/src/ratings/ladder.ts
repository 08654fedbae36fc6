/**
 * The living ladder: persistent ratings per game for every agent, bot account and person, moved
 * by each finished arena match its creator marked `rated` (casual and demo matches never are).
 *
 * Model. OpenSkill (Weng–Lin, Plackett–Luce; the `openskill` package, defaults μ₀ = 25,
 * σ₀ = 25/3) rates each match as one ranking: seats ordered by score, equal scores tied. Scores
 * are the game's returns, or for games scored by centres the ladder's scoring system
 * (sum-of-squares, `scoring.ts`), recorded with the match. σ is the rating deviation: it starts at
 * σ₀, shrinks as matches come in, and grows by τ each match (the library's dynamics factor), as
 * Glicko's RD does. A player is provisional until σ falls below σ₀/2 (a quarter of the prior's
 * variance left), as Lichess marks a rating provisional while its deviation is high. Players are
 * listed by μ − 3σ, the conservative estimate.
 *
 * Pools. People, bot accounts and agents share one pool per game (`all`). A second pool
 * (`vs-people`) is moved only by matches with a person and a non-person at the table, so an
 * agent's page can show how it fares against people alone.
 *
 * Each match is applied once (the store refuses a match id it has applied), and updates are
 * serialised in this process so two matches ending together cannot lose one another's update.
 */
import { getGame } from '@parley/games';
import { ordinal, rate, rating } from 'openskill';
import type { LadderPlayerKind, LadderPool, LadderRating, MatchStore, SeatKind } from '../store/types';
import { DEFAULT_SCORING, type ScoringSystem, scoreStanding } from './scoring';

export const PROVISIONAL_SIGMA = 25 / 3 / 2;

export interface LadderSeat {
  /** The seat's name in the match (agent spec name, bot account, person). */
  name: string;
  kind: SeatKind;
}

export interface RatedArenaMatch {
  matchId: string;
  game: string;
  seats: readonly LadderSeat[];
  returns: readonly number[];
  /** The final state, for games scored by centres. */
  finalState?: unknown;
}

export const playerKind = (kind: SeatKind): LadderPlayerKind =>
  kind === 'human' ? 'person' : kind === 'external' ? 'bot-account' : 'agent';
export const playerKey = (seat: LadderSeat) => `${playerKind(seat.kind)}:${seat.name}`;

/** The scores a rated match is ranked by, and the scoring system when one applied. */
export function matchScores(match: RatedArenaMatch): { scores: number[]; scoring: ScoringSystem | null } {
  const game = getGame(match.game);
  if (game.standing && match.finalState !== undefined) {
    return { scores: scoreStanding(DEFAULT_SCORING, game.standing(match.finalState)), scoring: DEFAULT_SCORING };
  }
  return { scores: [...match.returns], scoring: null };
}

/** The pools a match moves: everyone's, and the people-against-others pool when both are seated. */
export function poolsOf(seats: readonly LadderSeat[]): LadderPool[] {
  const people = seats.filter((s) => s.kind === 'human').length;
  return people > 0 && people < seats.length ? ['all', 'vs-people'] : ['all'];
}

/**
 * New ratings after one match, for one pool. A player holding several seats (self-play) is rated
 * as separate entries from the same rating, then takes the mean of their updates.
 */
export function ladderUpdate(
  current: ReadonlyMap<string, LadderRating>,
  match: RatedArenaMatch,
  scores: readonly number[],
  pool: LadderPool,
  now: number,
): LadderRating[] {
  const prior = rating();
  const teams = match.seats.map((s) => {
    const r = current.get(playerKey(s));
    return [r ? { mu: r.mu, sigma: r.sigma } : prior];
  });
  const ranks = scores.map((x) => 1 + scores.filter((y) => y > x).length);
  const rated = rate(teams, { rank: ranks });
  const sums = new Map<string, { seat: LadderSeat; mu: number; sigma: number; n: number }>();
  match.seats.forEach((seat, i) => {
    const next = rated[i]![0]!;
    const key = playerKey(seat);
    const s = sums.get(key) ?? { seat, mu: 0, sigma: 0, n: 0 };
    sums.set(key, { seat, mu: s.mu + next.mu, sigma: s.sigma + next.sigma, n: s.n + 1 });
  });
  return [...sums].map(([key, s]) => {
    const mu = s.mu / s.n;
    const sigma = s.sigma / s.n;
    const matches = (current.get(key)?.matches ?? 0) + 1;
    return {
      game: match.game,
      pool,
      player: key,
      kind: playerKind(s.seat.kind),
      name: s.seat.name,
      mu,
      sigma,
      ordinal: ordinal({ mu, sigma }),
      matches,
      provisional: sigma > PROVISIONAL_SIGMA,
      updatedAt: now,
    };
  });
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Rates one finished match on the store's ladder. Returns false when it was rated before. Runs
 * after the match is stored as finished; a failure here is logged by the caller and leaves the
 * match itself intact.
 */
export function rateArenaMatch(store: MatchStore, match: RatedArenaMatch, now = Date.now()): Promise<boolean> {
  const run = async () => {
    const { scores, scoring } = matchScores(match);
    const updates: LadderRating[] = [];
    for (const pool of poolsOf(match.seats)) {
      const players = [...new Set(match.seats.map(playerKey))];
      const current = await store.ladderRatings({ game: match.game, pool, players });
      updates.push(...ladderUpdate(new Map(current.map((r) => [r.player, r])), match, scores, pool, now));
    }
    return store.applyLadderUpdate({ matchId: match.matchId, game: match.game, scoring, scores, ratings: updates });
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
