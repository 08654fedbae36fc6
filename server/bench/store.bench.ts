/**
 * Events written per second to the embedded PGlite database: with the store's group commit
 * (a transaction per batch of up to 500 events or 25 ms) against one transaction per event,
 * both fed the way live matches feed it (several matches, one event per call, not waiting for
 * each). An event counts once its promise resolved, that is once it is durable. The in-memory
 * store is shown for scale.
 */
import { measureAsync } from '@parley/games/bench';
import { openDatabase } from '../src/store/database';
import { MemoryStore } from '../src/store/memory-store';
import { PrismaStore } from '../src/store/prisma-store';
import { freshPgliteDir, newMatch } from '../src/store/testing/support';
import type { MatchStore } from '../src/store/types';

const MATCHES = 4;
let round = 0;

/** Creates MATCHES new matches, appends `perMatch` events to each, one per call, and waits until all are durable. */
async function feed(store: MatchStore, perMatch: number): Promise<number> {
  const ids = Array.from({ length: MATCHES }, (_, i) => `bench-${round}-${i}`);
  round++;
  for (const id of ids) await store.createMatch(newMatch(id));
  const writes: Promise<void>[] = [];
  for (let seq = 0; seq < perMatch; seq++)
    for (const id of ids) {
      const payload = { seq, actor: seq % 2, action: seq % 3 === 0 ? 'bet' : 'call', ms: 3 };
      writes.push(store.appendEvents(id, [{ seq, kind: 'action', payload, at: Date.now() }]));
    }
  await Promise.all(writes);
  return perMatch * MATCHES;
}

const folder = await freshPgliteDir();
const db = await openDatabase({ kind: 'pglite', dir: folder.dir });
try {
  const batched = new PrismaStore(db, { ownsDatabase: false });
  const oneByOne = new PrismaStore(db, { ownsDatabase: false, maxItems: 1, maxDelayMs: 0 });
  const memory = new MemoryStore();
  await measureAsync('store: PGlite, batched (500 events / 25 ms)', 'events', () => feed(batched, 2_500), { rounds: 5 });
  await measureAsync('store: PGlite, one transaction per event', 'events', () => feed(oneByOne, 150), { rounds: 5 });
  await measureAsync('store: in memory', 'events', () => feed(memory, 25_000), { rounds: 5 });
  const { batches, items } = batched.stats;
  console.log(`  batched store: ${items.toLocaleString('en-US')} events in ${batches} transactions`);
  await batched.close();
  await oneByOne.close();
} finally {
  await db.close();
  folder.remove();
}
