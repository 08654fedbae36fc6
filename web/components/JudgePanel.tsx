'use client';

import type { ApiError, JudgeRequest } from '@parley/protocol';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { formatUsd } from '../lib/format';

/** A registered model configuration that may judge press (GET /api/registry). */
export interface JudgeChoice {
  id: string;
  dailyCapUsd: number | null;
  spentTodayUsd: number | null;
}

/** GET /api/matches/:id/judge, as far as the panel reads it (server/src/arena/judging.ts has the exact union). */
interface JudgeStatus {
  status: 'none' | 'running' | 'done' | 'failed';
  /** The configuration's id while running or after a failure; the provider's model once done. */
  judge?: string | { model: string };
  reason?: string;
  promises?: number;
  broken?: number;
  unread?: number;
  costUsd?: number;
}

const POLL_MS = 1000;

const capReached = (j: JudgeChoice) => j.dailyCapUsd !== null && (j.spentTodayUsd ?? 0) >= j.dailyCapUsd;

function statusText(s: JudgeStatus): string {
  const judge = typeof s.judge === 'string' ? s.judge : (s.judge?.model ?? '');
  if (s.status === 'running') return `Running: ${judge} is reading the press…`;
  if (s.status === 'failed') return `Failed (${judge}): ${s.reason ?? 'no reason given'}.`;
  if (s.status === 'none') return 'Not judged yet.';
  const unread = s.unread ? `, ${s.unread} messages unread` : '';
  return `Done (${judge}): ${s.promises ?? 0} promises judged, ${s.broken ?? 0} broken${unread}; cost ${formatUsd(s.costUsd ?? 0)}.`;
}

/**
 * The operator's judge of a finished match's free-text press: pick a registered model, start it
 * (POST /api/matches/:id/judge), follow its status, and show the judged promises once it is done
 * (the page is re-rendered). Who may is the arena's call (auth/policy.ts): the panel asks for the
 * status first and shows nothing to anyone the arena refuses.
 */
export function JudgePanel({ matchId, judges }: { matchId: string; judges: JudgeChoice[] }) {
  const router = useRouter();
  const [status, setStatus] = useState<JudgeStatus | null>(null);
  const [allowed, setAllowed] = useState(false);
  const [choice, setChoice] = useState(judges.find((j) => !capReached(j))?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const path = `/api/matches/${encodeURIComponent(matchId)}/judge`;

  const refresh = useCallback(async (): Promise<JudgeStatus | null> => {
    try {
      const res = await fetch(path, { cache: 'no-store' });
      if (!res.ok) return null;
      const body = (await res.json()) as JudgeStatus;
      setAllowed(true);
      setStatus(body);
      return body;
    } catch {
      return null;
    }
  }, [path]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // While a judge runs, ask again each second; when it ends, re-render the page with its promises.
  useEffect(() => {
    if (status?.status !== 'running') return;
    const timer = setInterval(async () => {
      const next = await refresh();
      if (next && next.status !== 'running') router.refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [status?.status, refresh, router]);

  if (!allowed || !status) return null;
  const start = async () => {
    setError(null);
    try {
      const res = await fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ judge: choice } satisfies JudgeRequest),
      });
      if (res.ok) {
        setStatus({ status: 'running', judge: choice });
        return;
      }
      const body = (await res.json().catch(() => ({}))) as Partial<ApiError>;
      const message = body.message ?? `the arena answered ${res.status}`;
      setError(body.code === 'limits/spend' ? `Daily cap reached: ${message}` : message);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section className="panel small" aria-label="Judge the press" data-testid="judge-panel">
      <div className="row">
        <label className="row">
          Judge model
          <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="judge-choice">
            {judges.map((j) => (
              <option key={j.id} value={j.id} disabled={capReached(j)}>
                {j.id}
                {capReached(j) ? ' (daily cap reached)' : ''}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={start}
          disabled={!choice || status.status === 'running'}
          data-testid="judge-button"
          title="A registered model lists the promises made in free text; the engine checks them against the orders"
        >
          Judge the press
        </button>
      </div>
      {judges.length === 0 && (
        <p className="muted">No registered model configuration may judge (see the operator&apos;s agents file).</p>
      )}
      <p data-testid="judge-status" data-status={status.status} style={{ marginBottom: 0 }}>
        {statusText(status)}
      </p>
      {error && (
        <p className="error-box" role="alert" style={{ marginBottom: 0 }} data-testid="judge-error">
          {error}
        </p>
      )}
    </section>
  );
}
