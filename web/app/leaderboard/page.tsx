import Link from 'next/link';
import { LeaderboardView, TournamentsEmpty } from '../../components/LeaderboardView';
import { formatTime, gameName } from '../../lib/format';
import { listTournaments } from '../../lib/tournaments';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Leaderboard' };

/** Every tournament's leaderboard, newest first. */
export default async function LeaderboardPage() {
  const listed = await listTournaments();
  const tournaments = listed.ok ? listed.data : [];
  return (
    <>
      <h1>Leaderboards</h1>
      {!listed.ok ? (
        <p className="error-box">{listed.error.message}</p>
      ) : tournaments.length === 0 ? (
        <TournamentsEmpty />
      ) : (
        <>
          <p className="muted small">
            One leaderboard per tournament (ratings are only comparable within one), as the arena stores them.
          </p>
          {tournaments.map((t) => (
            <section key={t.id} className="panel" aria-labelledby={`t-${t.id}`} data-tournament={t.id}>
              <div className="row">
                <h2 id={`t-${t.id}`} style={{ margin: 0 }}>
                  <Link href={`/tournaments/${encodeURIComponent(t.id)}`}>{t.name}</Link>
                </h2>
                <span className="muted small">
                  {gameName(t.game)} · {formatTime(Date.parse(t.generatedAt))} UTC
                  {t.report ? ` · ${t.report.tournamentFormat.type}${t.report.duplicate ? ', duplicate' : ''}` : ''}
                </span>
                <span className="spacer" />
                <Link href={`/tournaments/${encodeURIComponent(t.id)}`}>Full report</Link>
              </div>
              {t.description && <p className="small">{t.description}</p>}
              {t.leaderboard ? (
                <LeaderboardView board={t.leaderboard} caption={`${t.name} leaderboard`} />
              ) : (
                <p>No ratings yet.</p>
              )}
            </section>
          ))}
        </>
      )}
    </>
  );
}
