import Link from 'next/link';
import { LeaderboardView, TournamentsEmpty } from '../../components/LeaderboardView';
import { formatTime, gameName } from '../../lib/format';
import { listTournaments, tournamentsDir } from '../../lib/tournaments';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Leaderboard' };

/** Every tournament's leaderboard, newest first. */
export default function LeaderboardPage() {
  const tournaments = listTournaments();
  return (
    <>
      <h1>Leaderboards</h1>
      {tournaments.length === 0 ? (
        <TournamentsEmpty dir={tournamentsDir()} />
      ) : (
        <>
          <p className="muted small">
            One leaderboard per tournament (ratings are only comparable within one). Read from <code>{tournamentsDir()}</code>.
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
