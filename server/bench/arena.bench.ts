/**
 * Heads-up No-Limit Hold'em tables against a real server: bots in separate processes
 * (`arena-bots.ts`, real WebSocket clients) think one second per decision, as a fast person or
 * model does, so 1,000 tables offer about 1,000 actions/s. For each size (100, 500, 1,000) it
 * reports how fast the tables opened, actions/s, the server's p50/p99 latency (from an `act`
 * message being read to the patch with its new state written to both seats; /api/health's
 * histogram, see rooms/act-latency.ts), the same seen from the bots (from the `act` leaving a bot
 * until the new state has reached both seats: the server's latency plus the loopback and the
 * bots' own event-loop delays on the same two cores, an upper bound), the server's event-loop
 * delay, /api/health's worst answer time and the server's RSS per table. Then the closed-loop
 * maximum: the same tables with bots answering at once. Every phase is bounded in time.
 *
 *   npm run bench -w server -- arena
 *   PARLEY_BENCH_TABLES=100,500   sizes               PARLEY_BENCH_MS=20000   measuring time per size
 *   PARLEY_BENCH_PROCESSES=2      server processes (`parley start --processes N`: Redis and
 *                                 PostgreSQL are started for it)      PARLEY_BENCH_BOTS=2   bot processes
 *   PARLEY_BENCH_PROFILE=DIR      a CPU profile of the first server process
 *   PARLEY_BENCH_NODE_ARGS='…'    Node options for the server processes (e.g. V8's heap sizes)
 *   PARLEY_BENCH_TRACE=FILE       what blocks the first server's main thread (support/stall-trace.mjs:
 *                                 PGlite runs, GCs, stalls, a JSON line a second) and every /api/health
 *                                 answer's time (FILE.health); then the health answers over 100 ms, each
 *                                 with what happened in the server in the 2 s before it ended
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerProcess, startServerProcess } from '../src/arena/testing/process';
import { freePort, type Service, startPostgres, startRedis } from '../src/arena/testing/services';
import { type LatencyHistogram, latencyQuantile } from '../src/rooms/act-latency';
import type { BotCommand, BotReply } from './arena-bots';
import { explainSlowHealth } from './support/stall-report';

const sizes = (process.env.PARLEY_BENCH_TABLES ?? '100,500,1000').split(',').map(Number);
const MEASURE_MS = Number(process.env.PARLEY_BENCH_MS ?? 20_000);
const OPEN_LIMIT_MS = Number(process.env.PARLEY_BENCH_OPEN_MS ?? 180_000);
const SERVERS = Number(process.env.PARLEY_BENCH_PROCESSES ?? 1);
const BOTS = Number(process.env.PARLEY_BENCH_BOTS ?? 2);
const THINK_MS = 1000;
const table = { game: 'nlhe', params: { players: 2, format: 'cash', hands: 100_000 } };

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const services: Service[] = [];
// The bots open their tables as the operator, whom the role limits let run a thousand.
const operatorToken = randomBytes(32).toString('base64url');
const env: Record<string, string> = { PARLEY_DATA_DIR: dir, PARLEY_OPERATOR_TOKEN: operatorToken };
// PARLEY_BENCH_PROFILE=DIR writes the first server process's CPU profile there.
const profile = process.env.PARLEY_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PARLEY_BENCH_PROFILE}`] : [];
// PARLEY_BENCH_NODE_ARGS='--max-semi-space-size=64' tries V8 settings on the server processes alone.
profile.push(...(process.env.PARLEY_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean));
const trace = process.env.PARLEY_BENCH_TRACE;
if (trace) {
  env.PARLEY_BENCH_TRACE = trace;
  profile.push('--import', fileURLToPath(new URL('./support/stall-trace.mjs', import.meta.url)));
}
if (SERVERS > 1) {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  services.push(postgres, redis);
  Object.assign(env, { DATABASE_URL: postgres.url, REDIS_URL: redis.url });
}
const port = await freePort();
const server: ServerProcess = await startServerProcess(port, env, ['--processes', String(SERVERS)], profile);
// Process i listens on port + i (see `parley start --processes`).
const bases = Array.from({ length: SERVERS }, (_, i) => `http://127.0.0.1:${port + i}`);

interface Health {
  rssBytes: number;
  eventLoop: { p50Ms: number; p99Ms: number; maxMs: number };
  actLatency: LatencyHistogram;
}
async function health(base: string): Promise<{ ms: number; body: Health }> {
  const t0 = performance.now();
  const body = (await (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(30_000) })).json()) as Health;
  const ms = performance.now() - t0;
  if (trace) appendFileSync(`${trace}.health`, `${JSON.stringify({ at: Date.now(), base, ms: Math.round(ms) })}\n`);
  return { ms, body };
}

/** Probes every server's health every 250 ms; `take()` returns the worst answer and event-loop delay since the last take. */
function healthWatch() {
  let worstMs = 0;
  let loopP99 = 0;
  let loopMax = 0;
  let stopped = false;
  void (async () => {
    while (!stopped) {
      const answers = await Promise.all(bases.map((b) => health(b).catch(() => ({ ms: 30_000, body: null }))));
      for (const a of answers) {
        worstMs = Math.max(worstMs, a.ms);
        if (a.body) {
          loopP99 = Math.max(loopP99, a.body.eventLoop.p99Ms);
          loopMax = Math.max(loopMax, a.body.eventLoop.maxMs);
        }
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    take() {
      const out = { worstMs, loopP99, loopMax };
      worstMs = loopP99 = loopMax = 0;
      return out;
    },
    stop() {
      stopped = true;
    },
  };
}

const botFile = fileURLToPath(new URL('./arena-bots.ts', import.meta.url));
const bots: ChildProcess[] = Array.from({ length: BOTS }, () => fork(botFile, [], { execArgv: ['--import', 'tsx'] }));
function ask<T extends BotReply['type']>(bot: ChildProcess, command: BotCommand, reply: T, timeoutMs: number) {
  return new Promise<Extract<BotReply, { type: T }> | null>((resolve) => {
    const timer = setTimeout(() => {
      bot.off('message', on);
      resolve(null);
    }, timeoutMs);
    const on = (m: BotReply) => {
      if (m.type !== reply) return;
      clearTimeout(timer);
      bot.off('message', on);
      resolve(m as Extract<BotReply, { type: T }>);
    };
    bot.on('message', on);
    bot.send(command);
  });
}

const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;
const f = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
/** The servers' RSS in total (NaN when one does not answer within 30 s) and their act latencies summed. */
async function serverTotals(): Promise<{ rss: number; latency: LatencyHistogram | null }> {
  const answers = await Promise.all(bases.map((b) => health(b).catch(() => null)));
  let latency: LatencyHistogram | null = null;
  for (const a of answers) {
    const h = a?.body.actLatency;
    if (!h) continue;
    latency = latency ? { ...h, counts: h.counts.map((c, i) => c + (latency?.counts[i] ?? 0)) } : h;
  }
  return { rss: answers.reduce((sum, a) => sum + (a?.body.rssBytes ?? Number.NaN), 0), latency };
}
const serverRss = async () => (await serverTotals()).rss;

async function measure(label: string, tables: number, baseline: number, watch: ReturnType<typeof healthWatch>) {
  await Promise.all(bots.map((b) => ask(b, { type: 'report' }, 'report', 30_000))); // warm-up counts dropped
  watch.take();
  const before = await serverTotals();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  const reports = await Promise.all(bots.map((b) => ask(b, { type: 'report' }, 'report', 30_000)));
  const seconds = (performance.now() - t0) / 1000;
  const h = watch.take();
  const lat = reports.flatMap((r) => r?.latencies ?? []).sort((a, b) => a - b);
  const actions = reports.reduce((s, r) => s + (r?.actions ?? 0), 0);
  const after = await serverTotals();
  const server = (q: number) =>
    before.latency && after.latency ? `≤${f(latencyQuantile(before.latency, after.latency, q))}` : '–';
  const rss = after.rss;
  console.log(
    `${label.padEnd(18)} ${f(actions / seconds).padStart(6)} actions/s   server p50 ${server(0.5)} p99 ${server(0.99)} ms   at the bots p50 ${f(quantile(lat, 0.5), 1)} p99 ${f(quantile(lat, 0.99), 1)} ms   event loop p99 ${f(h.loopP99, 1)} ms (max ${f(h.loopMax)})   health worst ${f(h.worstMs)} ms   RSS ${f(rss / 2 ** 20)} MiB (${f((rss - baseline) / 2 ** 10 / Math.max(1, tables))} KiB/table)`,
  );
}

console.log(
  `heads-up NLHE tables; ${BOTS} bot processes (WebSocket clients, ${THINK_MS} ms per decision); ${SERVERS} server process(es), ${SERVERS > 1 ? 'PostgreSQL and Redis' : 'PGlite'}; ${MEASURE_MS / 1000} s per size`,
);
const baseline = await serverRss();
const watch = healthWatch();
let open = 0;
try {
  for (const n of sizes) {
    const want = n - open;
    const t0 = performance.now();
    const opened = await Promise.all(
      bots.map((b, i) =>
        ask(
          b,
          {
            type: 'open',
            count: Math.floor(want / BOTS) + (i < want % BOTS ? 1 : 0),
            base: bases[i % bases.length] as string,
            token: operatorToken,
            thinkMs: THINK_MS,
            table,
          },
          'opened',
          OPEN_LIMIT_MS,
        ),
      ),
    );
    const openSeconds = (performance.now() - t0) / 1000;
    const got = opened.reduce((s, o) => s + (o?.opened ?? 0), 0);
    open += got;
    const failed = opened.reduce((s, o) => s + (o?.failed ?? 0), 0);
    const timedOut = opened.some((o) => o === null);
    const h = watch.take();
    console.log(
      `${String(n).padStart(5)} tables: opened ${got} in ${f(openSeconds, 1)} s (${f(got / openSeconds, 1)} tables/s)${failed ? `, ${failed} failed (${opened.find((o) => o?.firstError)?.firstError})` : ''}${timedOut ? `, not all open after ${OPEN_LIMIT_MS / 1000} s` : ''}; health worst ${f(h.worstMs)} ms while opening`,
    );
    if (timedOut) break;
    await measure(`  ${open} tables`, open, baseline, watch);
  }
  for (const b of bots) b.send({ type: 'think', thinkMs: 0 } satisfies BotCommand);
  await measure(`  closed loop, ${open}`, open, baseline, watch);
} finally {
  watch.stop();
  await Promise.all(bots.map((b) => ask(b, { type: 'stop' }, 'report', 10_000)));
  for (const b of bots) b.kill('SIGKILL');
  await server.kill('SIGTERM'); // a clean stop: it stops its other processes (and writes a --cpu-prof)
  await Promise.all(services.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
}
if (trace) explainSlowHealth(trace);
