/**
 * The server's latency for an action: from its `act` message being read to the patch carrying
 * the state it made being written to every client of the room. Kept as cumulative counts in fixed
 * buckets, as a Prometheus histogram is, so a monitor (the arena bench, an operator's scraper)
 * differences two reads of /api/health and gets the exact distribution in between, to the
 * resolution of the buckets: a quantile is reported as the upper bound of its bucket.
 */

/** Upper bounds of the buckets, ms; a last, unbounded bucket holds the rest. */
export const LATENCY_BOUNDS_MS = [1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 1000, 2000, 5000] as const;

export interface LatencyHistogram {
  boundsMs: readonly number[];
  /** counts[i]: actions whose latency was at most boundsMs[i] and above the bound before; the last entry counts the rest. */
  counts: number[];
}

const counts: number[] = new Array(LATENCY_BOUNDS_MS.length + 1).fill(0);

export function recordActLatency(ms: number): void {
  let i = 0;
  while (i < LATENCY_BOUNDS_MS.length && ms > (LATENCY_BOUNDS_MS[i] as number)) i++;
  counts[i] = (counts[i] ?? 0) + 1;
}

/** Everything recorded since the process started. */
export function actLatency(): LatencyHistogram {
  return { boundsMs: LATENCY_BOUNDS_MS, counts: [...counts] };
}

/** The q-quantile (0..1) of what was recorded between two reads: a bucket's upper bound, Infinity past the last, NaN when nothing was. */
export function latencyQuantile(before: LatencyHistogram, after: LatencyHistogram, q: number): number {
  const diff = after.counts.map((c, i) => c - (before.counts[i] ?? 0));
  const total = diff.reduce((s, c) => s + c, 0);
  if (total === 0) return Number.NaN;
  let seen = 0;
  for (let i = 0; i < diff.length; i++) {
    seen += diff[i] as number;
    if (seen >= q * total) return after.boundsMs[i] ?? Number.POSITIVE_INFINITY;
  }
  return Number.POSITIVE_INFINITY;
}
