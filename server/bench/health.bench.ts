/**
 * `/api/health` latency while the arena plays tournaments in its own thread (a Diplomacy
 * tournament of bots to 1910 and a Kuhn tournament): the target is an answer within 100 ms
 * whatever runs. Prints median, p95 and the worst of PARLEY_BENCH_POLLS polls (default 300).
 * `npm run bench -w server -- health`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArena } from '../src/arena/server';
import { OPERATOR } from '../src/auth/principal';
import { MemoryStore } from '../src/store/memory-store';

const POLLS = Number(process.env.PARLEY_BENCH_POLLS ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'parley-health-bench-'));
const arena = await createArena({
  port: 0,
  host: '127.0.0.1',
  store: new MemoryStore(),
  dataDir: dir,
  principalOf: () => OPERATOR,
});
const base = `http://127.0.0.1:${arena.port}`;
const post = (body: unknown) =>
  fetch(`${base}/api/tournaments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function poll(label: string): Promise<void> {
  const latencies: number[] = [];
  for (let i = 0; i < POLLS; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/health`);
    await res.json();
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]?.toFixed(1);
  console.log(`/api/health ${label.padEnd(24)} median ${at(0.5)} ms, p95 ${at(0.95)} ms, worst ${at(1)} ms over ${POLLS} polls`);
}

// The same polls with nothing running first: on a loaded machine the ratio says more than the figures.
await poll('idle');
await post({
  name: 'busy-diplomacy',
  game: 'diplomacy',
  params: { lastYear: 1910 },
  participants: ['heuristic', 'random'],
  format: { type: 'population', matches: 2000 },
});
await post({
  name: 'busy-kuhn',
  game: 'kuhn',
  participants: ['random', 'call'],
  format: { type: 'population', matches: 500_000 },
});

await poll('during two tournaments');
await arena.close();
rmSync(dir, { recursive: true, force: true });
