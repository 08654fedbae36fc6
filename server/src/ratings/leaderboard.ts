/**
 * The leaderboard: every applicable rating method over one tournament's matches, one primary.
 *
 * Which methods apply follows the game: two-seat games get Bradley–Terry (with bootstrap
 * intervals; the official rating, as on the big LLM arenas) and sequential Elo; games of more
 * seats get OpenSkill from ranks (Weng–Lin Plackett–Luce); poker also gets mbb per hand, raw and
 * duplicate-adjusted, which is then the primary figure (the poker-AI convention). Every game gets
 * the mean payoff per match with a 95% interval. A participant with fewer than
 * `provisionalBelow` matches is flagged provisional.
 */
import { RunningStats } from '../runtime/stats';
import { type BradleyTerryOptions, bradleyTerry, bradleyTerryIntervals } from './bradley-terry';
import { type EloOptions, eloRatings } from './elo';
import { type OpenSkillOptions, type OpenSkillRating, openSkillRatings } from './openskill';
import { type PairGame, pairGames, participantsOf, type RatedMatch } from './outcomes';
import { type PokerRating, type PokerScale, pokerRatings } from './poker';

export type RatingMethod = 'bradley-terry' | 'elo' | 'openskill' | 'mbb' | 'mean-payoff';

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
}

export interface Estimate {
  value: number;
  lo: number | null;
  hi: number | null;
}

export interface LeaderboardRow {
  rank: number;
  name: string;
  matches: number;
  provisional: boolean;
  /** The primary method's figure and 95% interval; null when unrated. */
  rating: Estimate | null;
  /** Paired results against other participants (a seat ahead, level, behind). */
  wins: number;
  draws: number;
  losses: number;
  meanPayoff: Estimate | null;
  bradleyTerry?: Estimate | null;
  elo?: number;
  openskill?: OpenSkillRating;
  mbb?: PokerRating;
}

export interface Leaderboard {
  primary: RatingMethod;
  /** What the primary figure is, in words (for tables and reports). */
  basis: string;
  methods: RatingMethod[];
  provisionalBelow: number;
  matches: number;
  rows: LeaderboardRow[];
}

/** Column headings for the primary figure. */
export const METHOD_LABEL: Record<RatingMethod, string> = {
  'bradley-terry': 'rating',
  elo: 'elo',
  openskill: 'μ',
  mbb: 'mbb/hand',
  'mean-payoff': 'payoff',
};

export function defaultPrimary(config: Pick<LeaderboardConfig, 'seatsPerMatch' | 'poker'>): RatingMethod {
  return config.poker ? 'mbb' : config.seatsPerMatch === 2 ? 'bradley-terry' : 'openskill';
}

export function computeLeaderboard(
  names: readonly string[],
  matches: readonly RatedMatch[],
  config: LeaderboardConfig,
): Leaderboard {
  const twoSeat = config.seatsPerMatch === 2;
  const methods: RatingMethod[] = [
    ...(config.poker ? (['mbb'] as const) : []),
    ...(twoSeat ? (['bradley-terry', 'elo'] as const) : (['openskill'] as const)),
    'mean-payoff',
  ];
  const primary = config.primary ?? defaultPrimary(config);
  if (!methods.includes(primary)) throw new Error(`rating method '${primary}' does not apply here (have: ${methods.join(', ')})`);
  const provisionalBelow = config.provisionalBelow ?? 30;

  const count = new Map(names.map((n) => [n, { matches: 0, wins: 0, draws: 0, losses: 0, payoff: new RunningStats() }]));
  const pairs: PairGame[] = [];
  for (const match of matches) {
    for (const name of participantsOf(match)) {
      const c = count.get(name);
      if (!c) throw new Error(`leaderboard: unknown participant '${name}'`);
      c.matches++;
      const seats = match.seats.flatMap((s, i) => (s === name ? [match.returns[i] as number] : []));
      c.payoff.push(seats.reduce((a, b) => a + b, 0) / seats.length);
    }
    for (const g of pairGames(match)) {
      pairs.push(g);
      const [a, b] = [count.get(g.a)!, count.get(g.b)!];
      if (g.score === 1) [a.wins, b.losses] = [a.wins + 1, b.losses + 1];
      else if (g.score === 0) [a.losses, b.wins] = [a.losses + 1, b.wins + 1];
      else [a.draws, b.draws] = [a.draws + 1, b.draws + 1];
    }
  }

  const bt = twoSeat ? bradleyTerry(names, pairs, config.bradleyTerry) : null;
  const btIntervals =
    twoSeat && (config.bootstrap ?? 1000) > 0
      ? bradleyTerryIntervals(names, bootstrapUnits(matches), {
          ...config.bradleyTerry,
          samples: config.bootstrap ?? 1000,
          seed: config.seed ?? 1,
        })
      : null;
  const elo = twoSeat ? eloRatings(names, pairs, config.elo) : null;
  const os = twoSeat ? null : openSkillRatings(names, matches, config.openskill);
  const poker = config.poker ? pokerRatings(names, matches, config.poker) : null;

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
      row.bradleyTerry = r === null ? null : { value: r, lo: ci?.lo ?? null, hi: ci?.hi ?? null };
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
  const basis = {
    'bradley-terry': 'Bradley–Terry rating, Elo scale, bootstrap 95% interval',
    elo: 'Elo rating (sequential)',
    openskill: 'OpenSkill μ (Plackett–Luce), μ ± 1.96σ; ordered by μ − 3σ',
    mbb: `mbb per hand${duplicate ? ', duplicate-adjusted' : ''}, 95% interval`,
    'mean-payoff': 'mean payoff per match, 95% interval',
  }[primary];
  return { primary, basis, methods, provisionalBelow, matches: matches.length, rows };
}

/** Resampling units: duplicate groups stay together; other matches stand alone. */
function bootstrapUnits(matches: readonly RatedMatch[]): PairGame[][] {
  const groups = new Map<string, PairGame[]>();
  const units: PairGame[][] = [];
  for (const m of matches) {
    if (m.group === undefined) units.push(pairGames(m));
    else groups.set(m.group, [...(groups.get(m.group) ?? []), ...pairGames(m)]);
  }
  return [...units, ...groups.values()];
}

function normalEstimate(s: RunningStats): Estimate {
  const h = s.halfWidth95;
  return Number.isFinite(h) ? { value: s.mean, lo: s.mean - h, hi: s.mean + h } : { value: s.mean, lo: null, hi: null };
}

function primaryEstimate(row: LeaderboardRow, primary: RatingMethod): Estimate | null {
  switch (primary) {
    case 'bradley-terry':
      return row.bradleyTerry ?? null;
    case 'elo':
      return row.elo === undefined ? null : { value: row.elo, lo: null, hi: null };
    case 'openskill': {
      const o = row.openskill!;
      return { value: o.mu, lo: o.mu - 1.96 * o.sigma, hi: o.mu + 1.96 * o.sigma };
    }
    case 'mbb': {
      const e = row.mbb?.duplicate ?? row.mbb?.raw ?? null;
      return e && { value: e.mean, lo: e.lo, hi: e.hi };
    }
    case 'mean-payoff':
      return row.meanPayoff;
  }
}
