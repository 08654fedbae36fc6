/**
 * A diagnostic the arena bench loads into the server process (`node --import`) when
 * PARLEY_BENCH_TRACE=FILE is set: it finds what blocks the main thread. It times every
 * synchronous run of PGlite's WebAssembly on the main thread (`execProtocolRawSync`: one protocol
 * message, run to completion) with the first words of its SQL, observes garbage collections,
 * and notes every event-loop stall over 50 ms (a 10 ms ticker arriving late). Once a second it
 * appends a JSON line to FILE: the stalls, GCs and PGlite runs over 10 ms, with wall-clock
 * timestamps so the bench can line them up with its /api/health answers, and the second's
 * totals. Diagnostics only: the server itself never loads this. (The arena's embedded database
 * now runs on a thread of its own, store/thread-store.ts, so its PGlite runs show only where a
 * database is opened on the main thread.)
 */
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';

const file = process.env.PARLEY_BENCH_TRACE;
if (file) {
  let second = fresh();
  let sinceTick = { pg: 0, runs: 0, gc: 0 };
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();

  // Which statement a protocol message carries: a simple query ('Q') or a parse ('P', after a name).
  const sqlOf = (bytes) => {
    const kind = String.fromCharCode(bytes[0] ?? 0);
    if (kind !== 'Q' && kind !== 'P') return kind;
    let text = Buffer.from(bytes.subarray(5, 5 + 200)).toString('latin1');
    if (kind === 'P') text = text.slice(text.indexOf('\0') + 1);
    return `${kind} ${text.split('\0')[0].replace(/\s+/g, ' ').slice(0, 70)}`;
  };
  const original = PGlite.prototype.execProtocolRawSync;
  PGlite.prototype.execProtocolRawSync = function traced(message) {
    const t0 = performance.now();
    try {
      return original.call(this, message);
    } finally {
      const ms = performance.now() - t0;
      second.pgCalls++;
      second.pgMs += ms;
      second.pgMaxMs = Math.max(second.pgMaxMs, ms);
      sinceTick.pg += ms;
      sinceTick.runs++;
      if (ms >= 10) second.slowPg.push({ at: Date.now(), ms: round(ms), sql: sqlOf(message) });
    }
  };

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      second.gcMs += e.duration;
      sinceTick.gc += e.duration;
      // kind: 1 minor (scavenge), 2 major (mark-sweep-compact), 4 incremental, 8 weak callbacks.
      if (e.duration >= 10)
        second.gcs.push({ at: Math.round(performance.timeOrigin + e.startTime), ms: round(e.duration), kind: e.detail?.kind });
    }
  }).observe({ entryTypes: ['gc'] });

  let expected = performance.now() + 10;
  setInterval(() => {
    const now = performance.now();
    const late = now - expected;
    // What the main thread did between the ticks: PGlite's runs (and how many) and GC.
    if (late >= 50)
      second.stalls.push({
        at: Date.now(),
        ms: round(late),
        pg: round(sinceTick.pg),
        runs: sinceTick.runs,
        gc: round(sinceTick.gc),
      });
    sinceTick = { pg: 0, runs: 0, gc: 0 };
    expected = now + 10;
  }, 10).unref();

  setInterval(() => {
    const { heapUsed } = process.memoryUsage();
    const line = {
      at: Date.now(),
      ...second,
      pgMs: round(second.pgMs),
      pgMaxMs: round(second.pgMaxMs),
      gcMs: round(second.gcMs),
      loopP99Ms: round(loop.percentile(99) / 1e6),
      loopMaxMs: round(loop.max / 1e6),
      heapMiB: round(heapUsed / 2 ** 20),
      rssMiB: round(process.memoryUsage.rss() / 2 ** 20),
    };
    loop.reset();
    second = fresh();
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, 1000).unref();
}

function fresh() {
  return { pgCalls: 0, pgMs: 0, pgMaxMs: 0, gcMs: 0, slowPg: [], gcs: [], stalls: [] };
}

function round(x) {
  return Math.round(x * 10) / 10;
}
