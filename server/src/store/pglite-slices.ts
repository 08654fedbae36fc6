/**
 * PGlite runs PostgreSQL as WebAssembly on the main thread, one protocol message at a time, and
 * the promises between its messages resolve as microtasks: a queue of statements (table
 * creations, a batch of records and its transaction) runs back to back without letting the event
 * loop turn, so WebSocket messages and /api/health wait for all of it. This gives the loop a turn
 * (`setImmediate`, after pending I/O) whenever PGlite has run for more than `budgetMs` since the
 * loop last turned, so the database holds the main thread for at most about one budget plus one
 * message at a time. PGlite's own lock stays held across the pause, so statements keep their
 * order and a transaction stays whole.
 */
import type { PGlite } from '@electric-sql/pglite';

/**
 * The main thread's time PGlite may take before the event loop gets a turn (ms), when an
 * operator turns slicing on (PARLEY_PGLITE_SLICE_MS=N; off by default). Each turn keeps PGlite's
 * lock held while the loop runs everything else that is ready, so on a loaded loop slicing
 * starves the database: in the arena bench on a machine at a load of 20–45, 100 tables did not
 * all open within 60 s with 8 or 30 ms slices (a creation's transaction timed out waiting for
 * the lock) where they opened in 49 s without slices. Measured on a quiet machine it may pay;
 * it was not, so it stays opt-in.
 */
export const PGLITE_SLICE_MS = 30;

export interface SliceStats {
  /** Protocol messages run, and how often the loop was given a turn before one. */
  runs: number;
  yields: number;
}

export function sliceProtocolRuns(
  pg: PGlite,
  budgetMs = PGLITE_SLICE_MS,
  now: () => number = () => performance.now(),
): SliceStats {
  const stats: SliceStats = { runs: 0, yields: 0 };
  let busy = 0; // PGlite's time since the event loop last turned
  let watching = false;
  const turned = () => {
    busy = 0;
    watching = false;
  };
  const run = pg.execProtocolRaw.bind(pg);
  pg.execProtocolRaw = async (message, options) => {
    if (busy >= budgetMs) {
      stats.yields++;
      await new Promise<void>((resolve) => setImmediate(resolve)); // `turned` was queued before, so it has run
    }
    stats.runs++;
    const t0 = now();
    const done = run(message, options); // the WebAssembly runs synchronously inside this call
    busy += now() - t0;
    if (!watching) {
      watching = true;
      setImmediate(turned);
    }
    return done;
  };
  return stats;
}
