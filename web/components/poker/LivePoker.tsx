'use client';

import { type HandsReply, SEAT_TOKEN_HEADER } from '@parley/protocol';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { tableViews } from '../../lib/format';
import { EMPTY_BOOK, type HandBook, type PastHand, recordView, servedHands, withServed } from '../../lib/hand-history';
import { type NlheView, tableModel } from '../../lib/poker';
import { type Advance, type AdvanceKind, advanceAction, stillHolds } from '../../lib/poker-advance';
import type { RoomSnapshot } from '../../lib/use-room';
import { HandHistory } from './HandHistory';
import { PokerControls } from './PokerControls';
import { ActionLog, PokerTable } from './PokerTable';

interface Props {
  game: string;
  snap: RoomSnapshot;
  names: string[];
  me: number | null;
  send(type: 'act' | 'prefs', payload: unknown): boolean;
  /** The match, to fetch the hands that ended before the page opened (absent: only hands seen here). */
  matchId?: string;
  /** The seat's token, so the arena serves this seat's own cards in those hands. */
  token?: string | null;
}

const MUCK_KEY = 'parley.poker.muckLosing';

/**
 * The muck setting, on by default as in card rooms. The match holds it per seat, so a reload, a
 * reconnect or another tab shows what the seat chose; this browser remembers the last choice
 * and gives it to a seat that has made none yet. A choice made here shows at once and until the
 * match holds it: the match's older value, still in flight, must not flip the box back.
 */
function useMuckLosing(me: number | null, held: boolean | null, send: Props['send']): [boolean, (on: boolean) => void] {
  const [local, setLocal] = useState<boolean | null>(null);
  const [chosen, setChosen] = useState<boolean | null>(null);
  useEffect(() => setLocal(window.localStorage.getItem(MUCK_KEY) !== 'false'), []);
  useEffect(() => {
    if (me !== null && held === null && local !== null) send('prefs', { muckLosing: local });
  }, [me, held, local, send]);
  useEffect(() => {
    if (chosen !== null && held === chosen) setChosen(null);
  }, [chosen, held]);
  const set = useCallback(
    (next: boolean) => {
      setLocal(next);
      window.localStorage.setItem(MUCK_KEY, String(next));
      if (me !== null && send('prefs', { muckLosing: next })) setChosen(next);
    },
    [me, send],
  );
  return [chosen ?? held ?? local ?? true, set];
}

/** The hands of this match that ended before the page opened, as the arena serves them to this viewer. */
function useServedHands(matchId: string | undefined, token: string | null, enabled: boolean): PastHand[] {
  const [hands, setHands] = useState<PastHand[]>([]);
  useEffect(() => {
    if (!enabled || !matchId) return;
    const abort = new AbortController();
    fetch(`/api/matches/${encodeURIComponent(matchId)}/hands`, {
      headers: token ? { [SEAT_TOKEN_HEADER]: token } : {},
      signal: abort.signal,
    })
      .then((res) => (res.ok ? (res.json() as Promise<HandsReply>) : null))
      .then((body) => {
        if (body && Array.isArray(body.hands)) setHands(servedHands(body.hands));
      })
      .catch(() => undefined);
    return () => abort.abort();
  }, [matchId, token, enabled]);
  return hands;
}

/** Every finished hand of the match: those the arena served and those this page has seen (hand-history.ts). */
function useHandBook(view: NlheView | null, served: readonly PastHand[]): HandBook {
  const [book, setBook] = useState<HandBook>(EMPTY_BOOK);
  useEffect(() => {
    if (view && Array.isArray(view.history)) setBook((b) => recordView(b, view));
  }, [view]);
  useEffect(() => setBook((b) => withServed(b, served)), [served]);
  return book;
}

