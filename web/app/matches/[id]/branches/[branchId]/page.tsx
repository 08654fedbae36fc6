import type { BranchStatus, MatchDetail } from '@parley/protocol';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AutoRefresh } from '../../../../../components/AutoRefresh';
import { arenaGet } from '../../../../../lib/arena';
import { formatNumber, seatLabel, shortId } from '../../../../../lib/format';

export const dynamic = 'force-dynamic';

const COLUMNS = ['Seat', 'Agent', 'Original', 'Mean', '95% interval', 'Min', 'Max'];

type Params = Promise<{ id: string; branchId: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { id } = await params;
  return { title: `Branches of ${shortId(id)}` };
}

/**
 * A fork of a finished match: continuations played from one turn, and each seat's result in the
 * original against its distribution over them. Refreshes while the continuations play.
 */
export default async function BranchPage({ params }: { params: Params }) {
  const { id, branchId } = await params;
  const matchPath = `/api/matches/${encodeURIComponent(id)}`;
  const [branchRes, matchRes] = await Promise.all([
    arenaGet<BranchStatus>(`${matchPath}/branches/${encodeURIComponent(branchId)}`),
    arenaGet<MatchDetail>(matchPath),
  ]);
  if (!branchRes.ok && branchRes.status === 404) notFound();
  if (!branchRes.ok)
    return (
      <div className="error-box" role="alert">
        {branchRes.error.message}
      </div>
    );
  const b = branchRes.data;
  const game = matchRes.ok ? matchRes.data.game : '';
  const r = b.report;
  return (
    <div className="stack">
      {b.status === 'running' && <AutoRefresh ms={3000} />}
      <p className="small" style={{ margin: 0 }}>
        <Link href={`/matches/${encodeURIComponent(id)}`}>← The original match</Link>
      </p>
      <h1>
        Branch from {b.at} <span className={`badge ${b.status}`}>{b.status}</span>
      </h1>
      <p className="muted small" data-testid="branch-progress">
        {b.played} of {b.times} continuations played from action {b.seq} · seats {b.seats.join(', ')}. Continuation 1 keeps the
        original&apos;s seed: with the same seats it replays the original exactly.
      </p>
      {b.error && (
        <p className="error-box" role="alert">
          {b.error}
        </p>
      )}
      {r && (
        <section className="panel" aria-labelledby="outcomes">
          <h2 id="outcomes" style={{ marginTop: 0 }}>
            Outcomes against the original
          </h2>
          <p className="small muted">
            {r.sameAsParent} of {r.continuations} continuations ended exactly as the original did.
          </p>
          <div className="table-wrap">
            <table data-testid="branch-report">
              <thead>
                <tr>
                  {COLUMNS.map((c, i) => (
                    <th key={c} scope="col" className={i > 1 ? 'num' : undefined}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.perSeat.map((s) => (
                  <tr key={s.seat}>
                    <td>{seatLabel(game, s.seat)}</td>
                    <td>{b.seats[s.seat]}</td>
                    {[
                      formatNumber(s.parent, 3),
                      formatNumber(s.mean, 3),
                      s.interval95.map((x) => formatNumber(x, 3)).join(' … '),
                      formatNumber(s.min, 3),
                      formatNumber(s.max, 3),
                    ].map((text, i) => (
                      <td key={COLUMNS[i + 2]} className="num">
                        {text}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {b.continuations.length > 0 && (
        <section className="panel" aria-labelledby="continuations">
          <h2 id="continuations" style={{ marginTop: 0 }}>
            Continuations
          </h2>
          <ol className="small">
            {b.continuations.map((c) => (
              <li key={c}>
                <Link href={`/matches/${encodeURIComponent(c)}`}>{c}</Link>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
