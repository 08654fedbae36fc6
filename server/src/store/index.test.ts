/** `openStore()` and `databaseLocation()`: which store and which database the environment selects. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseLocation, MemoryStore, openStore, PrismaStore } from './index';
import { newMatch, pgliteTemplate } from './testing/support';

describe('databaseLocation', () => {
  it('is PostgreSQL for a postgres:// or postgresql:// DATABASE_URL, else PGlite in PARLEY_DATA_DIR/db', () => {
    expect(databaseLocation({ DATABASE_URL: 'postgres://u@h/db' })).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
    expect(databaseLocation({ DATABASE_URL: 'postgresql://u@h/db' }).kind).toBe('postgres');
    expect(databaseLocation({ DATABASE_URL: 'file:./dev.db', PARLEY_DATA_DIR: '/srv/parley' })).toEqual({
      kind: 'pglite',
      dir: '/srv/parley/db',
    });
    expect(databaseLocation({})).toEqual({ kind: 'pglite', dir: resolve('.parley-data', 'db') });
  });
});

describe('openStore', () => {
  it('opens the memory store for PARLEY_STORE=memory', async () => {
    const store = await openStore({ env: { PARLEY_STORE: 'memory', DATABASE_URL: 'postgres://nowhere/x' } });
    expect(store).toBeInstanceOf(MemoryStore);
    await store.close();
  });

  it('opens the PGlite database in PARLEY_DATA_DIR, and finds it there again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-open-store-'));
    try {
      cpSync(await pgliteTemplate(), join(dataDir, 'db'), { recursive: true });
      const store = await openStore({ env: { PARLEY_DATA_DIR: dataDir } });
      expect(store).toBeInstanceOf(PrismaStore);
      expect((store as PrismaStore).db.where).toBe(join(dataDir, 'db'));
      await store.createMatch(newMatch('kept'));
      await store.close();
      const again = await openStore({ env: { PARLEY_DATA_DIR: dataDir } });
      expect((await again.getMatch('kept'))!.id).toBe('kept');
      await again.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
