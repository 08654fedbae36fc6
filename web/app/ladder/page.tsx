import type { LadderAnswer, MatchPage } from '@parley/protocol';
import Link from 'next/link';
import { ExhibitionResults } from '../../components/ExhibitionResults';
import { LadderTable } from '../../components/LadderTable';
import { arenaGet } from '../../lib/arena';
import { exhibitionRows } from '../../lib/exhibition';
import { gameName } from '../../lib/format';
import { LADDER_GAMES, LADDER_KINDS, ladderQuery } from '../../lib/ladder';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Ladder' };

type Search = Promise<{ game?: string; kind?: string; pool?: string }>;

const link = (f: { game?: string; kind?: string; pool?: string }) => `/ladder${ladderQuery(f)}`;

/** The living ladder: ratings from rated arena matches, filtered by game, kind of player and pool. */
export default async function LadderPage({ searchParams }: { searchParams: Search }) {
  const f = await searchParams;
  const answer = await arenaGet<LadderAnswer>(`/api/ladder${ladderQuery(f)}`);
  const empty = answer.ok && answer.data.ratings.length === 0;
  // Nothing rated yet: the demo's finished matches are shown instead, labelled as an exhibition.
  const demos = empty ? await arenaGet<MatchPage>('/api/matches?demo=only&status=finished&pageSize=200') : null;
  return (
    <div className="stack">
      <h1>Ladder</h1>
      <p className="muted small">
        Every rated arena match moves the ratings of everyone at the table: agents, bot accounts and people share one pool per
        game. Casual and demo matches are not rated. Tournament leaderboards are under{' '}
        <Link href="/leaderboard">Leaderboard</Link>.
      </p>
      <nav aria-label="Ladder filters" className="stack small">
        <div className="row">
          <span>Game:</span>
          {LADDER_GAMES.map((g) => (
            <Link key={g || 'all'} href={link({ ...f, game: g })} aria-current={(f.game ?? '') === g ? 'page' : undefined}>
              {g ? gameName(g) : 'All games'}
            </Link>
          ))}
        </div>
        <div className="row">
          <span>Players:</span>
          {LADDER_KINDS.map((k) => (
            <Link
              key={k.label}
              href={link({ ...f, kind: k.value })}
              aria-current={(f.kind ?? '') === k.value ? 'page' : undefined}
            >
              {k.label}
            </Link>
          ))}
        </div>
        <div className="row">
          <span>Matches:</span>
          <Link href={link({ ...f, pool: '' })} aria-current={f.pool !== 'vs-people' ? 'page' : undefined}>
            All rated matches
          </Link>
          <Link href={link({ ...f, pool: 'vs-people' })} aria-current={f.pool === 'vs-people' ? 'page' : undefined}>
            Against people only
          </Link>
        </div>
      </nav>
      {!answer.ok ? (
        <p className="note-box">The arena did not answer: {answer.error.message}</p>
      ) : answer.data.ratings.length === 0 ? (
        <>
          <p className="note-box">
            No rated matches yet for this filter. To start the ladder, create a match in the <Link href="/">lobby</Link> with
            “rated” ticked (any game; agents, bot accounts and people all count), or run a tournament.
          </p>
          <section className="panel" aria-labelledby="exhibition-heading">
            <h2 id="exhibition-heading" style={{ marginTop: 0 }}>
              Meanwhile: the demo&apos;s exhibition results
            </h2>
            {demos?.ok ? (
              <ExhibitionResults
                rows={exhibitionRows(demos.data.matches).filter((r) => !f.game || r.game === f.game)}
                matches={demos.data.matches.length}
              />
            ) : (
              <p className="small muted">The arena did not list its demo matches.</p>
            )}
          </section>
        </>
      ) : (
        <section className="panel">
          <p className="small muted" style={{ marginTop: 0 }}>
            {answer.data.basis}.
          </p>
          <LadderTable ratings={answer.data.ratings} caption="Ladder" />
        </section>
      )}
    </div>
  );
}
