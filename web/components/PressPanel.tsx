'use client';

import type { Commitment, MessageRecord } from '@parley/protocol';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { POWER_COLOUR } from '../lib/diplomacy/colours';
import { POWERS } from '../lib/diplomacy/model';
import { POWER_NAMES } from '../lib/format';

const power = (seat: number) => POWER_NAMES[seat] ?? `Seat ${seat}`;

export function threadKey(m: MessageRecord): string {
  if (m.to === 'all') return 'all';
  return [...new Set([m.from, ...m.to])].sort((a, b) => a - b).join(',');
}

function threadLabel(key: string): string {
  if (key === 'all') return 'Everyone';
  const seats = key.split(',').map(Number);
  return seats.length === 2 ? `${power(seats[0]!)} ↔ ${power(seats[1]!)}` : seats.map(power).join(', ');
}

function commitmentText(c: Commitment): string {
  switch (c.kind) {
    case 'support':
      return `promise: support ${c.order}`;
    case 'move':
      return `promise: move ${c.order}`;
    case 'demilitarise':
      return `promise: keep ${c.province.toUpperCase()} empty`;
    case 'no-attack':
      return `promise: no attack on ${typeof c.target === 'number' ? power(c.target) : c.target}`;
  }
}

interface Composer {
  me: number;
  onSend(to: number[] | 'all', text: string, commitments?: Commitment[]): void;
  onReady(): void;
  note?: string;
}

/**
 * Who at the table will not talk, and who answers proposals, by the seats' agent names: random
 * bots never write press, and the heuristic bot answers a message that carries a promise.
 */
