/**
 * The database store on PGlite: the shared contract, then what only a database can show:
 * everything is still there after a reopen, start-up is idempotent, and a second opener of the
 * same directory is refused.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { readMigrations } from './migrate';
import { PrismaStore } from './prisma-store';
import { events, modelCall, storeContract } from './testing/contract';
import { freshPgliteDir, newMatch, sharedPglite } from './testing/support';

const shared = await sharedPglite();
afterAll(() => shared.close());
storeContract('PGlite', () => shared.open());

describe('PrismaStore on PGlite', () => {
  it('finds everything again after the database is closed and reopened', async () => {
    const folder = await freshPgliteDir();
    try {
      const first = new PrismaStore(await openDatabase({ kind: 'pglite', dir: folder.dir }));
      const ids = ['r0', 'r1', 'r2', 'r3'];
      for (const id of ids) await first.createMatch(newMatch(id));
      const writes = [];
      for (let n = 0; n < 1500; n += 10) for (const id of ids) writes.push(first.appendEvents(id, events(n, 10)));
      writes.push(first.appendModelCalls('r1', [modelCall(5), modelCall(9)]));
      await Promise.all(writes);
      await first.finishMatch('r0', { status: 'finished', returns: [2, -2], finalStateHash: 'h0' });
      await first.close();

      const db = await openDatabase({ kind: 'pglite', dir: folder.dir });
      expect(db.applied).toEqual([]); // the schema was current: nothing to migrate
      const again = new PrismaStore(db);
      try {
        expect((await again.listMatches({})).total).toBe(4);
        expect((await again.unfinishedMatches()).map((m) => m.id).sort()).toEqual(['r1', 'r2', 'r3']);
        for (const id of ids) {
          const m = await again.getMatch(id);
          expect(m!.events).toEqual(events(0, 1500));
        }
        expect(await again.getMatch('r0')).toMatchObject({ status: 'finished', returns: [2, -2], finalStateHash: 'h0' });
        expect((await again.getMatch('r1'))!.modelCalls).toEqual([modelCall(5), modelCall(9)]);
        // A resumed match carries on from where it stopped, and only from there.
        await expect(again.appendEvents('r2', events(1400, 1))).rejects.toThrow(/store\/out-of-order/);
        await again.appendEvents('r2', events(1500, 5));
        expect((await again.getMatch('r2'))!.eventCount).toBe(1505);
        await expect(again.appendEvents('r0', events(1500, 1))).rejects.toThrow(/store\/match-finished/);
        expect(await again.listAgents()).toEqual([
          { name: 'always-call', kind: 'bot', config: { style: 'call' }, matches: 4 },
          { name: 'random', kind: 'bot', matches: 4 },
        ]);
      } finally {
        await again.close();
      }
    } finally {
      folder.remove();
    }
  });

  it('writes appends made in the same turn as close(), before closing', async () => {
    const folder = await freshPgliteDir();
    try {
      const first = new PrismaStore(await openDatabase({ kind: 'pglite', dir: folder.dir }), { maxDelayMs: 60_000 });
      await first.createMatch(newMatch('c0'));
      // Neither append has reached the batcher when close() starts: each still awaits the match's cursor.
      const appended = [first.appendEvents('c0', events(0, 3)), first.appendModelCalls('c0', [modelCall(1)])];
      await first.close();
      await Promise.all(appended);
      const again = new PrismaStore(await openDatabase({ kind: 'pglite', dir: folder.dir }));
      try {
        const match = await again.getMatch('c0');
        expect(match!.events).toEqual(events(0, 3));
        expect(match!.modelCalls).toEqual([modelCall(1)]);
      } finally {
        await again.close();
      }
    } finally {
      folder.remove();
    }
  });

  it('refuses a second opener of the same directory while the first is open', async () => {
    const folder = await freshPgliteDir();
    try {
      const db = await openDatabase({ kind: 'pglite', dir: folder.dir });
      await expect(openDatabase({ kind: 'pglite', dir: folder.dir })).rejects.toThrow(/store\/locked/);
      await db.close();
      const reopened = await openDatabase({ kind: 'pglite', dir: folder.dir });
      await reopened.close();
    } finally {
      folder.remove();
    }
  });

  it('creates and migrates a database in an empty folder', async () => {
    const folder = await freshPgliteDir();
    folder.remove(); // start from nothing at all
    try {
      const db = await openDatabase({ kind: 'pglite', dir: folder.dir });
      // Copied from the build's template (migrations recorded) or made by initdb and migrated here.
      const recorded = await db.prisma.$queryRawUnsafe<{ name: string }[]>('SELECT name FROM "_parley_migrations" ORDER BY name');
      expect(recorded.map((r) => r.name)).toEqual(readMigrations().map((m) => m.name));
      const store = new PrismaStore(db);
      await store.createMatch(newMatch('fresh'));
      expect((await store.getMatch('fresh'))!.id).toBe('fresh');
      await store.close();
    } finally {
      folder.remove();
    }
  });
});
