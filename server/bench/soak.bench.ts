/**
 * Soak: 40 bot tables in one arena process for a long while, reporting how the heap (after a
 * forced GC) and the RSS move once warmed up. Tables are heads-up NLHE cash matches of bots
 * through the real arena (rooms, live matches, the PGlite store on its thread, as `parley start`
 * opens it: the RSS counts that thread too); each is replaced by a fresh one
 * when it ends, so the arena keeps a constant load and a flat memory is the expectation: the
 * target is under 2 MiB per minute. Finished rooms close after 10 s instead of 5 minutes so the
 * run reaches its steady state quickly.
 * `npm run bench -w server -- soak`; PARLEY_SOAK_MINUTES (default 2; the run is 10),
 * PARLEY_SOAK_TABLES (40), PARLEY_SOAK_PACE_MS (bot thinking time per decision, 50).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchMaker } from '@colyseus/core';
import { createArena } from '../src/arena/server';
import { openStore } from '../src/store';
import { heapAfterGc, slope } from './support/heap';

const MINUTES = Number(process.env.PARLEY_SOAK_MINUTES ?? 2);
const TABLES = Number(process.env.PARLEY_SOAK_TABLES ?? 40);
const PACE_MS = Number(process.env.PARLEY_SOAK_PACE_MS ?? 50);
const SAMPLE_MS = 5_000;
/** Samples before this are warm-up: JIT, the store's caches, the first tables' records. */
const WARMUP_MS = Math.max(30_000, MINUTES * 60_000 * 0.3);

const dir = mkdtempSync(join(tmpdir(), 'parley-soak-'));
const store = await openStore({ env: { PARLEY_DATA_DIR: dir }, thread: true });
const arena = await createArena({ port: 0, host: '127.0.0.1', store, lingerMs: 10_000, dataDir: dir });
const MiB = 2 ** 20;
let stopped = false;
let matches = 0;
let finishedActions = 0;

async function table(): Promise<void> {
  while (!stopped) {
    const created = await arena.service.create({
      game: 'nlhe',
      params: { players: 2, format: 'cash', hands: 40, rebuy: true },
      seats: ['tag', 'call'],
      paceMs: PACE_MS,
      seed: matches + 1,
    });
    if (!created.ok) throw new Error(created.message);
    await matchMaker.createRoom('match', { matchId: created.matchId });
    matches++;
    const live = arena.service.live.get(created.matchId);
    await live?.done;
    finishedActions += live?.actionsPlayed ?? 0;
  }
}

console.log(
  `soak: ${TABLES} heads-up NLHE bot tables, ${PACE_MS} ms per decision, ${MINUTES} min (warm-up ${WARMUP_MS / 1000} s)`,
);
const tables = Array.from({ length: TABLES }, () => table());
const started = performance.now();
const samples: { min: number; heap: number; rss: number }[] = [];
let matches0 = 0;
let actions0 = 0;
/** Every action played so far: finished matches' and the running ones'. */
const actionsPlayed = () =>
  finishedActions + [...arena.service.live.values()].reduce((n, l) => n + (l.status === 'running' ? l.actionsPlayed : 0), 0);
while (performance.now() - started < MINUTES * 60_000) {
  await new Promise((r) => setTimeout(r, SAMPLE_MS));
  const t = performance.now() - started;
  const sample = { min: t / 60_000, heap: heapAfterGc() / MiB, rss: process.memoryUsage().rss / MiB };
  samples.push(sample);
  if (t >= WARMUP_MS && matches0 === 0) {
    matches0 = matches;
    actions0 = actionsPlayed();
  }
  console.log(
    `  ${sample.min.toFixed(1).padStart(5)} min  heap ${sample.heap.toFixed(1).padStart(7)} MiB  rss ${sample.rss.toFixed(0).padStart(6)} MiB  matches started ${matches}  actions ${actionsPlayed()}`,
  );
}
stopped = true;
const steady = samples.filter((s) => s.min * 60_000 >= WARMUP_MS);
const heapSlope = slope(
  steady.map((s) => s.min),
  steady.map((s) => s.heap),
);
const rssSlope = slope(
  steady.map((s) => s.min),
  steady.map((s) => s.rss),
);
const verdict = (x: number) => (x < 2 ? 'under the 2 MiB/min target' : 'OVER the 2 MiB/min target');
console.log(`heap slope after warm-up: ${heapSlope.toFixed(2)} MiB/min (${verdict(heapSlope)})`);
console.log(`RSS slope after warm-up:  ${rssSlope.toFixed(2)} MiB/min (${verdict(rssSlope)})`);
const steadyMinutes = MINUTES - WARMUP_MS / 60_000;
console.log(
  `after warm-up: ${matches - matches0} matches started, ${actionsPlayed() - actions0} actions (${Math.round((actionsPlayed() - actions0) / (steadyMinutes * 60))}/s)`,
);
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
void tables;
await arena.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
