/**
 * Poker tables played by bots over real WebSockets against a real server process: throughput
 * (actions/s), p50/p99 action latency (an `act` sent until its `ack`, which the server sends once
 * the action is durable) and server memory per table, at 100, 500 and 1,000 concurrent tables.
 * `npm run bench -w server -- arena`; PARLEY_BENCH_TABLES=100,500 to choose the sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from '@colyseus/sdk';
import { findGame } from '@parley/games';
import { startServerProcess } from '../src/arena/testing/process';
import { freePort } from '../src/arena/testing/services';

const sizes = (process.env.PARLEY_BENCH_TABLES ?? '100,500,1000').split(',').map(Number);
const MEASURE_MS = Number(process.env.PARLEY_BENCH_MS ?? 10_000);
const table = findGame('nlhe')
  ? { game: 'nlhe', params: { players: 2, format: 'cash', hands: 100_000 } }
  : { game: 'leduc', params: {} };

const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
const port = await freePort();
const server = await startServerProcess(port, { PARLEY_DATA_DIR: dir });
const base = `http://127.0.0.1:${port}`;
const health = async () => (await (await fetch(`${base}/api/health`)).json()) as { rssBytes: number };

interface Seat {
  room: Room<any>;
  sentAt: Map<number, number>;
}
const latencies: number[] = [];
let acks = 0;

async function openTable(): Promise<Seat[]> {
  const res = await fetch(`${base}/api/matches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...table, seats: ['human', 'human'], clock: { actionMs: 60_000, bankMs: 0 } }),
  });
  const created = (await res.json()) as { matchId: string; seats: { token: string }[] };
  return Promise.all(
    created.seats.map(async ({ token }) => {
      const room = await new Client(base).joinById(created.matchId, { token });
      const seat: Seat = { room, sentAt: new Map() };
      let answered = -1;
      room.onMessage('ack', (m: { decision: number }) => {
        const t = seat.sentAt.get(m.decision);
        if (t !== undefined) latencies.push(performance.now() - t);
        seat.sentAt.delete(m.decision);
        acks++;
      });
      for (const t of ['error', 'seat', 'finished']) room.onMessage(t, () => {});
      room.onStateChange((state: any) => {
        const view = [...(state.views ?? [])][0];
        if (!view || view.decision < 0 || view.decision === answered) return;
        const legal = JSON.parse(view.legal) as string[];
        if (legal.length === 0) return;
        answered = view.decision;
        seat.sentAt.set(view.decision, performance.now());
        room.send('act', {
          decision: view.decision,
          actions: [legal.find((a) => a === 'check' || a === 'call') ?? (legal[0] as string)],
        });
      });
      return seat;
    }),
  );
}

const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;
console.log(`${table.game} heads-up tables, bots over WebSockets, server in its own process (PGlite store)`);
const baseline = (await health()).rssBytes;
let open: Seat[][] = [];
for (const n of sizes) {
  while (open.length < n) open.push(...(await Promise.all(Array.from({ length: Math.min(10, n - open.length) }, openTable))));
  await new Promise((r) => setTimeout(r, 2000));
  latencies.length = 0;
  acks = 0;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  const seconds = (performance.now() - t0) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const rss = (await health()).rssBytes;
  console.log(
    `${String(n).padStart(5)} tables (${open.length * 2} sockets): ${Math.round(acks / seconds)
      .toLocaleString('en-US')
      .padStart(
        8,
      )} actions/s   p50 ${quantile(sorted, 0.5).toFixed(1)} ms   p99 ${quantile(sorted, 0.99).toFixed(1)} ms   server RSS ${(rss / 2 ** 20).toFixed(0)} MiB (+${((rss - baseline) / 2 ** 20).toFixed(0)} MiB over the idle server)`,
  );
}
for (const t of open) for (const s of t) await s.room.leave().catch(() => undefined);
open = [];
await server.kill('SIGKILL');
rmSync(dir, { recursive: true, force: true });
