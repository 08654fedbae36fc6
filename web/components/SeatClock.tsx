'use client';

import { useEffect, useState } from 'react';
import { formatDuration } from '../lib/format';

/** A seat's clock as the room state publishes it. */
export interface SeatClock {
  deciding: boolean;
  /** Deadline of the open decision (ms since the epoch), 0 when none is open. */
  deadlineAt: number;
  bankMs: number;
}

/** Re-renders every `ms` while `active`. */
export function useNow(active: boolean, ms = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [active, ms]);
  return now;
}

export function SeatClockView({ clock }: { clock: SeatClock }) {
  const ticking = clock.deciding && clock.deadlineAt > 0;
  const now = useNow(ticking);
  if (!clock.deciding) return null;
  const left = ticking ? clock.deadlineAt - now : 0;
  return (
    <div className={`clock${ticking && left < 10_000 ? ' low' : ''}`} data-testid="clock">
      {ticking ? <span>{formatDuration(left)} left</span> : clock.deciding ? 'thinking…' : null}
      {clock.deciding && clock.bankMs > 0 && <span> · bank {formatDuration(clock.bankMs)}</span>}
    </div>
  );
}
