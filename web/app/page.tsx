import { listGames } from '@parley/games';
import type { MatchPage, MatchSummary } from '@parley/protocol';
import Link from 'next/link';
import { AutoRefresh } from '../components/AutoRefresh';
import { CreateMatch } from '../components/CreateMatch';
import { FeaturedMatch } from '../components/FeaturedMatch';
import { MatchTable } from '../components/MatchTable';
import { arenaForBrowser, arenaGet } from '../lib/arena';

export const dynamic = 'force-dynamic';

type Search = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** How long one demo table stays featured before the lobby shows the next game. */
const FEATURE_TURN_MS = 2 * 60_000;

/** The live match to feature: the demo tables in turn, two minutes each, else the newest live match of any kind. */
function featured(live: MatchSummary[], now: number): MatchSummary | undefined {
  const demos = live.filter((m) => m.demo).sort((a, b) => (a.game < b.game ? -1 : a.game > b.game ? 1 : 0));
  return demos[Math.floor(now / FEATURE_TURN_MS) % Math.max(1, demos.length)] ?? live[0];
}

/** The lobby: live matches, recent ones with filters, and a form to start a new one. */
export default async function Lobby({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const game = one(sp.game);
  const status = one(sp.status);
  const agent = one(sp.agent);
  const page = Math.max(1, Number(one(sp.page)) || 1);
  const pageSize = 25;

  const q = new URLSearchParams();
  if (game) q.set('game', game);
  if (status) q.set('status', status);
  if (agent) q.set('agent', agent);
  q.set('page', String(page));
  q.set('pageSize', String(pageSize));
  const liveQ = new URLSearchParams({ status: 'running', pageSize: '50' });
  if (game) liveQ.set('game', game);

  const [live, recent] = await Promise.all([
    arenaGet<MatchPage>(`/api/matches?${liveQ}`),
    arenaGet<MatchPage>(`/api/matches?${q}`),
  ]);
  const games = listGames().map((g) => g.descriptor);
  const feature = live.ok ? featured(live.data.matches, Date.now()) : undefined;
  const pages = recent.ok ? Math.max(1, Math.ceil(recent.data.total / pageSize)) : 1;
  const pageLink = (p: number) => {
    const next = new URLSearchParams(q);
    next.set('page', String(p));
    next.delete('pageSize');
    return `/?${next}`;
  };

  return (
    <>
      <AutoRefresh ms={10_000} />
      <div className="row">
        <h1 style={{ margin: 0 }}>Matches</h1>
        <span className="spacer" />
        {/* On a phone the form is below the lists: this keeps it one tap from the top. */}
        <a className="btn" href="#create-heading" data-testid="new-match-link">
          New match
        </a>
      </div>
      {/* Keyed by id: a new featured match is a new room to join. */}
      {feature && <FeaturedMatch key={feature.id} match={feature} arena={arenaForBrowser()} />}
      {!recent.ok && (
        <div className="error-box" role="alert">
          <strong>The arena is not answering.</strong> {recent.error.message}. Start it with <code>npm start</code> (or set{' '}
          <code>PARLEY_ARENA_URL</code>).
        </div>
      )}
      <div className="match-layout">
        <div className="stack">
          <section aria-labelledby="live-heading" className="panel">
            <h2 id="live-heading" style={{ marginTop: 0 }}>
              Live now {live.ok && <span className="muted small">({live.data.total})</span>}
            </h2>
            {live.ok && <MatchTable matches={live.data.matches} caption="Live matches" />}
          </section>
          <section aria-labelledby="recent-heading" className="panel">
            <h2 id="recent-heading" style={{ marginTop: 0 }}>
              All matches
            </h2>
            <form className="filters" method="get" action="/">
              <label>
                Game
                <select name="game" defaultValue={game}>
                  <option value="">any</option>
                  {games.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Status
                <select name="status" defaultValue={status}>
                  <option value="">any</option>
                  <option value="running">live</option>
                  <option value="finished">finished</option>
                  <option value="aborted">aborted</option>
                </select>
              </label>
              <label>
                Agent
                <input name="agent" defaultValue={agent} placeholder="name" />
              </label>
              <button type="submit">Filter</button>
              {(game || status || agent) && (
                <Link href="/" className="btn secondary">
                  Clear
                </Link>
              )}
            </form>
            {recent.ok && (
              <>
                <MatchTable matches={recent.data.matches} caption="Matches, newest first" />
                <nav className="row" aria-label="Pages" style={{ marginTop: '0.5rem' }}>
                  <span className="muted small">
                    {recent.data.total} matches · page {page} of {pages}
                  </span>
                  <span className="spacer" />
                  {page > 1 && (
                    <Link className="btn secondary" href={pageLink(page - 1)} rel="prev">
                      Newer
                    </Link>
                  )}
                  {page < pages && (
                    <Link className="btn secondary" href={pageLink(page + 1)} rel="next">
                      Older
                    </Link>
                  )}
                </nav>
              </>
            )}
          </section>
        </div>
        <section aria-labelledby="create-heading" className="panel">
          <h2 id="create-heading" style={{ marginTop: 0 }}>
            New match
          </h2>
          <CreateMatch />
        </section>
      </div>
    </>
  );
}
