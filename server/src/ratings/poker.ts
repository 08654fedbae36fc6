/**
 * Poker results in milli-big-blinds per hand (mbb/h), raw and duplicate-adjusted, with 95%
 * intervals: the unit of the Annual Computer Poker Competition and of poker AI papers.
 *
 * Maths. A participant's value in one match is 1000 · (chips won) / (big blind) / (hands in the
 * match), averaged over its seats when it holds several. Raw: the mean over its matches, with
 * the normal interval mean ± 1.96·s/√n. Duplicate (as in duplicate bridge, and the ACPC's
 * duplicate matches): a group is one deal played once per rotation of the seats, so every seat's
 * cards go to every participant of the group once; the participant's value for the group is its
 * mean over the group's matches, in which the luck of the cards cancels, and the estimate is the
 * mean over complete groups with the same interval formula, now over groups. Only complete groups
 * count (a crash can leave one half played). For Kuhn and Leduc the ante is the big blind.
 */
import { RunningStats } from '../runtime/stats';
import type { RatedMatch } from './outcomes';

export interface PokerScale {
  bigBlind: number;
  handsPerMatch: number;
}

export interface MbbEstimate {
  mean: number;
  /** The 95% interval; null with fewer than two observations. */
  lo: number | null;
  hi: number | null;
  /** Observations: matches (raw) or complete duplicate groups. */
  n: number;
}

export interface PokerRating {
  raw: MbbEstimate | null;
  duplicate: MbbEstimate | null;
}

/** Each participant's mbb/h in one match, averaged over the seats it holds. */
export function matchMbb(match: RatedMatch, scale: PokerScale): Map<string, number> {
  const sums = new Map<string, { total: number; seats: number }>();
  match.seats.forEach((name, seat) => {
    const s = sums.get(name) ?? { total: 0, seats: 0 };
    sums.set(name, { total: s.total + (match.returns[seat] as number), seats: s.seats + 1 });
  });
  const unit = 1000 / scale.bigBlind / scale.handsPerMatch;
  return new Map([...sums].map(([name, s]) => [name, (unit * s.total) / s.seats]));
}

function estimate(stats: RunningStats | undefined): MbbEstimate | null {
  if (!stats || stats.count === 0) return null;
  const h = stats.halfWidth95;
  return Number.isFinite(h)
    ? { mean: stats.mean, lo: stats.mean - h, hi: stats.mean + h, n: stats.count }
    : { mean: stats.mean, lo: null, hi: null, n: stats.count };
}

export function pokerRatings(
  names: readonly string[],
  matches: readonly RatedMatch[],
  scale: PokerScale,
): Map<string, PokerRating> {
  const raw = new Map(names.map((n) => [n, new RunningStats()]));
  const groups = new Map<string, { size: number | undefined; values: Map<string, number>[] }>();
  for (const match of matches) {
    const values = matchMbb(match, scale);
    for (const [name, v] of values) raw.get(name)?.push(v);
    if (match.group === undefined) continue;
    const g = groups.get(match.group) ?? { size: match.groupSize, values: [] };
    g.values.push(values);
    groups.set(match.group, g);
  }
  const duplicate = new Map<string, RunningStats>();
  for (const { size, values } of groups.values()) {
    if (values.length < 2 || (size !== undefined && values.length !== size)) continue;
    const perName = new Map<string, { total: number; count: number }>();
    for (const v of values)
      for (const [name, x] of v) {
        const p = perName.get(name) ?? { total: 0, count: 0 };
        perName.set(name, { total: p.total + x, count: p.count + 1 });
      }
    for (const [name, p] of perName) {
      const stats = duplicate.get(name) ?? new RunningStats();
      stats.push(p.total / p.count);
      duplicate.set(name, stats);
    }
  }
  return new Map(names.map((name) => [name, { raw: estimate(raw.get(name)), duplicate: estimate(duplicate.get(name)) }]));
}
