/** The start-up migrator on PGlite: idempotent, append-only, and aware of `prisma migrate deploy`. */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pgliteSession } from './database';
import { applyMigrations, type Migration, readMigrations } from './migrate';
import { freshPgliteDir } from './testing/support';

let pg: PGlite;
let folder: Awaited<ReturnType<typeof freshPgliteDir>>;
beforeAll(async () => {
  folder = await freshPgliteDir(); // already migrated with prisma/migrations
  pg = await PGlite.create({ dataDir: folder.dir });
});
afterAll(async () => {
  await pg.close();
  folder.remove();
});

const extra = (name: string, sql: string): Migration => ({ name, sql, checksum: `sum-of-${sql}` });

it('finds the repository migrations, in order', () => {
  const names = readMigrations().map((m) => m.name);
  expect(names.length).toBeGreaterThan(0);
  expect(names).toEqual([...names].sort());
});

it('applies nothing to a current schema, and only what is new otherwise', async () => {
  const session = pgliteSession(pg);
  const base = readMigrations();
  expect(await applyMigrations(session, base)).toEqual([]);
  const next = extra('99990101000000_probe', 'CREATE TABLE "Probe" (x int); INSERT INTO "Probe" VALUES (1);');
  expect(await applyMigrations(session, [...base, next])).toEqual(['99990101000000_probe']);
  expect(await applyMigrations(session, [...base, next])).toEqual([]);
  expect((await pg.query('SELECT x FROM "Probe"')).rows).toEqual([{ x: 1 }]);
});

it('rolls a failing migration back whole and leaves it unrecorded', async () => {
  const session = pgliteSession(pg);
  const broken = extra('99990102000000_broken', 'CREATE TABLE "Half" (x int); SELECT nonsense FROM nowhere;');
  await expect(applyMigrations(session, [broken])).rejects.toThrow(/nowhere/);
  expect((await pg.query(`SELECT to_regclass('"Half"') AS t`)).rows).toEqual([{ t: null }]);
  expect((await pg.query(`SELECT name FROM "_parley_migrations" WHERE name = $1`, [broken.name])).rows).toEqual([]);
});

it('refuses to start when an applied migration was edited', async () => {
  const [first, ...rest] = readMigrations();
  await expect(applyMigrations(pgliteSession(pg), [{ ...first!, checksum: 'edited' }, ...rest])).rejects.toThrow(
    /store\/migration-changed/,
  );
});

it('counts migrations that prisma migrate deploy applied', async () => {
  await pg.exec(`CREATE TABLE "_prisma_migrations" (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL,
    finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz,
    started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count int NOT NULL DEFAULT 0)`);
  await pg.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name) VALUES ('1', 'x', now(), $1)`, [
    '99990103000000_by_prisma',
  ]);
  const byPrisma = extra('99990103000000_by_prisma', 'SELECT nonsense FROM nowhere;'); // would fail if run
  expect(await applyMigrations(pgliteSession(pg), [byPrisma])).toEqual([]);
});
