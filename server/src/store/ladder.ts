/**
 * What both stores share for the ladder: the filter and the order (best μ − 3σ first, then name),
 * so the memory store and the database answer the same question the same way.
 */
import type { LadderFilter, LadderRating } from './types';

export function matchesLadderFilter(r: LadderRating, f: LadderFilter): boolean {
  return (
    (f.game === undefined || r.game === f.game) &&
    (f.pool === undefined || r.pool === f.pool) &&
    (f.kind === undefined || r.kind === f.kind) &&
    (f.name === undefined || r.name === f.name) &&
    (f.players === undefined || f.players.includes(r.player))
  );
}

export const ladderOrder = (a: LadderRating, b: LadderRating) =>
  b.ordinal - a.ordinal || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
