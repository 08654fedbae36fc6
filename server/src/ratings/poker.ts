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
 *
 * Sampling unit. The two (or more) matches of a duplicate group share their cards, so they are not
 * independent: treating them as separate observations overstates n and, their luck cancelling,
 * gives an interval far too wide (it covered the truth every time). Every poker interval is
 * therefore computed over groups: the raw figure too takes, per group, the participant's mean over
 * the matches of the group it played (complete or not), and matches outside any group stand alone.
 * When every unit gives exactly the same value (two identical strategies, whose mirrored hands
 * cancel to the chip), the spread is zero by construction, not by measurement: the estimate says
 * `identical: true` ("identical in duplicate") and carries no interval rather than [x, x].
 */
import type { MbbEstimate, PokerRating } from '@parley/protocol';
import { RunningStats } from '../runtime/stats';
import type { RatedMatch } from './outcomes';

export interface PokerScale {
  bigBlind: number;
  handsPerMatch: number;
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

function estimate(stats: RunningStats | undefined, n: number, duplicate: boolean): MbbEstimate | null {
  if (!stats || stats.count === 0) return null;
  const h = stats.halfWidth95;
  const base = { mean: stats.mean, n, units: stats.count };
  if (duplicate && stats.count > 1 && stats.variance === 0) return { ...base, lo: null, hi: null, identical: true };
  return Number.isFinite(h) ? { ...base, lo: stats.mean - h, hi: stats.mean + h } : { ...base, lo: null, hi: null };
}

export const IDENTICAL_IN_DUPLICATE = 'identical in duplicate';

export function pokerRatings(
  names: readonly string[],
  matches: readonly RatedMatch[],
  scale: PokerScale,
): Map<string, PokerRating> {
  const raw = new Map<string, RunningStats>();
  const rawMatches = new Map<string, number>();
  const groups = new Map<string, { size: number | undefined; values: Map<string, number>[] }>();
  const push = (into: Map<string, RunningStats>, name: string, x: number) => {
    const stats = into.get(name) ?? new RunningStats();
    stats.push(x);
    into.set(name, stats);
  };
  for (const match of matches) {
    const values = matchMbb(match, scale);
    for (const name of values.keys()) rawMatches.set(name, (rawMatches.get(name) ?? 0) + 1);
    if (match.group === undefined) {
      for (const [name, v] of values) push(raw, name, v);
      continue;
    }
    const g = groups.get(match.group) ?? { size: match.groupSize, values: [] };
    g.values.push(values);
    groups.set(match.group, g);
  }
  const duplicate = new Map<string, RunningStats>();
  const dupMatches = new Map<string, number>();
  for (const { size, values } of groups.values()) {
    const perName = new Map<string, { total: number; count: number }>();
    for (const v of values)
      for (const [name, x] of v) {
        const p = perName.get(name) ?? { total: 0, count: 0 };
        perName.set(name, { total: p.total + x, count: p.count + 1 });
      }
    const complete = values.length >= 2 && (size === undefined || values.length === size);
    for (const [name, p] of perName) {
      push(raw, name, p.total / p.count);
      if (!complete) continue;
      push(duplicate, name, p.total / p.count);
      dupMatches.set(name, (dupMatches.get(name) ?? 0) + 1);
    }
  }
  const grouped = groups.size > 0;
  return new Map(
    names.map((name) => [
      name,
      {
        raw: estimate(raw.get(name), rawMatches.get(name) ?? 0, grouped),
        duplicate: estimate(duplicate.get(name), dupMatches.get(name) ?? 0, true),
      },
    ]),
  );
}
