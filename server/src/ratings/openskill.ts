/**
 * OpenSkill (Weng–Lin) ratings for games of more than two seats: Diplomacy, multi-way poker.
 *
 * Maths (Weng & Lin, "A Bayesian Approximation Method for Online Ranking", JMLR 12, 2011,
 * Algorithm 4, the Plackett–Luce model): each participant's skill is a Gaussian N(μ, σ²).
 * After a match ranked r_1…r_k, with c² = Σ (σ_q² + β²) and P_iq = e^{μ_i/c} / Σ_{s: r_s ≥ r_q} e^{μ_s/c},
 * μ_i moves by σ_i²/c · Σ_{q: r_q ≤ r_i} (𝟙[q = i] − P_iq) / A_q and σ_i² shrinks by the
 * matching second-order term, where A_q counts the seats tied with q; equal ranks are draws.
 * The update itself is the `openskill` package's `rate` with its default Plackett–Luce model
 * (μ₀ = 25, σ₀ = 25/3, β = 25/6, τ = 25/300); this module only turns a match into its input:
 * one single-player team per seat, ranked by returns (`outcomes.ts`).
 *
 * A participant holding several seats in one match (a small field filling seven Diplomacy seats,
 * self-play) is rated as separate teams that start from the same rating; it then takes the mean
 * of their updated μ and σ. The leaderboard orders by the conservative estimate μ − 3σ.
 */
import type { OpenSkillRating } from '@parley/protocol';
import type { Options } from 'openskill';
import { openskill } from './openskill-library';
import { type RatedMatch, ranksFromReturns } from './outcomes';

export type OpenSkillOptions = Pick<Options, 'mu' | 'sigma' | 'beta' | 'tau' | 'z'>;

/** Rates the matches in order; participants without matches keep the prior. */
export function openSkillRatings(
  names: readonly string[],
  matches: readonly RatedMatch[],
  options: OpenSkillOptions = {},
): Map<string, OpenSkillRating> {
  const { ordinal, rate, rating } = openskill();
  const current = new Map(names.map((n) => [n, rating(undefined, options)]));
  for (const match of matches) {
    const teams = match.seats.map((name) => {
      const r = current.get(name);
      if (!r) throw new Error(`openskill: unknown participant '${name}'`);
      return [r];
    });
    const rated = rate(teams, { ...options, rank: ranksFromReturns(match.returns) });
    const updates = new Map<string, { mu: number; sigma: number; count: number }>();
    match.seats.forEach((name, seat) => {
      const next = rated[seat]?.[0];
      if (!next) return;
      const u = updates.get(name) ?? { mu: 0, sigma: 0, count: 0 };
      updates.set(name, { mu: u.mu + next.mu, sigma: u.sigma + next.sigma, count: u.count + 1 });
    });
    for (const [name, u] of updates) current.set(name, { mu: u.mu / u.count, sigma: u.sigma / u.count });
  }
  return new Map([...current].map(([name, r]) => [name, { ...r, ordinal: ordinal(r, options) }]));
}
