/**
 * The leaderboard: every applicable rating method over one tournament's matches, one primary.
 *
 * Which methods apply follows the game:
 * - every game that is not poker gets Bradley–Terry from pairwise comparisons (bootstrap
 *   intervals; the official rating, as on the big LLM arenas): two seats compare once per match,
 *   more seats compare every pair of participants, ties only where scores tie;
 * - two-seat games also get sequential Elo, and games of more seats OpenSkill from the ranking
 *   (Weng–Lin Plackett–Luce);
 * - games scored by centres (Diplomacy) are rated on the scores of the tournament's scoring
 *   system (`scoring.ts`), not the engine's draw shares, and report mean centres and years survived;
 * - poker gets mbb per hand (raw and duplicate-adjusted; the primary figure, the poker-AI
 *   convention) and Bradley–Terry on chips (`pairUnits`), whose order then matches mbb/hand;
 *   Elo and OpenSkill are left out for poker, since they rate who won each hand, not how much.
 * Every game gets the mean payoff (score) per match. Every interval says what it is: a bootstrap
 * or normal-approximation confidence interval, or a Bayesian credible band; the tests measure the
 * coverage of each kind. A participant with fewer than `provisionalBelow` matches is provisional.
 */
import type { Estimate, IntervalKind, Leaderboard, LeaderboardRow, RatingMethod } from '@parley/protocol';
import { RunningStats } from '../runtime/stats';
import { type BradleyTerryOptions, bradleyTerry, bradleyTerryIntervals } from './bradley-terry';
import { type EloOptions, eloRatings } from './elo';
import { type OpenSkillOptions, openSkillRatings } from './openskill';
import { type PairGame, pairUnits, participantsOf, type RatedMatch } from './outcomes';
import { type PokerScale, pokerRatings } from './poker';
import { type ScoringSystem, scoreStanding } from './scoring';

export type { Estimate, Leaderboard, LeaderboardRow };

export interface LeaderboardConfig {
  seatsPerMatch: number;
  primary?: RatingMethod;
  provisionalBelow?: number;
  elo?: EloOptions;
  bradleyTerry?: BradleyTerryOptions;
  /** Bootstrap resamples for the Bradley–Terry intervals (default 1000; 0 skips them). */
  bootstrap?: number;
  seed?: number;
  openskill?: OpenSkillOptions;
  /** Set for poker: turns chips into mbb per hand. */
  poker?: PokerScale | null;
  /** Set for games scored by centres: matches with a standing are rated on these scores. */
  scoring?: ScoringSystem | null;
}

/**
 * What each kind of interval is. Confidence intervals are frequentist: they cover the true value
 * in about 95% of repeated tournaments, which the tests check by simulation (bootstrap: 0.945 for
 * Bradley–Terry; normal over duplicate groups: 0.93 for mbb/hand). A credible band is OpenSkill's
 * μ ± 1.96σ, a posterior approximation under the model's own assumptions; simulated, it covers
 * nearly always after 5 matches and about half the time after 30 (coverage.test.ts), so it
 * claims no coverage and is never called a confidence interval.
 */
export const INTERVAL_LABEL: Record<IntervalKind, string> = {
  'bootstrap-ci': 'bootstrap 95% confidence interval',
  'normal-ci': '95% confidence interval (normal approximation)',
  'credible-band': 'Bayesian credible band μ ± 1.96σ (model-based; no coverage claimed)',
};

/** Column headings for the primary figure. */
export const METHOD_LABEL: Record<RatingMethod, string> = {
  'bradley-terry': 'rating',
  elo: 'elo',
  openskill: 'μ',
  mbb: 'mbb/hand',
  'mean-payoff': 'payoff',
};

export function defaultPrimary(config: Pick<LeaderboardConfig, 'seatsPerMatch' | 'poker'>): RatingMethod {
  return config.poker ? 'mbb' : 'bradley-terry';
}

/** The rating methods that apply to a game of this shape. */
export function methodsFor(config: Pick<LeaderboardConfig, 'seatsPerMatch' | 'poker'>): RatingMethod[] {
  if (config.poker) return ['mbb', 'bradley-terry', 'mean-payoff'];
  return config.seatsPerMatch === 2 ? ['bradley-terry', 'elo', 'mean-payoff'] : ['bradley-terry', 'openskill', 'mean-payoff'];
}

/** Matches as the rating methods see them: scored by the scoring system where there is one. */
export function scoredMatches(matches: readonly RatedMatch[], scoring: ScoringSystem | null | undefined): RatedMatch[] {
  return matches.map((m) => (m.standing && scoring ? { ...m, returns: scoreStanding(scoring, m.standing) } : m));
}