export function LivePoker({ game, snap, names, me, send, matchId, token = null }: Props) {
  const own = snap.view;
  const view = me !== null && own?.observation ? own.observation : snap.spectator;
  const toAct = snap.seats.find((s) => s.deciding)?.seat ?? null;
  const nl = view && typeof (view as NlheView).toCall === 'number' ? (view as NlheView) : null;
  const recent = useRecentHand((view as NlheView | null)?.lastHand?.hand ?? null);
  const broadcast = me === null ? snap.broadcast : null;
  const table = useMemo(
    () => tableModel(game, view, names, me, toAct, recent, broadcast),
    [game, view, names, me, toAct, recent, broadcast],
  );
  // A table whose views are hold'em's (a session of hands with a log each) keeps a hand history.
  const handed = Boolean(view) && tableViews(game) === 'hold-em';
  const served = useServedHands(matchId, me === null ? null : token, handed);
  const book = useHandBook(handed ? (view as NlheView) : null, served);
  const clocks = snap.seats;
  const legal = own?.legal ?? [];
  const decision = own?.decision ?? -1;
  const canAct = me !== null && decision >= 0 && legal.length > 0;
  const held = typeof own?.prefs?.muckLosing === 'boolean' ? own.prefs.muckLosing : null;
  const [muckLosing, setMuckLosing] = useMuckLosing(me, held, send);
  const toCall = nl?.toCall ?? 0;
  const [advance, setAdvance] = useState<Advance | null>(null);
  // A bet or raise before the turn comes changes the price: the choice made at the old one is cleared.
  useEffect(() => setAdvance((a) => stillHolds(a, toCall)), [toCall]);
  useEffect(() => {
    if (!canAct || !advance) return;
    const action = advanceAction(advance, legal, toCall);
    setAdvance(null);
    if (action) send('act', { decision, actions: [action] });
  }, [canAct, advance, legal, toCall, decision, send]);
  const mine = nl?.players.find((p) => p.seat === me);
  const waiting = nl !== null && !canAct && snap.status === 'running' && Boolean(mine?.inHand && !mine.folded && !mine.allIn);
  if (!table) return <p className="muted">Waiting for the table…</p>;
  return (
    <div className="match-layout">
      <div className="stack">
        <PokerTable table={table} me={me} clocks={clocks} />
        {me !== null && (
          <section className="panel action-bar" aria-label="Your move" data-testid="poker-controls">
            {canAct ? (
              <PokerControls
                game={game}
                legal={legal}
                observation={view}
                onAct={(action) => send('act', { decision, actions: [action] })}
                key={decision}
              />
            ) : (
              <div className="stack">
                <p className="muted small" style={{ margin: 0 }}>
                  {snap.status === 'running' ? 'Waiting for the other players…' : 'The match is over.'}
                </p>
                {waiting && <AdvanceChoices advance={advance} toCall={toCall} onChange={setAdvance} />}
              </div>
            )}
            {nl && (
              <label className="small" data-testid="muck-setting">
                <input type="checkbox" checked={muckLosing} onChange={(e) => setMuckLosing(e.target.checked)} /> Muck losing hands
                at showdown (a hand that can win is always shown)
              </label>
            )}
          </section>
        )}
      </div>
      <div className="match-side">
        <ActionLog lines={table.history} />
        {handed && <HandHistory hands={book.past} names={names} me={me} />}
      </div>
    </div>
  );
}

const ADVANCE_LABEL: Record<AdvanceKind, (toCall: number) => string> = {
  'check-fold': () => 'Check/fold',
  call: (toCall) => (toCall > 0 ? `Call ${toCall.toLocaleString('en-US')}` : 'Check'),
};

/** Tick boxes to act before the turn comes; ticking one unticks the other. */
function AdvanceChoices({
  advance,
  toCall,
  onChange,
}: {
  advance: Advance | null;
  toCall: number;
  onChange(next: Advance | null): void;
}) {
  return (
    <fieldset className="controls small" data-testid="advance" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="visually-hidden">Act in advance</legend>
      {(['check-fold', 'call'] as const).map((kind) => (
        <label key={kind}>
          <input
            type="checkbox"
            data-advance={kind}
            checked={advance?.kind === kind}
            onChange={(e) => onChange(e.target.checked ? { kind, price: toCall } : null)}
          />{' '}
          {ADVANCE_LABEL[kind](toCall)}
        </label>
      ))}
    </fieldset>
  );
}

/** How long a finished hand's showdown stays on view once the next hand is dealt. */
const SHOWDOWN_MS = 5000;

/**
 * The number of the hand that just finished, for SHOWDOWN_MS after it did, else null: bots act
 * at once, so without this the winner and the hand name would vanish with the next deal.
 */
function useRecentHand(last: number | null): number | null {
  const [recent, setRecent] = useState<number | null>(null);
  useEffect(() => {
    if (last === null) return;
    setRecent(last);
    const id = setTimeout(() => setRecent(null), SHOWDOWN_MS);
    return () => clearTimeout(id);
  }, [last]);
  return recent;
}
