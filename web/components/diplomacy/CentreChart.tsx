'use client';

import { useRef } from 'react';
import { POWER_COLOUR } from '../../lib/diplomacy/colours';
import { POWERS } from '../../lib/diplomacy/model';
import { POWER_NAMES } from '../../lib/format';

/** Supply centres per power at one phase, in power order. */
export interface CentrePoint {
  phase: string;
  counts: number[];
}

/**
 * The centre counts seen so far, one point per phase: a live view only ever shows the board as it
 * stands, so the history is what this page has watched (a new phase adds a point; a repeat of the
 * same phase replaces it).
 */
export function useCentreHistory(phase: string | null, counts: number[] | null): CentrePoint[] {
  const history = useRef<CentrePoint[]>([]);
  if (phase && counts) {
    const last = history.current.at(-1);
    if (last?.phase === phase) last.counts = counts;
    else history.current = [...history.current, { phase, counts }];
  }
  return history.current;
}

const W = 320;
const H = 120;
const PAD = 18;
const MAX = 18;

/** Lines of supply centres per power over the phases watched, up to the 18 that win. */
export function CentreChart({ points, caption }: { points: readonly CentrePoint[]; caption: string }) {
  if (points.length === 0) return null;
  const x = (i: number) => PAD + (points.length === 1 ? 0 : (i * (W - 2 * PAD)) / (points.length - 1));
  const y = (n: number) => H - PAD - (Math.min(n, MAX) * (H - 2 * PAD)) / MAX;
  const latest = points.at(-1)!;
  return (
    <figure className="centre-chart" style={{ margin: 0 }} data-testid="centre-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${caption}: ${summary(latest.counts)}`} width="100%">
        <line x1={PAD} x2={W - PAD} y1={y(MAX)} y2={y(MAX)} stroke="#ccc" strokeDasharray="3 3" />
        <text x={PAD} y={y(MAX) - 4} fontSize="9" fill="#777">
          18 to win
        </text>
        <line x1={PAD} x2={W - PAD} y1={y(0)} y2={y(0)} stroke="#999" />
        {POWERS.map((p, k) => (
          <polyline
            key={p}
            fill="none"
            stroke={POWER_COLOUR[p]}
            strokeWidth="2"
            points={points.map((pt, i) => `${x(i)},${y(pt.counts[k] ?? 0)}`).join(' ')}
          />
        ))}
        <text x={PAD} y={H - 4} fontSize="9" fill="#777">
          {points[0]!.phase}
        </text>
        <text x={W - PAD} y={H - 4} fontSize="9" fill="#777" textAnchor="end">
          {latest.phase}
        </text>
      </svg>
      <figcaption className="small muted">{caption}</figcaption>
    </figure>
  );
}

const summary = (counts: number[]) => counts.map((n, i) => `${POWER_NAMES[i]} ${n}`).join(', ');
