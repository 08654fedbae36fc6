'use client';

import type { StoredModelCall } from '@parley/protocol';
import { useMemo, useState } from 'react';
import { formatUsd, seatLabel } from '../lib/format';

function promptText(prompt: unknown): string {
  if (typeof prompt === 'string') return prompt;
  const list = Array.isArray(prompt)
    ? prompt
    : prompt && typeof prompt === 'object' && Array.isArray((prompt as { messages?: unknown }).messages)
      ? ((prompt as { messages: unknown[] }).messages as unknown[])
      : null;
  if (list) {
    const system = prompt && !Array.isArray(prompt) ? (prompt as { system?: unknown }).system : undefined;
    const parts = list.map((m) => {
      if (m && typeof m === 'object' && 'role' in m) {
        const { role, content } = m as { role: string; content: unknown };
        return `[${role}]\n${typeof content === 'string' ? content : JSON.stringify(content, null, 2)}`;
      }
      return JSON.stringify(m, null, 2);
    });
    return [typeof system === 'string' ? `[system]\n${system}` : null, ...parts].filter(Boolean).join('\n\n');
  }
  return JSON.stringify(prompt, null, 2);
}

function CallCard({
  call,
  game,
  names,
  current,
  onJump,
  actionText,
}: {
  call: StoredModelCall;
  game: string;
  names: string[];
  current: boolean;
  onJump?: () => void;
  actionText?: string;
}) {
  return (
    <article className={`call-card${current ? ' current' : ''}`} data-action-seq={call.actionSeq}>
      <div className="row" style={{ gap: '0.4rem' }}>
        <strong>{seatLabel(game, call.seat)}</strong>
        <span className="muted">{names[call.seat]}</span>
        <span className="badge">{call.purpose}</span>
        <span className="spacer" />
        {onJump && (
          <button type="button" className="secondary" onClick={onJump} style={{ minHeight: '1.6rem', padding: '0 0.4rem' }}>
            Go to move {call.actionSeq + 1}
          </button>
        )}
      </div>
      <div className="small muted">
        {call.provider}/{call.model} · attempt {call.attempt} · {call.tokensIn} in / {call.tokensOut} out ·{' '}
        {Math.round(call.latencyMs)} ms · {formatUsd(call.costUsd)}
      </div>
      {actionText && (
        <div className="small">
          Produced: <code>{actionText}</code>
        </div>
      )}
      {call.error && (
        <div className="small" style={{ color: 'var(--danger)' }}>
          Error: {call.error}
        </div>
      )}
      <details>
        <summary className="small">Prompt</summary>
        <pre>{promptText(call.prompt)}</pre>
      </details>
      <details open={current}>
        <summary className="small">Reply</summary>
        <pre>{call.reply ?? '(no reply)'}</pre>
      </details>
      {call.parsed !== undefined && (
        <div className="small">
          Parsed: <code>{typeof call.parsed === 'string' ? call.parsed : JSON.stringify(call.parsed)}</code>
        </div>
      )}
    </article>
  );
}

/**
 * Model calls beside the moves they produced: the calls that led to the step on screen first,
 * then every call of the match, each with a link to its move.
 */
export function AgentPanel({
  calls,
  game,
  names,
  range,
  onJump,
  actionAt,
}: {
  calls: readonly StoredModelCall[];
  game: string;
  names: string[];
  /** Action seqs of the step on screen: [from, to). */
  range: [number, number];
  onJump(t: number): void;
  actionAt(seq: number): string | undefined;
}) {
  const [seat, setSeat] = useState<number | 'all'>('all');
  const here = calls.filter((c) => c.actionSeq >= range[0] && c.actionSeq < range[1]);
  const seats = useMemo(() => [...new Set(calls.map((c) => c.seat))].sort((a, b) => a - b), [calls]);
  const listed = seat === 'all' ? calls : calls.filter((c) => c.seat === seat);
  const totals = useMemo(
    () =>
      calls.reduce(
        (t, c) => ({ tokens: t.tokens + c.tokensIn + c.tokensOut, cost: t.cost + c.costUsd, ms: t.ms + c.latencyMs }),
        { tokens: 0, cost: 0, ms: 0 },
      ),
    [calls],
  );
  return (
    <section className="panel" aria-labelledby="agent-heading">
      <h3 id="agent-heading" style={{ marginTop: 0 }}>
        Model calls <span className="muted small">({calls.length})</span>
      </h3>
      <p className="small muted" style={{ marginTop: 0 }}>
        {totals.tokens.toLocaleString('en-US')} tokens · {formatUsd(totals.cost)} · {(totals.ms / 1000).toFixed(1)} s of model
        time
      </p>
      <h4 className="small" style={{ margin: '0.3rem 0' }}>
        This step
      </h4>
      {here.length === 0 ? (
        <p className="small muted">No model call led to this step.</p>
      ) : (
        here.map((c, i) => (
          <CallCard
            // biome-ignore lint/suspicious/noArrayIndexKey: calls have no id
            key={`h-${i}`}
            call={c}
            game={game}
            names={names}
            current
            actionText={actionAt(c.actionSeq)}
          />
        ))
      )}
      <details>
        <summary className="small">All calls</summary>
        <div className="tabs" style={{ marginTop: '0.4rem' }}>
          <button type="button" className="secondary" aria-pressed={seat === 'all'} onClick={() => setSeat('all')}>
            All seats
          </button>
          {seats.map((s) => (
            <button key={s} type="button" className="secondary" aria-pressed={seat === s} onClick={() => setSeat(s)}>
              {seatLabel(game, s)}
            </button>
          ))}
        </div>
        <div className="scroll-list">
          {listed.map((c, i) => (
            <CallCard
              // biome-ignore lint/suspicious/noArrayIndexKey: calls have no id
              key={`a-${i}`}
              call={c}
              game={game}
              names={names}
              current={c.actionSeq >= range[0] && c.actionSeq < range[1]}
              onJump={() => onJump(c.actionSeq + 1)}
              actionText={actionAt(c.actionSeq)}
            />
          ))}
        </div>
      </details>
    </section>
  );
}
