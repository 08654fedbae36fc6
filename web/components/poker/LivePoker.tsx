'use client';

import { Nlhe } from '@parley/games';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { EMPTY_BOOK, type HandBook, recordView } from '../../lib/hand-history';
import { type NlheView, tableModel } from '../../lib/poker';
import { type Advance, type AdvanceKind, advanceAction, stillHolds } from '../../lib/poker-advance';
import { betVerb, clamp, quickSizes } from '../../lib/poker-sizing';
import type { RoomSnapshot } from '../../lib/use-room';
import { HandHistory } from './HandHistory';
import { ActionLog, PokerTable } from './PokerTable';

interface Props {
  game: string;
  snap: RoomSnapshot;
  names: string[];
  me: number | null;
  send(type: 'act' | 'prefs', payload: unknown): boolean;
}

const MUCK_KEY = 'parley.poker.muckLosing';

/** The muck setting, kept in this browser; on by default, as in card rooms. */
function useMuckLosing(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(true);
  useEffect(() => {
    if (window.localStorage.getItem(MUCK_KEY) === 'false') setOn(false);
  }, []);
  const set = useCallback((next: boolean) => {
    setOn(next);
    window.localStorage.setItem(MUCK_KEY, String(next));
  }, []);
  return [on, set];
}

/** Every finished hand of the match this page has seen (hand-history.ts). */
function useHandBook(view: NlheView | null): HandBook {
  const [book, setBook] = useState<HandBook>(EMPTY_BOOK);
  useEffect(() => {
    if (view && Array.isArray(view.history)) setBook((b) => recordView(b, view));
  }, [view]);
  return book;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'range') return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

export function LivePoker({ game, snap, names, me, send }: Props) {
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
  // A table with players and a hand log (No-Limit Hold'em's views) keeps a hand history.
  const handed = Boolean(view) && Array.isArray((view as NlheView).players) && Array.isArray((view as NlheView).history);
  const book = useHandBook(handed ? (view as NlheView) : null);
  const clocks = snap.seats;
  const legal = own?.legal ?? [];
  const decision = own?.decision ?? -1;
  const canAct = me !== null && decision >= 0 && legal.length > 0;
  const [muckLosing, setMuckLosing] = useMuckLosing();
  const connected = snap !== null;
  useEffect(() => {
    if (me !== null && connected) send('prefs', { muckLosing });
  }, [me, connected, muckLosing, send]);
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

const LABEL: Record<string, string> = {
  fold: 'Fold',
  check: 'Check',
  call: 'Call',
  bet: 'Bet',
  raise: 'Raise',
  pass: 'Pass',
  show: 'Show',
  muck: 'Muck',
};

const KEY: Record<string, string> = { fold: 'f', check: 'c', call: 'c', bet: 'b', raise: 'r', pass: 'p', show: 's', muck: 'm' };

/**
 * Buttons for the legal actions. In No-Limit Hold'em the raise has a slider over the legal
 * raise-to range and quick sizes from the engine's list; keys: f fold, c check/call, r raise
 * (the slider's amount), a all in, ↑/↓ adjust the amount; Kuhn and Leduc use p, b, c, f, r.
 */
export function PokerControls({
  game,
  legal,
  observation,
  onAct,
}: {
  game: string;
  legal: string[];
  observation: unknown;
  onAct(action: string): void;
}) {
  const nl = game === 'nlhe' ? (observation as NlheView) : null;
  const raises = legal.filter((a) => a.startsWith('raise ')).map((a) => Number(a.slice(6)));
  const bounds = nl?.raise ?? (raises.length > 0 ? { min: Math.min(...raises), max: Math.max(...raises) } : null);
  const [amount, setAmount] = useState(() => bounds?.min ?? 0);
  const [sent, setSent] = useState(false);
  const simple = legal.filter((a) => !a.startsWith('raise '));
  const step = nl ? Math.max(1, Math.min(nl.blinds[1], 50)) : 1;

  const act = useCallback(
    (action: string) => {
      if (sent) return;
      setSent(true);
      onAct(action);
    },
    [sent, onAct],
  );

  const raiseTo = useCallback(
    (to: number) => {
      if (bounds) act(Nlhe.raiseAction(clamp(to, bounds)));
    },
    [bounds, act],
  );
  const verb = nl ? betVerb(nl) : 'Raise to';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.metaKey || e.ctrlKey || e.altKey) return;
      const k = e.key.toLowerCase();
      if (nl && bounds && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        e.preventDefault();
        setAmount((a) => Math.min(bounds.max, Math.max(bounds.min, a + (e.key === 'ArrowUp' ? step : -step))));
        return;
      }
      if (nl && bounds && k === 'r') {
        e.preventDefault();
        raiseTo(amount);
        return;
      }
      if (nl && bounds && k === 'a') {
        e.preventDefault();
        raiseTo(bounds.max);
        return;
      }
      const hit = simple.find((a) => KEY[a] === k);
      if (hit) {
        e.preventDefault();
        act(hit);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [nl, bounds, amount, step, simple, act, raiseTo]);

  return (
    <div className="stack">
      <div className="controls">
        {simple.map((a) => (
          <button
            key={a}
            type="button"
            onClick={() => act(a)}
            disabled={sent}
            data-action={a}
            className={a === 'fold' ? 'danger' : undefined}
          >
            {LABEL[a] ?? a}
            {a === 'call' && nl?.toCall ? ` ${nl.toCall.toLocaleString('en-US')}` : ''} <kbd>{KEY[a] ?? ''}</kbd>
          </button>
        ))}
        {!nl && raises.length > 0 && (
          <button
            type="button"
            onClick={() => act(legal.find((a) => a.startsWith('raise')) ?? 'raise')}
            disabled={sent}
            data-action="raise"
          >
            Raise <kbd>r</kbd>
          </button>
        )}
      </div>
      {nl && bounds && (
        <div className="stack">
          <div className="controls">
            <label htmlFor="bet-amount" className="small">
              {verb}
            </label>
            <input
              id="bet-amount"
              type="range"
              min={bounds.min}
              max={bounds.max}
              step={step}
              value={amount}
              onChange={(e) => setAmount(Number(e.target.value))}
              aria-valuetext={`${amount} chips`}
            />
            <input
              type="number"
              min={bounds.min}
              max={bounds.max}
              value={amount}
              onChange={(e) => setAmount(Number(e.target.value))}
              style={{ width: '7rem' }}
              aria-label={`${verb} amount`}
            />
            <button type="button" onClick={() => raiseTo(amount)} disabled={sent} data-action="raise">
              {verb} {amount.toLocaleString('en-US')} <kbd>r</kbd>
            </button>
          </div>
          <div className="controls small" data-testid="quick-sizes">
            {quickSizes(nl, bounds).map((q) => (
              <button
                key={q.label}
                type="button"
                className="secondary"
                onClick={() => setAmount(q.to)}
                data-size={q.to}
                title={`${verb} ${q.to.toLocaleString('en-US')}`}
              >
                {q.label}
              </button>
            ))}
            <span className="muted key-hints">
              <kbd>↑</kbd>/<kbd>↓</kbd> adjust · <kbd>a</kbd> all in
            </span>
          </div>
        </div>
      )}
    </div>
  );
}
