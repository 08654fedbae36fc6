import type { MatchSummary } from '@parley/protocol';
import Link from 'next/link';
import { formatReturns, formatTime, gameName, namesSeats, seatLabel, seatPlayer, shortId } from '../lib/format';

/** A table of matches: who played what, how it stands, and a link to watch or replay it. */
export function MatchTable({ matches, caption }: { matches: MatchSummary[]; caption: string }) {
  if (matches.length === 0) return <p className="muted">No matches.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Match</th>
            <th scope="col">Game</th>
            <th scope="col">Seats</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Result
            </th>
            <th scope="col">Created (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {matches.map((m) => (
            <tr key={m.id} data-match-id={m.id}>
              <td>
                <Link href={`/matches/${m.id}`} className="mono" aria-label={`${gameName(m.game)} match ${shortId(m.id)}`}>
                  {shortId(m.id)}
                </Link>
                {m.tournamentId && <div className="small muted">tournament {m.tournamentId}</div>}
              </td>
              <td>{gameName(m.game)}</td>
              <td className="small">
                {m.seats
                  .slice()
                  .sort((a, b) => a.seat - b.seat)
                  .map((s) => (
                    <span key={s.seat} title={seatLabel(m.game, s.seat)}>
                      {s.seat > 0 && ', '}
                      {namesSeats(m.game) ? `${seatLabel(m.game, s.seat).slice(0, 3)}: ` : ''}
                      {s.agent.kind === 'human' ? <strong>{seatPlayer(s)}</strong> : s.agent.name}
                    </span>
                  ))}
              </td>
              <td>
                <span className={`badge ${m.status}`}>{m.status === 'running' ? 'live' : m.status}</span>
              </td>
              <td className="num small">{formatReturns(m.game, m.returns)}</td>
              <td className="small">{formatTime(m.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
