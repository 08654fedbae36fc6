'use client';

import type { ApiError, BranchRequest } from '@parley/protocol';
import Link from 'next/link';
import { useState } from 'react';

/**
 * The operator's "Branch from here": forks this finished match at the turn the replay shows and
 * plays continuations in the arena (POST /api/matches/:id/branches), then links to their results.
 * The arena checks the role and the turn; this only asks.
 */
export function BranchButton({ matchId, turn }: { matchId: string; turn: string | null }) {
  const [times, setTimes] = useState(10);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState<{ id: string; at: string } | null>(null);
  if (!turn) return null;
  const branch = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/matches/${encodeURIComponent(matchId)}/branches`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ at: turn, times } satisfies BranchRequest),
      });
      const body = (await res.json()) as { id: string; at: string } | ApiError;
      if (!res.ok || !('id' in body)) setError('message' in body ? body.message : `the arena answered ${res.status}`);
      else setStarted(body);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel small" aria-label="Branch from here">
      <div className="row">
        <label className="row">
          Continuations
          <input
            type="number"
            min={1}
            max={100}
            value={times}
            onChange={(e) => setTimes(Math.max(1, Math.min(100, Number(e.target.value) || 1)))}
            style={{ width: '5em' }}
            data-testid="branch-times"
          />
        </label>
        <button type="button" onClick={branch} disabled={busy} data-testid="branch-button">
          Branch from {turn}
        </button>
      </div>
      {started && (
        <p style={{ marginBottom: 0 }}>
          Playing continuations from {started.at}:{' '}
          <Link href={`/matches/${encodeURIComponent(matchId)}/branches/${started.id}`} data-testid="branch-link">
            results
          </Link>
        </p>
      )}
      {error && (
        <p className="error-box" role="alert" style={{ marginBottom: 0 }}>
          {error}
        </p>
      )}
    </section>
  );
}
