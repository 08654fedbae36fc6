/** The group-commit writer on its own, with a fake transaction: batching, ordering, failures. */
import { describe, expect, it } from 'vitest';
import { WriteBatcher } from './batcher';

type Batch = ReadonlyMap<string, number[]>;

function recording(fail: (batch: Batch) => boolean = () => false, delayMs = 1) {
  const written: Batch[] = [];
  const write = async (batch: Batch) => {
    await new Promise((r) => setTimeout(r, delayMs));
    if (fail(batch)) throw new Error(`failed ${[...batch.keys()].join(',')}`);
    written.push(batch);
  };
  return { written, write };
}

describe('WriteBatcher', () => {
  it('gathers many small writes into few batches, in order', async () => {
    const { written, write } = recording(() => false, 5);
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
    const { written, write } = recording(() => false, 20);
    const batcher = new WriteBatcher<number>(write, undefined, { maxDelayMs: 5 });
    let resolved = false;
    const pending = batcher.enqueue('a', [1]).then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(resolved).toBe(false);
    await pending;
    expect(written).toHaveLength(1);
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
    const { written, write } = recording((b) => b.has('bad'), 1);
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
    let gate!: () => void;
    const slow = new WriteBatcher<number>(
      async (b) => {
        await new Promise<void>((r) => (gate = r));
        if (b.has('x')) throw new Error('x failed');
      },
      undefined,
      { maxDelayMs: 1 },
    );
    const first = slow.enqueue('x', [1]);
    await new Promise((r) => setTimeout(r, 10)); // the first batch is now being written
    const second = slow.enqueue('x', [2]);
    const unrelated = slow.enqueue('y', [3]);
    gate();
    await expect(first).rejects.toThrow('x failed');
    await expect(second).rejects.toThrow('x failed');
    await new Promise((r) => setTimeout(r, 10));
    gate();
    await unrelated;
  });

  it('refuses writes after close', async () => {
    const { write } = recording();
    const batcher = new WriteBatcher<number>(write);
    await batcher.close();
    await expect(batcher.enqueue('a', [1])).rejects.toThrow(/store\/closed/);
  });
});
