/**
 * Scoring systems for games won by holding territory (Diplomacy): the one place where a final
 * standing (supply centres per seat, who survived, a solo winner) becomes each seat's score.
 * The engine's `returns` stay the rulebook's result (a solo, or a draw shared by the survivors),
 * so golden hashes never move; tournaments, the ladder and reports rate these scores instead.
 * `docs/scoring.md` gives each formula with a worked example; in short, with c_i the centres of
 * seat i at the end and S the survivors:
 *
 * - sum-of-squares (webDiplomacy; the scoring Cicero was evaluated under): a solo scores 1 and
 *   everyone else 0; otherwise seat i scores c_i² / Σ_j c_j². Centres count quadratically, so the
 *   board leader is rewarded and a one-centre survivor gets almost nothing.
 * - draw-size (DIAS, "draws include all survivors"): a solo scores 1; otherwise every survivor
 *   scores 1/|S| and the eliminated 0. This is what the engine's returns already are.
 * - centre-count (the centre share used by C-Diplo-style systems): a solo scores 1; otherwise
 *   c_i / Σ_j c_j, linear in centres.
 * - solo-only: a solo scores 1, everything else 0 (every drawn game is the same tie).
 *
 * Every system gives scores in [0, 1] summing to 1 (or all 0 under solo-only without a solo),
 * so they compare across games and feed the rating methods unchanged: equal scores are ties.
 */
import type { Standing } from '@parley/games';
import type { ScoringSystem } from '@parley/protocol';

export type { ScoringSystem };
export const DEFAULT_SCORING: ScoringSystem = 'sum-of-squares';

export const SCORING_LABEL: Record<ScoringSystem, string> = {
  'sum-of-squares': 'sum-of-squares (c² / Σc²; a solo scores 1)',
  'draw-size': 'draw-size (survivors share a draw equally; a solo scores 1)',
  'centre-count': 'centre-count (c / Σc; a solo scores 1)',
  'solo-only': 'solo-only (1 for a solo, else 0)',
};

/** What a scored match keeps of its final standing (stored with the result, so re-scoring needs no replay). */
export interface StandingSummary {
  centres: number[];
  alive: boolean[];
  winner: number | null;
  /** Game years each seat was on the board, counting the first year as 1. */
  yearsSurvived: number[];
}

/** Each seat's score under `system`. */
export function scoreStanding(
  system: ScoringSystem,
  standing: { readonly centres: readonly number[]; readonly alive: readonly boolean[]; readonly winner: number | null },
): number[] {
  const { centres, alive, winner } = standing;
  if (winner !== null) return centres.map((_, seat) => (seat === winner ? 1 : 0));
  switch (system) {
    case 'solo-only':
      return centres.map(() => 0);
    case 'draw-size': {
      const survivors = alive.filter(Boolean).length;
      return alive.map((a) => (a && survivors > 0 ? 1 / survivors : 0));
    }
    case 'centre-count':
      return share(centres.map((c) => c));
    case 'sum-of-squares':
      return share(centres.map((c) => c * c));
  }
}

/** x_i / Σx (all zero when Σx is: nobody holds anything). */
function share(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (total > 0 ? w / total : 0));
}

/**
 * Follows a match as it is played and keeps what scoring needs: the final centres, survivors and
 * winner, and the last year each seat was still on the board.
 */
export class StandingTracker {
  private firstYear: number | null = null;
  private lastAlive: number[] = [];
  private last: Standing | null = null;

  observe(standing: Standing): void {
    this.firstYear ??= standing.year;
    standing.alive.forEach((alive, seat) => {
      if (alive) this.lastAlive[seat] = standing.year;
    });
    this.last = standing;
  }

  summary(): StandingSummary | null {
    const s = this.last;
    if (!s || this.firstYear === null) return null;
    const first = this.firstYear;
    return {
      centres: [...s.centres],
      alive: [...s.alive],
      winner: s.winner,
      yearsSurvived: s.centres.map((_, seat) => {
        const year = this.lastAlive[seat];
        return year === undefined ? 0 : year - first + 1;
      }),
    };
  }
}
