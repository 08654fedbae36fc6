/**
 * From match returns to the outcomes rating methods consume.
 *
 * A match is rated by its returns alone: a seat with a strictly higher return finished ahead.
 * Ranks are competition ranks ("1224"): rank = 1 + the number of seats with a strictly higher
 * return, so equal returns share a rank (a draw), and rank 1 is best. A two-seat match becomes
 * one paired comparison whose score is 1, ½ or 0 for the first participant (ties count as half a
 * win, the usual Bradley–Terry and Elo convention).
 */

/** What every rating method reads from a finished match. */
export interface RatedMatch {
  /** Participant name per seat (a participant may hold several seats). */
  readonly seats: readonly string[];
  readonly returns: readonly number[];
  /** Duplicate group: matches dealt the same cards with the seats rotated. */
  readonly group?: string;
  /** How many matches the complete group has. */
  readonly groupSize?: number;
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

/** Distinct participants of a match, in seat order. */
export const participantsOf = (match: RatedMatch): string[] => [...new Set(match.seats)];
