/**
 * Batching on the database store: thousands of one-event appends from several matches become a
 * few transactions, each caller resolved once its event is durable. The throughput figures live
 * in server/bench/store.bench.ts.
 */
import { expect, it } from 'vitest';
import { events } from './testing/contract';
import { newMatch, openPgliteStore } from './testing/support';

// 1,000 appends in batches of at most 100 show the merging as well as 5,000 in batches of 500 did,
// at a fifth of the rows written and read back.
it('writes 1,000 one-event appends from 5 matches in about 10 transactions', async () => {
  const { store, dispose } = await openPgliteStore({ maxDelayMs: 25, maxItems: 100 });
  try {
    const ids = ['b0', 'b1', 'b2', 'b3', 'b4'];
    for (const id of ids) await store.createMatch(newMatch(id));
    const stats = (store as unknown as { stats: { batches: number; items: number } }).stats;
    const writes: Promise<void>[] = [];
    for (let n = 0; n < 200; n++) for (const id of ids) writes.push(store.appendEvents(id, events(n, 1)));
    await Promise.all(writes);
    expect(stats.items).toBe(1000);
    expect(stats.batches).toBeGreaterThanOrEqual(10);
    expect(stats.batches).toBeLessThanOrEqual(12);
    for (const id of ids) expect((await store.getMatch(id))!.eventCount).toBe(200);
  } finally {
    await dispose();
  }
});
