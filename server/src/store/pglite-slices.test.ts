import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sliceProtocolRuns } from './pglite-slices';
import { freshPgliteDir } from './testing/support';

describe('PGlite in slices', () => {
  let folder: Awaited<ReturnType<typeof freshPgliteDir>>;
  let pg: PGlite;
  // A clock that says every protocol message took 3 ms, whatever the machine's speed.
  let ticks = 0;
  const now = () => 3 * ticks++;
  let stats: ReturnType<typeof sliceProtocolRuns>;
  beforeAll(async () => {
    folder = await freshPgliteDir();
    pg = await PGlite.create({ dataDir: folder.dir });
    stats = sliceProtocolRuns(pg, 8, now);
    await pg.exec('CREATE TABLE t (n int PRIMARY KEY)');
  });
  afterAll(async () => {
    await pg.close();
    folder.remove();
  });

  it('lets the event loop turn while queued statements run, and keeps their order and results', async () => {
    const before = { runs: stats.runs, yields: stats.yields };
    let done = 0;
    const order: number[] = [];
    // Forty statements queued at once: without slices they would all run before any I/O or timer.
    const inserts = Array.from({ length: 40 }, (_, n) =>
      pg.query('INSERT INTO t (n) VALUES ($1)', [n]).then(() => {
        order.push(n);
        done++;
      }),
    );
    // How many statements had finished each time the event loop turned.
    const turns: number[] = [];
    const watch = () => {
      turns.push(done);
      if (done < 40) setImmediate(watch);
    };
    setImmediate(watch);
    await Promise.all(inserts);
    const between = new Set(turns.filter((d) => d > 0 && d < 40));
    expect(between.size).toBeGreaterThan(2); // the loop turned again and again between the statements
    expect(order).toEqual(Array.from({ length: 40 }, (_, n) => n));
    expect(stats.yields - before.yields).toBeGreaterThan(1);
    expect(stats.runs - before.runs).toBeGreaterThanOrEqual(40);
    const rows = await pg.query<{ n: number }>('SELECT n FROM t ORDER BY n');
    expect(rows.rows.map((r) => r.n)).toEqual(Array.from({ length: 40 }, (_, n) => n));
  });

  it('keeps a transaction whole across the turns it gives', async () => {
    const seen: number[] = [];
    const tx = pg.transaction(async (t) => {
      for (let n = 100; n < 110; n++) await t.query('INSERT INTO t (n) VALUES ($1)', [n]);
      throw new Error('roll back');
    });
    // A query queued meanwhile waits for the transaction and sees none of its rows.
    const during = pg
      .query<{ c: number }>('SELECT count(*)::int AS c FROM t WHERE n >= 100')
      .then((r) => seen.push(r.rows[0]!.c));
    await expect(tx).rejects.toThrow('roll back');
    await during;
    expect(seen).toEqual([0]);
  });
});
