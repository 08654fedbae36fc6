import type { LadderRating } from '@parley/protocol';
import Link from 'next/link';
import { formatFixed, formatTime, gameName } from '../lib/format';

const KIND_LABEL: Record<LadderRating['kind'], string> = { agent: 'agent', 'bot-account': 'bot account', person: 'person' };

/** Ladder ratings: μ, its deviation σ, the conservative μ − 3σ, and the provisional flag. */
export function LadderTable({ ratings, caption }: { ratings: LadderRating[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">Player</th>
            <th scope="col">Kind</th>
            <th scope="col">Game</th>
            <th scope="col" className="num">
              μ − 3σ
            </th>
            <th scope="col" className="num">
              μ
            </th>
            <th scope="col" className="num">
              σ (deviation)
            </th>
            <th scope="col" className="num">
              Rated matches
            </th>
            <th scope="col">Updated (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {ratings.map((r, i) => (
            <tr key={`${r.game}|${r.pool}|${r.player}`} data-ladder={r.player}>
              <td className="num">{i + 1}</td>
              <td>
                {r.kind === 'person' ? r.name : <Link href={`/agents/${encodeURIComponent(r.name)}`}>{r.name}</Link>}
                {r.provisional && (
                  <span className="badge" title="deviation still above half the prior's" style={{ marginLeft: '0.3rem' }}>
                    provisional
                  </span>
                )}
              </td>
              <td>{KIND_LABEL[r.kind]}</td>
              <td>{gameName(r.game)}</td>
              <td className="num">{formatFixed(r.ordinal, 2)}</td>
              <td className="num">{formatFixed(r.mu, 2)}</td>
              <td className="num">{formatFixed(r.sigma, 2)}</td>
              <td className="num">{r.matches}</td>
              <td className="small">{formatTime(r.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
