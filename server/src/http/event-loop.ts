/**
 * The event loop's delay, for /api/health: how late timers and I/O callbacks run, which is what
 * every WebSocket message and HTTP request waits on a busy server. Each read reports the window
 * since the previous read that is at least a second old, then starts a new window, so a monitor
 * polling health sees the delay in between; reads closer together get the last window again.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface EventLoopDelay {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function eventLoopDelay(now: () => number = () => performance.now()): () => EventLoopDelay {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let since = now();
  let last: EventLoopDelay = { p50Ms: 0, p99Ms: 0, maxMs: 0 };
  const ms = (ns: number) => Math.round(ns / 1e4) / 100;
  return () => {
    if (now() - since < 1000) return last;
    if (histogram.count > 0)
      last = { p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max) };
    histogram.reset();
    since = now();
    return last;
  };
}
