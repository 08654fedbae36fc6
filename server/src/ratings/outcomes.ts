/**
 * From match returns to the outcomes rating methods consume.
 *
 * A match is rated by its returns alone: a seat with a strictly higher return finished ahead.
 * Ranks are competition ranks ("1224"): rank = 1 + the number of seats with a strictly higher
 * return, so equal returns share a rank (a draw), and rank 1 is best. A two-seat match becomes
 * one paired comparison whose score is 1, ½ or 0 for the first participant (ties count as half a
 * win, the usual Bradley–Terry and Elo convention).
 */
import type { StandingSummary } from './scoring';

/** What every rating method reads from a finished match. */
export interface RatedMatch {
  /** Participant name per seat (a participant may hold several seats). */
  readonly seats: readonly string[];
  readonly returns: readonly number[];
  /** Duplicate group: matches dealt the same cards with the seats rotated. */
  readonly group?: string;
  /** How many matches the complete group has. */
  readonly groupSize?: number;
  /** Games scored by centres: the final standing, which the leaderboard's scoring system scores. */
  readonly standing?: StandingSummary;
}

/** One paired comparison: `score` is a's (1 win, ½ tie, 0 loss). */
export interface PairGame {
  readonly a: string;
  readonly b: string;
  readonly score: number;
}

export function ranksFromReturns(returns: readonly number[]): number[] {
  return returns.map((r) => 1 + returns.filter((other) => other > r).length);
}

/** Paired comparisons of a match: every pair of seats held by different participants. */
export function pairGames(match: RatedMatch): PairGame[] {
  const games: PairGame[] = [];
  for (let i = 0; i < match.seats.length; i++) {
    for (let j = i + 1; j < match.seats.length; j++) {
      const a = match.seats[i] as string;
      const b = match.seats[j] as string;
      if (a === b) continue;
      const ra = match.returns[i] as number;
      const rb = match.returns[j] as number;
      games.push({ a, b, score: ra > rb ? 1 : ra < rb ? 0 : 0.5 });
    }
  }
  return games;
}

/**
 * The paired comparisons of every sampling unit: a duplicate group (the matches dealt the same
 * cards) or a single match. Bootstrap intervals resample these units whole.
 *
 * By default a unit is the pair games of its matches, scored by sign. With `chips` (poker) a unit
 * yields one comparison per pair of participants in it, scored linearly in chips: with D_ab the
 * chips a won minus the chips b won over the unit (seat by seat, summed over its matches) and M the
 * largest |D| of any unit, a's score is ½ + D_ab / 2M. Counting hands won instead ranks a bot that
 * wins many small pots above one that wins fewer, larger ones (Kuhn's random above the
 * equilibrium); a linear score keeps the expected score an affine function of the chips, so in a
 * balanced schedule Bradley–Terry orders participants exactly as mbb/hand does (the MLE's score
 * equations make rating monotone in total score when every pair meets equally often).
 */
export function pairUnits(matches: readonly RatedMatch[], options: { chips?: boolean } = {}): PairGame[][] {
  const groups = new Map<string, RatedMatch[]>();
  const units: RatedMatch[][] = [];
  for (const m of matches) {
    if (m.group === undefined) units.push([m]);
    else {
      const g = groups.get(m.group);
      if (g) g.push(m);
      else {
        const fresh = [m];
        groups.set(m.group, fresh);
        units.push(fresh);
      }
    }
  }
  if (!options.chips) return units.map((u) => u.flatMap(pairGames));
  const diffs = units.map(chipDifferences);
  const largest = Math.max(0, ...diffs.flatMap((d) => [...d.values()].map((x) => Math.abs(x.d))));
  return diffs.map((d) =>
    [...d.values()].map(({ a, b, d: x }) => ({ a, b, score: largest > 0 ? 0.5 + x / (2 * largest) : 0.5 })),
  );
}

/** Chips a won minus chips b won over a unit, per pair of participants (a before b in first meeting). */
function chipDifferences(unit: readonly RatedMatch[]): Map<string, { a: string; b: string; d: number }> {
  const out = new Map<string, { a: string; b: string; d: number }>();
  for (const match of unit)
    for (let i = 0; i < match.seats.length; i++)
      for (let j = i + 1; j < match.seats.length; j++) {
        const a = match.seats[i] as string;
        const b = match.seats[j] as string;
        if (a === b) continue;
        const d = (match.returns[i] as number) - (match.returns[j] as number);
        const forward = out.get(JSON.stringify([a, b]));
        const backward = out.get(JSON.stringify([b, a]));
        if (forward) forward.d += d;
        else if (backward) backward.d -= d;
        else out.set(JSON.stringify([a, b]), { a, b, d });
      }
  return out;
}

/** Distinct participants of a match, in seat order. */
export const participantsOf = (match: RatedMatch): string[] => [...new Set(match.seats)];