export function computeLeaderboard(
  names: readonly string[],
  input: readonly RatedMatch[],
  config: LeaderboardConfig,
): Leaderboard {
  const matches = scoredMatches(input, config.scoring);
  const methods = methodsFor(config);
  const primary = config.primary ?? defaultPrimary(config);
  if (!methods.includes(primary)) throw new Error(`rating method '${primary}' does not apply here (have: ${methods.join(', ')})`);
  const provisionalBelow = config.provisionalBelow ?? 30;

  const fresh = () => ({
    matches: 0,
    wins: 0,
    draws: 0,
    losses: 0,
    payoff: new RunningStats(),
    centres: new RunningStats(),
    years: new RunningStats(),
  });
  const count = new Map(names.map((n) => [n, fresh()]));
  for (const match of matches) {
    for (const name of participantsOf(match)) {
      const c = count.get(name);
      if (!c) throw new Error(`leaderboard: unknown participant '${name}'`);
      c.matches++;
      const mine = <T>(values: readonly T[]) => values.filter((_, i) => match.seats[i] === name);
      c.payoff.push(mean(mine(match.returns)));
      if (match.standing) {
        c.centres.push(mean(mine(match.standing.centres)));
        c.years.push(mean(mine(match.standing.yearsSurvived)));
      }
    }
  }
  const units = pairUnits(matches, { chips: Boolean(config.poker) });
  const pairs: PairGame[] = units.flat();
  for (const g of pairs) {
    const [a, b] = [count.get(g.a)!, count.get(g.b)!];
    if (g.score > 0.5) [a.wins, b.losses] = [a.wins + 1, b.losses + 1];
    else if (g.score < 0.5) [a.losses, b.wins] = [a.losses + 1, b.wins + 1];
    else [a.draws, b.draws] = [a.draws + 1, b.draws + 1];
  }

  const bt = methods.includes('bradley-terry') ? bradleyTerry(names, pairs, config.bradleyTerry) : null;
  const btIntervals =
    bt && (config.bootstrap ?? 1000) > 0
      ? bradleyTerryIntervals(names, units, {
          ...config.bradleyTerry,
          samples: config.bootstrap ?? 1000,
          seed: config.seed ?? 1,
        })
      : null;
  const elo = methods.includes('elo') ? eloRatings(names, pairs, config.elo) : null;
  const os = methods.includes('openskill') ? openSkillRatings(names, matches, config.openskill) : null;
  const poker = config.poker ? pokerRatings(names, matches, config.poker) : null;
  const scored = matches.some((m) => m.standing);

  const rows = names.map((name): LeaderboardRow => {
    const c = count.get(name)!;
    const row: LeaderboardRow = {
      rank: 0,
      name,
      matches: c.matches,
      provisional: c.matches < provisionalBelow,
      rating: null,
      wins: c.wins,
      draws: c.draws,
      losses: c.losses,
      meanPayoff: c.matches > 0 ? normalEstimate(c.payoff) : null,
    };
    if (bt) {
      const r = bt.ratings.get(name) ?? null;
      const ci = btIntervals?.get(name) ?? null;
      row.bradleyTerry =
        r === null ? null : ci ? { value: r, lo: ci.lo, hi: ci.hi, interval: 'bootstrap-ci' } : { value: r, lo: null, hi: null };
    }
    if (scored) {
      row.centres = c.centres.count > 0 ? normalEstimate(c.centres) : null;
      row.yearsSurvived = c.years.count > 0 ? c.years.mean : null;
    }
    if (elo && c.matches > 0) row.elo = elo.get(name);
    if (os) row.openskill = os.get(name);
    if (poker) row.mbb = poker.get(name);
    row.rating = c.matches > 0 ? primaryEstimate(row, primary) : null;
    return row;
  });
  const key = (r: LeaderboardRow) =>
    r.rating === null ? Number.NEGATIVE_INFINITY : primary === 'openskill' ? r.openskill!.ordinal : r.rating.value;
  rows.sort((x, y) => key(y) - key(x) || x.name.localeCompare(y.name));
  rows.forEach((r, i) => {
    r.rank = i + 1;
  });
  const duplicate = rows.some((r) => r.mbb?.duplicate);
  const on = config.scoring && scored ? `, on ${config.scoring} scores` : '';
  const unit = duplicate ? 'duplicate groups' : 'matches';
  const basis = {
    'bradley-terry': `Bradley–Terry rating${config.poker ? ' on chips' : ''}${on}, Elo scale, bootstrap 95% confidence interval (resampling ${unit})`,
    elo: `Elo rating (sequential)${on}`,
    openskill: `OpenSkill μ (Plackett–Luce)${on}, Bayesian credible band μ ± 1.96σ (no coverage claimed); ordered by μ − 3σ`,
    mbb: `mbb per hand${duplicate ? ', duplicate-adjusted' : ''}, 95% confidence interval over ${unit}`,
    'mean-payoff': `mean ${config.scoring && scored ? `${config.scoring} score` : 'payoff'} per match, 95% confidence interval`,
  }[primary];
  const interval = rows.find((r) => r.rating?.interval)?.rating?.interval ?? null;
  return {
    primary,
    basis,
    interval,
    ...(config.scoring && scored && { scoring: config.scoring }),
    methods,
    provisionalBelow,
    matches: matches.length,
    rows,
  };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function normalEstimate(s: RunningStats): Estimate {
  const h = s.halfWidth95;
  return Number.isFinite(h)
    ? { value: s.mean, lo: s.mean - h, hi: s.mean + h, interval: 'normal-ci' }
    : { value: s.mean, lo: null, hi: null };
}

function primaryEstimate(row: LeaderboardRow, primary: RatingMethod): Estimate | null {
  switch (primary) {
    case 'bradley-terry':
      return row.bradleyTerry ?? null;
    case 'elo':
      return row.elo === undefined ? null : { value: row.elo, lo: null, hi: null };
    case 'openskill': {
      const o = row.openskill!;
      return { value: o.mu, lo: o.mu - 1.96 * o.sigma, hi: o.mu + 1.96 * o.sigma, interval: 'credible-band' };
    }
    case 'mbb': {
      const e = row.mbb?.duplicate ?? row.mbb?.raw ?? null;
      if (!e) return null;
      return e.lo === null || e.hi === null
        ? { value: e.mean, lo: null, hi: null }
        : { value: e.mean, lo: e.lo, hi: e.hi, interval: 'normal-ci' };
    }
    case 'mean-payoff':
      return row.meanPayoff;
  }
}
