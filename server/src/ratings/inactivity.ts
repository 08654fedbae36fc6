/**
 * Rating deviation grows while a player is away, as Glicko's RD does.
 *
 * Maths (Glickman, "The Glicko system", 1995, step 1): at the start of each rating period a
 * player who has not played for t periods has RD' = min(√(RD² + c²·t), RD₀). Glickman chooses c
 * from how long a settled rating takes to become as uncertain as a newcomer's: with RD from 50
 * back to 350 in 100 periods, c = √((350² − 50²) / 100) ≈ 34.6. The ladder keeps that choice on
 * OpenSkill's scale (σ₀ = 25/3 plays RD₀ = 350, so a settled σ is σ₀/7):
 *
 *   σ' = min(√(σ² + c²·t), σ₀),  c = σ₀·√((1 − 1/49) / 100) ≈ 0.8248,  t = whole days since the last rated match
 *
 * A rating period is one day: a player who last played yesterday has the σ they left with; one
 * away for a hundred days is back to a newcomer's σ (and provisional again), with μ unchanged.
 * The grown σ is what the ladder shows and what the next update starts from; the store keeps the
 * σ of the last match and when it was played, so the growth is never applied twice.
 */
import { ladderOrder } from '../store/ladder';
import type { LadderRating } from '../store/types';
import { openskill } from './openskill-library';

export const SIGMA_0 = 25 / 3;
/** One rating period. */
export const RATING_PERIOD_MS = 24 * 3600_000;
/** c: σ's growth per √period of inactivity (derivation above). */
export const INACTIVITY_SIGMA_PER_PERIOD = SIGMA_0 * Math.sqrt((1 - 1 / 49) / 100);
/** Provisional while σ is above half the prior's (a quarter of its variance left), as Lichess flags a high deviation. */
export const PROVISIONAL_SIGMA = SIGMA_0 / 2;

/** Whole rating periods from `since` to `now` (none when the clock reads earlier). */
export function idlePeriods(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / RATING_PERIOD_MS));
}

/** σ after `periods` rating periods without a rated match. */
export function inflatedSigma(sigma: number, periods: number): number {
  if (periods <= 0) return sigma;
  return Math.min(SIGMA_0, Math.sqrt(sigma * sigma + INACTIVITY_SIGMA_PER_PERIOD ** 2 * periods));
}

/** A stored rating as it stands at `now`: σ grown by the idle periods, ordinal and flag to match. */
export function ratingAsOf(r: LadderRating, now: number): LadderRating {
  const sigma = inflatedSigma(r.sigma, idlePeriods(r.updatedAt, now));
  if (sigma === r.sigma) return r;
  return { ...r, sigma, ordinal: openskill().ordinal({ mu: r.mu, sigma }), provisional: sigma > PROVISIONAL_SIGMA };
}

/** The ladder as it stands at `now`: every entry's σ grown by its idle periods, in the ladder's order again. */
export function ladderAsOf(ratings: readonly LadderRating[], now: number): LadderRating[] {
  return ratings.map((r) => ratingAsOf(r, now)).sort(ladderOrder);
}
