'use client';

import type { MatchSummary } from '@parley/protocol';
import Link from 'next/link';
import { useMemo } from 'react';
import type { PublicDiplomacyView } from '../lib/diplomacy/model';
import { gameName, seatNames } from '../lib/format';
import { tableModel } from '../lib/poker';
import { type ArenaEndpoint, useMatchRoom } from '../lib/use-room';
import { DiplomacySummary } from './diplomacy/DiplomacySummary';
import { PokerTable } from './poker/PokerTable';

/**
 * The lobby's featured table, watched live as a spectator (the public, possibly delayed view the
 * room sends every spectator), with the room's spectator count. Kept compact: a poker table, or a
 * Diplomacy summary (the whole board is one click away, on Watch).
 */
export function FeaturedMatch({ match, arena }: { match: MatchSummary; arena: ArenaEndpoint }) {
  const { snap, connection } = useMatchRoom(match.id, arena, null);
  const names = useMemo(() => seatNames(match), [match]);
  const toAct = snap?.seats.find((s) => s.deciding)?.seat ?? null;
  const table = useMemo(
    () => (snap ? tableModel(match.game, snap.spectator, names, null, toAct) : null),
    [snap, match.game, names, toAct],
  );
  const over = snap !== null && snap.status !== 'running';
  return (
    <section aria-labelledby="featured-heading" className="panel featured" data-testid="featured-match">
      <div className="row">
        <h2 id="featured-heading" style={{ margin: 0 }}>
          Featured: {gameName(match.game)}
        </h2>
        {match.demo && (
          <span className="badge" title="Bots the arena runs for visitors to watch">
            demo
          </span>
        )}
        <span className={`badge ${over ? 'finished' : 'running'}`}>{over ? 'just finished' : 'live'}</span>
        {snap && (
          <span className="muted small" data-testid="spectator-count">
            {snap.spectators} watching
          </span>
        )}
        <span className="spacer" />
        <Link className="btn" href={`/matches/${match.id}`}>
          Watch
        </Link>
      </div>
      {!snap ? (
        <p className="muted">{connection === 'failed' ? 'Could not connect to the match.' : 'Joining the table…'}</p>
      ) : table ? (
        <PokerTable table={table} me={null} clocks={snap.seats} />
      ) : snap.spectator ? (
        <DiplomacySummary view={snap.spectator as PublicDiplomacyView} names={names} press={snap.press} />
      ) : (
        <p className="muted">Waiting for the first view of the board…</p>
      )}
    </section>
  );
}