export function talkNote(names: readonly string[] | undefined, me: number | null): string | null {
  if (!names) return null;
  const seats = (agent: string) => names.flatMap((n, i) => (n === agent && i !== me ? [power(i)] : []));
  const silent = seats('random');
  const answering = seats('heuristic');
  const parts = [
    silent.length > 0 && `${silent.join(', ')}: random bots, who never write or answer press.`,
    answering.length > 0 &&
      `${answering.join(', ')}: the heuristic bot, who answers a message carrying a promise (accepts what it can keep, declines the rest, and keeps its word).`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Press between powers, in threads; `currentPhase` marks this phase's messages. */
export function PressPanel({
  messages,
  currentPhase,
  composer,
  names,
}: {
  messages: readonly MessageRecord[];
  currentPhase?: string;
  composer?: Composer;
  /** The seats' agent names, to say which seats never talk. */
  names?: readonly string[];
}) {
  const note = talkNote(names, composer?.me ?? null);
  const [thread, setThread] = useState<string>('every');
  const threads = useMemo(() => {
    const counts = new Map<string, number>();
    for (const m of messages) counts.set(threadKey(m), (counts.get(threadKey(m)) ?? 0) + 1);
    return [...counts.entries()].sort(([a], [b]) => (a === 'all' ? -1 : b === 'all' ? 1 : a < b ? -1 : 1));
  }, [messages]);
  const shown = thread === 'every' ? messages : messages.filter((m) => threadKey(m) === thread);
  // Messages a thread held when it was last on screen: the rest are unread.
  const [read, setRead] = useState<ReadonlyMap<string, number>>(() => new Map());
  useEffect(() => {
    setRead((prev) => {
      const onScreen = threads.filter(([key, n]) => (thread === 'every' || thread === key) && prev.get(key) !== n);
      return onScreen.length === 0 ? prev : new Map([...prev, ...onScreen]);
    });
  }, [threads, thread]);
  const unread = (key: string, n: number) => n - (read.get(key) ?? 0);
  const totalUnread = threads.reduce((sum, [key, n]) => sum + unread(key, n), 0);

  return (
    <section className="panel" aria-labelledby="press-heading">
      <h3 id="press-heading" style={{ marginTop: 0 }}>
        Press <span className="muted small">({messages.length})</span> {totalUnread > 0 && <UnreadBadge n={totalUnread} />}
      </h3>
      {note && (
        <p className="small muted" data-testid="press-note">
          {note}
        </p>
      )}
      {threads.length > 0 && (
        <div className="tabs" role="toolbar" aria-label="Threads">
          <button type="button" className="secondary" aria-pressed={thread === 'every'} onClick={() => setThread('every')}>
            All threads
          </button>
          {threads.map(([key, n]) => (
            <button key={key} type="button" className="secondary" aria-pressed={thread === key} onClick={() => setThread(key)}>
              {threadLabel(key)} ({n}) {unread(key, n) > 0 && <UnreadBadge n={unread(key, n)} />}
            </button>
          ))}
        </div>
      )}
      {shown.length === 0 ? (
        <p className="muted small">No press {messages.length === 0 ? 'yet' : 'in this thread'}.</p>
      ) : (
        <ol className="press-thread scroll-list" aria-live="polite">
          {shown.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages have no id
            <li key={i} className={m.phase === currentPhase ? 'now' : undefined}>
              <div className="press-meta">
                <span style={{ color: POWER_COLOUR[POWERS[m.from] ?? 'austria'], fontWeight: 700 }}>{power(m.from)}</span> →{' '}
                {m.to === 'all' ? 'everyone' : m.to.map(power).join(', ')} · {m.phase}
              </div>
              <div>{m.text}</div>
              {m.commitments && m.commitments.length > 0 && (
                <ul className="small" style={{ margin: '0.2rem 0 0', paddingLeft: '1.1rem' }}>
                  {m.commitments.map((c, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: commitments have no id
                    <li key={k}>{commitmentText(c)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      {composer && <PressComposer composer={composer} />}
    </section>
  );
}

type PromiseKind = '' | Commitment['kind'];
const PROMISE_LABELS: [PromiseKind, string][] = [
  ['', 'no promise'],
  ['no-attack', 'I will not attack them'],
  ['move', 'move (order, e.g. A VIE - TYR)'],
  ['support', 'support (order, e.g. A BUD S A VIE - GAL)'],
  ['demilitarise', 'keep a province empty (e.g. GAL)'],
];

/** The promise a person attaches, or why it cannot be sent as it stands. */
function promiseOf(kind: PromiseKind, detail: string, to: number[]): Commitment | string | null {
  const d = detail.trim();
  if (kind === '') return null;
  if (kind === 'no-attack') return to.length === 1 ? { kind, target: to[0]! } : 'tick exactly one power to promise peace';
  if (!d) return kind === 'demilitarise' ? 'name the province' : 'write the order';
  return kind === 'demilitarise' ? { kind, province: d.toLowerCase() } : { kind, order: d.toUpperCase() };
}

function UnreadBadge({ n }: { n: number }) {
  return (
    <span className="badge" data-testid="unread">
      {n} new
    </span>
  );
}

function PressComposer({ composer }: { composer: Composer }) {
  const [to, setTo] = useState<number[]>([]);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<PromiseKind>('');
  const [detail, setDetail] = useState('');
  const others = POWERS.map((_, i) => i).filter((i) => i !== composer.me);
  const promise = promiseOf(kind, detail, to);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || typeof promise === 'string') return;
    composer.onSend(to.length === 0 ? 'all' : to, text.trim(), promise ? [promise] : undefined);
    setText('');
    setKind('');
    setDetail('');
  };
  return (
    <form onSubmit={submit} className="stack" style={{ marginTop: '0.75rem' }} aria-label="Send press">
      <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend className="small">To (none ticked: everyone)</legend>
        <div className="row small">
          {others.map((i) => (
            <label key={i} className="row" style={{ gap: '0.2rem' }}>
              <input
                type="checkbox"
                checked={to.includes(i)}
                onChange={(e) => setTo(e.target.checked ? [...to, i] : to.filter((x) => x !== i))}
              />
              {power(i)}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="visually-hidden" htmlFor="press-text">
        Message
      </label>
      <textarea id="press-text" rows={2} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} />
      <div className="row small">
        <label>
          Promise{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as PromiseKind)} data-testid="press-promise">
            {PROMISE_LABELS.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {kind !== '' && kind !== 'no-attack' && (
          <input
            aria-label={kind === 'demilitarise' ? 'Province' : 'Order'}
            value={detail}
            onChange={(e) => setDetail(e.target.value)}
            maxLength={200}
          />
        )}
        {typeof promise === 'string' && <span className="muted">{promise}</span>}
      </div>
      <div className="row">
        <button type="submit" disabled={!text.trim() || typeof promise === 'string'}>
          Send
        </button>
        <button type="button" className="secondary" onClick={composer.onReady}>
          Done negotiating
        </button>
        {composer.note && <span className="small muted">{composer.note}</span>}
      </div>
    </form>
  );
}
