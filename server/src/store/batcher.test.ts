/** The group-commit writer on its own, with a fake transaction: batching, ordering, failures. */
import { describe, expect, it } from 'vitest';
import { WriteBatcher } from './batcher';

type Batch = ReadonlyMap<string, number[]>;

/** Lets the event loop turn until `ready()` holds: waits for what the batcher does, never for time. */
async function turnsUntil(ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100_000; i++) {
    if (ready()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`never happened: ${what}`);
}

function recording(fail: (batch: Batch) => boolean = () => false) {
  const written: Batch[] = [];
  const write = async (batch: Batch) => {
    await new Promise((r) => setImmediate(r));
    if (fail(batch)) throw new Error(`failed ${[...batch.keys()].join(',')}`);
    written.push(batch);
  };
  return { written, write };
}

describe('WriteBatcher', () => {
  it('gathers many small writes into few batches, in order', async () => {
    const { written, write } = recording(() => false);
    const batcher = new WriteBatcher<number>(write, undefined, { maxDelayMs: 10, maxItems: 100 });
    const writes = [];
    for (let i = 0; i < 1000; i++) writes.push(batcher.enqueue(`k${i % 4}`, [i]));
    await Promise.all(writes);
    expect(batcher.stats).toMatchObject({ batches: 10, items: 1000, retries: 0 });
    for (const key of ['k0', 'k1', 'k2', 'k3']) {
      const seen = written.flatMap((b) => b.get(key) ?? []);
      expect(seen).toEqual(Array.from({ length: 250 }, (_, j) => j * 4 + Number(key[1])));
    }
  });

  it('resolves a write only once its batch is written', async () => {
    let release: (() => void) | undefined;
    let writes = 0;
    const batcher = new WriteBatcher<number>(
      async () => {
        writes++;
        await new Promise<void>((r) => (release = r));
      },
      undefined,
      { maxDelayMs: 1 },
    );
    let resolved = false;
    const pending = batcher.enqueue('a', [1]).then(() => (resolved = true));
    await turnsUntil(() => release !== undefined, 'the batch to be written');
    expect(resolved).toBe(false); // being written, not yet durable
    release?.();
    await pending;
    expect(writes).toBe(1);
  });

  it('writes a lone small write after the delay, and at once on flush', async () => {
    const { written, write } = recording();
    const batcher = new WriteBatcher<number>(write, undefined, { maxDelayMs: 60_000 });
    const pending = batcher.enqueue('a', [1, 2]);
    await batcher.flush();
    await pending;
    expect(written.map((b) => [...b])).toEqual([[['a', [1, 2]]]]);
  });

  it("isolates one key's failure from the others in its batch, and drops that key's later writes", async () => {
    const failures: string[] = [];
    const { written, write } = recording((b) => b.has('bad'));
    const batcher = new WriteBatcher<number>(write, (key) => failures.push(key), { maxDelayMs: 5 });
    const good = batcher.enqueue('good', [1]);
    const bad = batcher.enqueue('bad', [2]);
    const other = batcher.enqueue('other', [3]);
    await expect(bad).rejects.toThrow('failed bad');
    await Promise.all([good, other]);
    expect(failures).toEqual(['bad']);
    expect(written.flatMap((b) => [...b.keys()]).sort()).toEqual(['good', 'other']);
    expect(batcher.stats.retries).toBe(3);

    // A key's writes queued behind a failed one are refused too: they would leave a gap.
    let gate: (() => void) | undefined;
    const slow = new WriteBatcher<number>(
      async (b) => {
        await new Promise<void>((r) => (gate = r));
        if (b.has('x')) throw new Error('x failed');
      },
      undefined,
      { maxDelayMs: 1 },
    );
    const first = slow.enqueue('x', [1]);
    await turnsUntil(() => gate !== undefined, 'the first batch to be written');
    const second = slow.enqueue('x', [2]);
    const unrelated = slow.enqueue('y', [3]);
    const firstGate = gate;
    firstGate?.();
    await expect(first).rejects.toThrow('x failed');
    await expect(second).rejects.toThrow('x failed');
    await turnsUntil(() => gate !== firstGate, 'the next batch to be written');
    gate?.();
    await unrelated;
  });

  it('refuses writes after close', async () => {
    const { write } = recording();
    const batcher = new WriteBatcher<number>(write);
    await batcher.close();
    await expect(batcher.enqueue('a', [1])).rejects.toThrow(/store\/closed/);
  });
});
