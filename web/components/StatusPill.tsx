'use client';

import { useMatchStatus } from '../lib/match-status';

/** The match's status badge: "live" while it runs, then what the live room reports (finished, aborted). */
export function StatusPill({ matchId, initial }: { matchId: string; initial: string }) {
  const status = useMatchStatus(matchId, initial);
  return (
    <span className={`badge ${status}`} data-testid="match-status">
      {status === 'running' ? 'live' : status}
    </span>
  );
}
