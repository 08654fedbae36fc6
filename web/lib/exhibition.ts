/**
 * The demo's exhibition results: finished demo matches pooled per game and agent (matches played,
 * mean result per match, wins). Demo matches are never rated, so this is a plain tally, shown on
 * the ladder until rated matches exist, and labelled as what it is.
 */
import type { MatchSummary } from '@parley/protocol';

export interface ExhibitionRow {
  game: string;
  agent: string;
  /** Seats played (an agent in two seats of one match counts twice). */
  seats: number;
  meanResult: number;
  /** Seats that finished with the match's best result, alone. */
  wins: number;
}

export function exhibitionRows(matches: readonly MatchSummary[]): ExhibitionRow[] {
  const rows = new Map<string, ExhibitionRow & { total: number }>();
  for (const m of matches) {
    if (!m.demo || m.status !== 'finished' || !m.returns) continue;
    const best = Math.max(...m.returns);
    const alone = m.returns.filter((r) => r === best).length === 1;
    for (const s of m.seats) {
      const r = m.returns[s.seat];
      if (r === undefined) continue;
      const key = `${m.game}\u0000${s.agent.name}`;
      const row = rows.get(key) ?? { game: m.game, agent: s.agent.name, seats: 0, meanResult: 0, wins: 0, total: 0 };
      row.seats++;
      row.total += r;
      if (alone && r === best) row.wins++;
      row.meanResult = row.total / row.seats;
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .map(({ total: _total, ...row }) => row)
    .sort((a, b) => (a.game < b.game ? -1 : a.game > b.game ? 1 : b.meanResult - a.meanResult || (a.agent < b.agent ? -1 : 1)));
}
