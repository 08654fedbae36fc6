'use client';

import type { MatchSummary } from '@parley/protocol';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { formatReturns, gameName, gameView, seatLabel, seatNames } from '../lib/format';
import { announceStatus } from '../lib/match-status';
import { type HeldSeat, inviteLink, readSeats, saveSeats, takeFragmentSeat } from '../lib/seat-tokens';
import { type ArenaEndpoint, useMatchRoom } from '../lib/use-room';
import { LiveDiplomacy } from './diplomacy/LiveDiplomacy';
import { LiveGeneric } from './GenericTable';
import { LivePoker } from './poker/LivePoker';

/**
 * A running match over its Colyseus room: spectators see the (delayed) public view; a person
 * holding a seat token plays that seat. Tokens come from the URL fragment or this tab's storage.
 */
export function LiveMatch({ match, arena }: { match: MatchSummary; arena: ArenaEndpoint }) {
  const router = useRouter();
  const [held, setHeld] = useState<HeldSeat[]>([]);
  const [token, setToken] = useState<string | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const fromFragment = takeFragmentSeat(match.id);
    const seats = readSeats(match.id);
    setHeld(seats);
    setToken(fromFragment?.token ?? seats[0]?.token ?? null);
    setReady(true);
  }, [match.id]);

  if (!ready) return <p className="muted">Connecting…</p>;
  return (
    <LiveRoom
      match={match}
      arena={arena}
      token={token}
      held={held}
      onToken={(t) => {
        if (t) {
          saveSeats(match.id, [{ seat: -1, token: t }]);
          setHeld(readSeats(match.id));
        }
        setToken(t);
      }}
      onFinished={() => router.refresh()}
    />
  );
}

function LiveRoom({
  match,
  arena,
  token,
  held,
  onToken,
  onFinished,
}: {
  match: MatchSummary;
  arena: ArenaEndpoint;
  token: string | null;
  held: HeldSeat[];
  onToken(token: string | null): void;
  onFinished(): void;
}) {
  const { snap, connection, role, notice, setNotice, finished, send, reconnect } = useMatchRoom(match.id, arena, token);
  const names = useMemo(() => seatNames(match), [match]);
  // The room shows each connection only its own seat's view, so a view present means a seat held.
  const me = snap?.view ? snap.view.seat : role?.role === 'player' ? role.seat : null;

  // Notices fade after a while.
  useEffect(() => {
    if (!notice) return;
    const id = setTimeout(() => setNotice(null), notice.kind === 'error' ? 8000 : 3000);
    return () => clearTimeout(id);
  }, [notice, setNotice]);

  // Keep the held seats' real numbers once the room tells us which seat a token holds.
  useEffect(() => {
    if (me !== null && token) saveSeats(match.id, [{ seat: me, token }]);
  }, [me, token, match.id]);

  const over = finished !== null || (snap && snap.status !== 'running');
  // The header's status pill was rendered when the page loaded: tell it when the match ends.
  useEffect(() => {
    if (snap?.status) announceStatus(match.id, finished !== null && snap.status === 'running' ? 'finished' : snap.status);
  }, [snap?.status, finished, match.id]);
  const spectatorDelay = match.settings?.spectatorDelayMs ?? 0;

  return (
    <div className="stack">
      <section className="panel row" aria-label="Connection" style={{ justifyContent: 'space-between' }}>
        <div className="row">
          <span className={`badge ${connection === 'open' ? 'running' : 'aborted'}`} data-testid="connection">
            {connection === 'open' ? 'connected' : connection}
          </span>
          <span data-testid="role">
            {me !== null ? (
              <>
                You play <strong>{seatLabel(match.game, me)}</strong>
              </>
            ) : (
              <>Watching as a spectator{spectatorDelay > 0 ? ` (${Math.round(spectatorDelay / 1000)} s behind)` : ''}</>
            )}
          </span>
          {snap && <span className="muted small">{snap.actions} actions</span>}
        </div>
        <div className="row">
          {(connection === 'closed' || connection === 'failed') && (
            <button type="button" className="secondary" onClick={reconnect}>
              Reconnect
            </button>
          )}
          {token && (
            <button type="button" className="secondary" onClick={() => onToken(null)}>
              Watch as spectator
            </button>
          )}
          <TakeSeat onToken={onToken} />
        </div>
      </section>
      {held.length > 0 && (
        <details className="panel">
          <summary>Seats you hold ({held.length}) and invite links</summary>
          <ul className="small">
            {held.map((h) => (
              <li key={h.token} className="row">
                <span>{h.seat >= 0 ? seatLabel(match.game, h.seat) : 'a seat'}</span>
                <button type="button" className="secondary" onClick={() => onToken(h.token)} aria-pressed={h.token === token}>
                  Play this seat
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => navigator.clipboard?.writeText(inviteLink(match.id, h)).catch(() => undefined)}
                >
                  Copy invite link
                </button>
              </li>
            ))}
          </ul>
          <p className="small muted">
            Invite links carry the seat token in the part of the address after #, which browsers never send to a server.
          </p>
        </details>
      )}
      {over && (
        <div className="note-box row" role="status" data-testid="match-over">
          <span>Match over. Result: {formatReturns(match.game, finished ?? snap?.returns ?? null)}</span>
          <button type="button" onClick={onFinished}>
            Open the replay
          </button>
        </div>
      )}
      {!snap ? (
        <p className="muted">
          {connection === 'failed' ? 'Could not connect to the match.' : `Joining ${gameName(match.game)}…`}
        </p>
      ) : gameView(match.game) === 'diplomacy-map' ? (
        <LiveDiplomacy snap={snap} names={names} me={me} send={send} fillWindow matchId={match.id} />
      ) : gameView(match.game) === 'poker-table' ? (
        <LivePoker game={match.game} snap={snap} names={names} me={me} send={send} matchId={match.id} token={token} />
      ) : (
        <LiveGeneric game={match.game} snap={snap} names={names} me={me} send={send} />
      )}
      {notice && (
        <div
          className={notice.kind === 'error' ? 'toast' : 'toast'}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="notice"
        >
          {notice.text}
        </div>
      )}
    </div>
  );
}

function TakeSeat({ onToken }: { onToken(token: string): void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = text.trim();
    if (!t) return;
    // Accept a whole invite link as well as a bare token.
    const m = /token=([^&\s]+)/.exec(t);
    onToken(m ? decodeURIComponent(m[1]!) : t);
    setText('');
    setOpen(false);
  };
  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Take a seat…
      </button>
    );
  return (
    <form onSubmit={submit} className="row">
      <label className="visually-hidden" htmlFor="seat-token">
        Seat token or invite link
      </label>
      <input
        id="seat-token"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="seat token or invite link"
        autoComplete="off"
      />
      <button type="submit">Join</button>
    </form>
  );
}
