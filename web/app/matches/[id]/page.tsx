import { findGame, supportsOf } from '@parley/games';
import type { BranchStatus, MatchDetail } from '@parley/protocol';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveMatch } from '../../../components/LiveMatch';
import { MatchJudging } from '../../../components/MatchJudging';
import { Replay } from '../../../components/Replay';
import { StatusPill } from '../../../components/StatusPill';
import { arenaForBrowser, arenaGet } from '../../../lib/arena';
import { formatReturns, formatTime, gameName, seatLabel, shortId } from '../../../lib/format';
import { currentUser } from '../../../lib/session';

export const dynamic = 'force-dynamic';

type Params = Promise<{ id: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }) {
  const { id } = await params;
  return { title: `Match ${shortId(id)}` };
}

/** A match: live (spectate or play) while it runs, a replay once it is over. */
export default async function MatchPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { id } = await params;
  const sp = await searchParams;
  const res = await arenaGet<MatchDetail>(`/api/matches/${encodeURIComponent(id)}`);
  if (!res.ok && res.status === 404) notFound();
  if (!res.ok)
    return (
      <div className="error-box" role="alert">
        {res.error.message}
      </div>
    );
  const match = res.data;
  const tRaw = Array.isArray(sp.t) ? sp.t[0] : sp.t;
  const t = tRaw !== undefined && /^\d+$/.test(tRaw) ? Number(tRaw) : null;
  const over = match.status !== 'running';
  const [me, branches] = await Promise.all([
    currentUser(),
    over ? arenaGet<{ branches: BranchStatus[] }>(`/api/matches/${encodeURIComponent(id)}/branches`) : null,
  ]);
  const forks = branches?.ok ? branches.data.branches : [];
  // The formats the game declares (the API refuses the others); json, the match record, always.
  const game = findGame(match.game);
  const exports = ['json', ...(game ? supportsOf(game).exports : [])];
  // Only a game that declares a judge has press to judge: the others need not ask the arena.
  const judged = match.status === 'finished' && game !== undefined && supportsOf(game).judge;

  return (
    <div className="stack">
      <header>
        <h1 style={{ marginBottom: '0.25rem' }}>
          {gameName(match.game)} <span className="mono muted small">{shortId(match.id)}</span>{' '}
          <StatusPill matchId={match.id} initial={match.status} />
        </h1>
        <ul className="seat-list" aria-label="Seats">
          {match.seats
            .slice()
            .sort((a, b) => a.seat - b.seat)
            .map((s) => (
              <li key={s.seat} className="seat-chip">
                <span className="muted">{seatLabel(match.game, s.seat)}</span>{' '}
                {/* A person's unnamed seat is stored as "seat N": the label above already says it. */}
                {s.agent.name === `seat ${s.seat}` ? '' : s.agent.name}
                {s.agent.kind !== 'bot' && <span className="badge">{s.agent.kind}</span>}
                {match.returns && <span className="mono">{formatReturns(match.game, [match.returns[s.seat] ?? 0])}</span>}
              </li>
            ))}
        </ul>
        <p className="small muted" style={{ margin: 0 }}>
          {match.seed === null ? (
            <>
              Seed hidden until the end · commitment{' '}
              <span className="mono">{match.fairness?.commitment.slice(0, 16) ?? '—'}…</span>
            </>
          ) : (
            <>
              Seed {match.seed}
              {match.fairness && (
                <>
                  {' '}
                  · commitment <span className="mono">{match.fairness.commitment.slice(0, 16)}…</span> ·{' '}
                  <a href={`/api/matches/${match.id}/verify`}>verify</a>
                </>
              )}
            </>
          )}{' '}
          · created {formatTime(match.createdAt)} UTC
          {match.finishedAt ? ` · finished ${formatTime(match.finishedAt)} UTC` : ''}
          {match.status !== 'running' && (
            <>
              {' '}
              · download:{' '}
              {exports.map((f, i) => (
                <span key={f}>
                  {i > 0 && ', '}
                  <a href={`/api/matches/${match.id}/export?format=${f}`}>{f}</a>
                </span>
              ))}
            </>
          )}{' '}
          · <Link href="/">all matches</Link>
        </p>
        {forks.length > 0 && (
          <p className="small muted" style={{ margin: 0 }} data-testid="branches">
            Branches:{' '}
            {forks.map((b, i) => (
              <span key={b.id}>
                {i > 0 && ', '}
                <Link href={`/matches/${encodeURIComponent(id)}/branches/${b.id}`}>
                  {b.at} ×{b.times}
                </Link>{' '}
                ({b.status})
              </span>
            ))}
          </p>
        )}
      </header>
      {match.status === 'running' ? (
        <LiveMatch match={{ ...match, events: [], modelCalls: [] } as MatchDetail} arena={arenaForBrowser()} />
      ) : (
        <Replay match={match} initialT={t} canBranch={me.role === 'operator' && match.status === 'finished'} />
      )}
      {judged && <MatchJudging matchId={match.id} />}
    </div>
  );
}
