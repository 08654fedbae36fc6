/**
 * The living ladder: persistent ratings per game for every agent, bot account and person, moved
 * by each finished arena match its creator marked `rated` (casual and demo matches never are).
 *
 * Model. OpenSkill (Weng–Lin, Plackett–Luce; the `openskill` package, defaults μ₀ = 25,
 * σ₀ = 25/3) rates each match as one ranking: seats ordered by score, equal scores tied. Scores
 * are the game's returns, or for games scored by centres the ladder's scoring system
 * (sum-of-squares, `scoring.ts`), recorded with the match. σ is the rating deviation: it starts at
 * σ₀, shrinks as matches come in, grows by τ each match (the library's dynamics factor) and with
 * every day away (`inactivity.ts`), as Glicko's RD does. A player is provisional until σ falls
 * below σ₀/2, as Lichess marks a rating provisional while its deviation is high. Players are
 * listed by μ − 3σ, the conservative estimate.
 *
 * Who is rated. A person's seat is rated as the account that took it (the room binds the seat to
 * the signed-in person who joined first); a seat taken by a guest, or never taken, is not rated,
 * and the others at the table are ranked among themselves (a Plackett–Luce ranking restricted to
 * some of its players is again Plackett–Luce). Bot accounts are rated as their account, agents as
 * their registry id, whatever name the creator gave the seat. A match with fewer than two rated
 * players moves nothing.
 *
 * Pools. People, bot accounts and agents share one pool per game (`all`). A second pool
 * (`vs-people`) is moved only by matches with a person and a non-person rated at the table, so
 * an agent's page can show how it fares against people alone.
 *
 * Each match is applied once (the store refuses a match id it has applied). Updates are
 * optimistic: each new rating carries the version it was computed from, the store applies the
 * whole update only if no other process moved those ratings meanwhile, and a refused update is
 * read again and recomputed. Within one process updates to a store also run one at a time.
 */
import { getGame } from '@parley/games';
import type { LadderPlayerKind, LadderPool, LadderRating, MatchStore } from '../store/types';
import { PROVISIONAL_SIGMA, ratingAsOf } from './inactivity';
import { openskill } from './openskill-library';
import { DEFAULT_SCORING, type ScoringSystem, scoreStanding } from './scoring';

export { PROVISIONAL_SIGMA };

/** Who the ladder rates for a seat: a person's or bot's account id, or an agent's registry id. */
export interface LadderPlayer {
  kind: LadderPlayerKind;
  id: string;
  /** Shown on the ladder: the account's name, `bot/NAME`, or the agent's id. */
  name: string;
}

/** One seat of a rated match: its player, or null when nobody rated sat there (a guest). */
export type LadderSeat = LadderPlayer | null;

export interface RatedArenaMatch {
  matchId: string;
  game: string;
  seats: readonly LadderSeat[];
  returns: readonly number[];
  /** The final state, for games scored by centres. */
  finalState?: unknown;
}

export const playerKey = (p: LadderPlayer) => `${p.kind}:${p.id}`;

/** Tries of one rated match against updates by other processes before it gives up. */
export const LADDER_ATTEMPTS = 8;

/** The scores a rated match is ranked by, and the scoring system when one applied. */
export function matchScores(match: RatedArenaMatch): { scores: number[]; scoring: ScoringSystem | null } {
  const game = getGame(match.game);
  if (game.standing && match.finalState !== undefined) {
    return { scores: scoreStanding(DEFAULT_SCORING, game.standing(match.finalState)), scoring: DEFAULT_SCORING };
  }
  return { scores: [...match.returns], scoring: null };
}

/** The seats a match rates, with their scores: none unless two different players are rated. */
export function ratedSeats(seats: readonly LadderSeat[], scores: readonly number[]): { player: LadderPlayer; score: number }[] {
  const rated = seats.flatMap((player, i) => (player ? [{ player, score: scores[i] ?? 0 }] : []));
  return new Set(rated.map((s) => playerKey(s.player))).size >= 2 ? rated : [];
}

/** The pools a match moves: everyone's, and the people-against-others pool when both are rated. */
export function poolsOf(players: readonly LadderPlayer[]): LadderPool[] {
  const people = players.filter((p) => p.kind === 'person').length;
  return people > 0 && people < players.length ? ['all', 'vs-people'] : ['all'];
}

/**
 * New ratings after one match, for one pool, from the ratings as they stand at `now` (σ grown by
 * inactivity). A player holding several seats (self-play) is rated as separate entries from the
 * same rating, then takes the mean of their updates. Each carries the next version.
 */
export function ladderUpdate(
  current: ReadonlyMap<string, LadderRating>,
  game: string,
  seats: readonly { player: LadderPlayer; score: number }[],
  pool: LadderPool,
  now: number,
): LadderRating[] {
  const { ordinal, rate, rating } = openskill();
  const prior = rating();
  const teams = seats.map(({ player }) => {
    const r = current.get(playerKey(player));
    return [r ? ratingAsOf(r, now) : prior];
  });
  const scores = seats.map((s) => s.score);
  const ranks = scores.map((x) => 1 + scores.filter((y) => y > x).length);
  const rated = rate(teams, { rank: ranks });
  const sums = new Map<string, { player: LadderPlayer; mu: number; sigma: number; n: number }>();
  seats.forEach(({ player }, i) => {
    const next = rated[i]![0]!;
    const key = playerKey(player);
    const s = sums.get(key) ?? { player, mu: 0, sigma: 0, n: 0 };
    sums.set(key, { player, mu: s.mu + next.mu, sigma: s.sigma + next.sigma, n: s.n + 1 });
  });
  return [...sums].map(([key, s]) => {
    const mu = s.mu / s.n;
    const sigma = s.sigma / s.n;
    const before = current.get(key);
    return {
      game,
      pool,
      player: key,
      kind: s.player.kind,
      name: s.player.name,
      mu,
      sigma,
      ordinal: ordinal({ mu, sigma }),
      matches: (before?.matches ?? 0) + 1,
      provisional: sigma > PROVISIONAL_SIGMA,
      updatedAt: now,
      version: (before?.version ?? 0) + 1,
    };
  });
}

const queues = new WeakMap<MatchStore, Promise<unknown>>();

/**
 * Rates one finished match on the store's ladder. Returns false when it was rated before or has
 * fewer than two rated players. Runs after the match is stored as finished; a failure here is
 * logged by the caller and leaves the match itself intact.
 */
export function rateArenaMatch(store: MatchStore, match: RatedArenaMatch, now: number): Promise<boolean> {
  const run = async () => {
    const { scores, scoring } = matchScores(match);
    const seats = ratedSeats(match.seats, scores);
    if (seats.length === 0) return false;
    const players = [...new Set(seats.map((s) => playerKey(s.player)))];
    for (let attempt = 1; attempt <= LADDER_ATTEMPTS; attempt++) {
      const ratings: LadderRating[] = [];
      for (const pool of poolsOf(seats.map((s) => s.player))) {
        const current = await store.ladderRatings({ game: match.game, pool, players });
        ratings.push(...ladderUpdate(new Map(current.map((r) => [r.player, r])), match.game, seats, pool, now));
      }
      const result = await store.applyLadderUpdate({ matchId: match.matchId, game: match.game, scoring, scores, ratings });
      if (result !== 'conflict') return result === 'applied';
    }
    throw new Error(`the ladder moved under this match ${LADDER_ATTEMPTS} times running; gave up`);
  };
  const next = (queues.get(store) ?? Promise.resolve()).then(run, run);
  queues.set(
    store,
    next.catch(() => undefined),
  );
  return next;
}
