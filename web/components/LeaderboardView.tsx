import type { Leaderboard } from '@parley/protocol';
import Link from 'next/link';
import { formatFixed } from '../lib/format';
import { INTERVAL_LABEL, METHOD_LABEL } from '../lib/tournaments';
import { IntervalChart } from './charts/charts';

const digits = (primary: string) => (primary === 'openskill' || primary === 'mean-payoff' ? 3 : 1);

/** A leaderboard: the primary rating with its interval (named for what it is), drawn and tabled. */
export function LeaderboardView({ board, caption }: { board: Leaderboard; caption: string }) {
  const d = digits(board.primary);
  const label = METHOD_LABEL[board.primary] ?? board.primary;
  const interval = (board.interval && INTERVAL_LABEL[board.interval]) ?? '95% interval';
  const standing = board.rows.some((r) => r.centres);
  return (
    <div className="stack">
      <p className="small muted" style={{ margin: 0 }}>
        {board.basis}. {board.matches.toLocaleString('en-US')} matches.
        {board.scoring && ` Scored by ${board.scoring} (docs/scoring.md).`}
      </p>
      <IntervalChart
        title={`${caption}: ${label}, ${interval}`}
        unit={`${label} (dot: estimate, bar: ${interval})`}
        rows={board.rows.map((r) => ({
          label: `${r.rank}. ${r.name}`,
          value: r.rating?.value ?? null,
          lo: r.rating?.lo ?? null,
          hi: r.rating?.hi ?? null,
        }))}
      />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Participant</th>
              <th scope="col" className="num">
                {label}
              </th>
              <th scope="col">{interval}</th>
              <th scope="col" className="num">
                Matches
              </th>
              <th scope="col">W-D-L</th>
              <th scope="col" className="num">
                Mean payoff
              </th>
              {board.methods.includes('elo') && board.primary !== 'elo' && (
                <th scope="col" className="num">
                  Elo
                </th>
              )}
              {standing && (
                <>
                  <th scope="col" className="num">
                    Centres
                  </th>
                  <th scope="col" className="num">
                    Years survived
                  </th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {board.rows.map((r) => (
              <tr key={r.name} data-participant={r.name}>
                <td className="num">{r.rank}</td>
                <td>
                  <Link href={`/agents/${encodeURIComponent(r.name)}`}>{r.name}</Link>
                  {r.provisional && (
                    <span
                      className="badge"
                      title={`fewer than ${board.provisionalBelow} matches`}
                      style={{ marginLeft: '0.3rem' }}
                    >
                      provisional
                    </span>
                  )}
                </td>
                <td className="num">{formatFixed(r.rating?.value, d)}</td>
                <td className="small mono">
                  {r.rating?.lo != null && r.rating?.hi != null
                    ? `[${formatFixed(r.rating.lo, d)}, ${formatFixed(r.rating.hi, d)}]`
                    : r.mbb?.duplicate?.identical
                      ? 'identical in duplicate'
                      : '–'}
                </td>
                <td className="num">{r.matches.toLocaleString('en-US')}</td>
                <td className="small">
                  {r.wins}-{r.draws}-{r.losses}
                </td>
                <td className="num">{formatFixed(r.meanPayoff?.value, 3)}</td>
                {board.methods.includes('elo') && board.primary !== 'elo' && (
                  <td className="num">{r.elo === undefined ? '–' : Math.round(r.elo)}</td>
                )}
                {standing && (
                  <>
                    <td className="num">{formatFixed(r.centres?.value, 2)}</td>
                    <td className="num">{formatFixed(r.yearsSurvived, 2)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function TournamentsEmpty() {
  return (
    <div className="note-box">
      <p style={{ marginTop: 0 }}>No tournament results in the arena yet.</p>
      <p>Run a tournament and its ratings appear here:</p>
      <pre className="mono small">npx parley tournament run examples/tournaments/kuhn-bots.yaml</pre>
      <p style={{ marginBottom: 0 }}>
        The CLI records it in the arena's database (<code>PARLEY_DATA_DIR</code> or <code>DATABASE_URL</code>). While{' '}
        <code>parley start</code> runs, it keeps the results in <code>.parley-data/tournaments/NAME/</code>: the arena imports
        them at its next start, or now with <code>npx parley tournament import DIR</code> once it stops.
      </p>
    </div>
  );
}
