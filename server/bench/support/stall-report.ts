/**
 * Reads what `stall-trace.mjs` wrote in the server and the bench's health answers, and prints
 * each /api/health answer over 100 ms beside what the server's main thread did in the two seconds
 * before it ended: event-loop stalls, PGlite's synchronous runs and GCs over 10 ms. Then the
 * totals of the whole run: PGlite runs by statement, GCs by kind.
 */
import { existsSync, readFileSync } from 'node:fs';

interface Timed {
  at: number;
  ms: number;
}
interface Second {
  at: number;
  pgCalls: number;
  pgMs: number;
  pgMaxMs: number;
  gcMs: number;
  loopP99Ms: number;
  loopMaxMs: number;
  heapMiB: number;
  rssMiB: number;
  slowPg: (Timed & { sql: string })[];
  gcs: (Timed & { kind: number })[];
  stalls: (Timed & { pg: number; runs: number; gc: number })[];
}

const lines = <T>(file: string): T[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as T)
    : [];

export function explainSlowHealth(file: string): void {
  const seconds = lines<Second>(file);
  const answers = lines<Timed & { base: string }>(`${file}.health`);
  const pg = seconds.flatMap((s) => s.slowPg);
  const gcs = seconds.flatMap((s) => s.gcs);
  const stalls = seconds.flatMap((s) => s.stalls);
  const slow = answers.filter((a) => a.ms > 100);
  const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  console.log(`\nhealth: ${answers.length} answers, p50 ${q(0.5)} p99 ${q(0.99)} max ${q(1)} ms; ${slow.length} over 100 ms`);
  const within = <T extends Timed>(xs: T[], end: number) => xs.filter((x) => x.at <= end + 50 && x.at >= end - 2000);
  for (const a of slow.slice(0, 40)) {
    const pgHere = within(pg, a.at);
    const gcHere = within(gcs, a.at);
    const stallHere = within(stalls, a.at);
    const sum = (xs: Timed[]) => Math.round(xs.reduce((s, x) => s + x.ms, 0));
    console.log(
      `  ${new Date(a.at).toISOString().slice(11, 23)} ${a.ms} ms: stalls ${stallHere.map((s) => s.ms).join(',') || '-'}; ` +
        `PGlite ${pgHere.length} runs ≥10 ms (${sum(pgHere)} ms, max ${Math.max(0, ...pgHere.map((p) => p.ms))}: ${pgHere.sort((x, y) => y.ms - x.ms)[0]?.sql ?? '-'}); ` +
        `GC ${gcHere.map((g) => `${g.ms}(${g.kind})`).join(',') || '-'}`,
    );
  }
  const bySql = new Map<string, { n: number; ms: number; max: number }>();
  for (const p of pg) {
    const key = p.sql.slice(0, 40);
    const e = bySql.get(key) ?? { n: 0, ms: 0, max: 0 };
    bySql.set(key, { n: e.n + 1, ms: e.ms + p.ms, max: Math.max(e.max, p.ms) });
  }
  console.log(
    `PGlite runs ≥10 ms by statement (of ${seconds.reduce((s, x) => s + x.pgCalls, 0)} runs, ${Math.round(seconds.reduce((s, x) => s + x.pgMs, 0))} ms in all):`,
  );
  for (const [sql, e] of [...bySql].sort((x, y) => y[1].ms - x[1].ms).slice(0, 10))
    console.log(`  ${String(e.n).padStart(6)} × ${sql.padEnd(40)} ${Math.round(e.ms)} ms, max ${e.max}`);
  for (const kind of [1, 2, 4, 8]) {
    const k = gcs.filter((g) => g.kind === kind);
    if (k.length) console.log(`GC kind ${kind}: ${k.length} over 10 ms, max ${Math.max(...k.map((g) => g.ms))} ms`);
  }
  const total = (key: 'ms' | 'pg' | 'gc') => Math.round(stalls.reduce((s, x) => s + (x[key] ?? 0), 0));
  console.log(
    `stalls over 50 ms: ${stalls.length}, max ${Math.max(0, ...stalls.map((s) => s.ms))} ms, ${total('ms')} ms in all, of which PGlite ran ${total('pg')} ms and GC ${total('gc')} ms`,
  );
  for (const s of [...stalls].sort((a, b) => b.ms - a.ms).slice(0, 12))
    console.log(
      `  ${new Date(s.at).toISOString().slice(11, 23)} stall ${s.ms} ms: PGlite ${s.pg} ms in ${s.runs} runs, GC ${s.gc} ms`,
    );
}
