/**
 * The store against a real PostgreSQL server, started for the test in a temp folder on a free
 * loopback port (see testing/postgres.ts). Needs the PostgreSQL binaries (`apt-get install -y
 * postgresql`); skipped without them. The migrations are checked with psql; the store itself
 * also needs the `pg` and `@prisma/adapter-pg` packages, and those parts are skipped without
 * them: `prisma migrate deploy` against the server, and the whole `MatchStore` contract.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateArenaMatch } from '../ratings/ladder';
import { openDatabase } from './database';
import { readMigrations } from './migrate';
import { PrismaStore } from './prisma-store';
import { storeContract } from './testing/contract';
import { postgresBinaries, startPostgres, type TestPostgres } from './testing/postgres';
import { sharedDatabase } from './testing/support';

const bin = postgresBinaries();
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const TABLES = [
  'Account',
  'Agent',
  'Analysis',
  'Credential',
  'Event',
  'LadderMatch',
  'LadderRating',
  'Match',
  'ModelCall',
  'Rating',
  'Seat',
  'Tournament',
];

describe('PostgreSQL server', () => {
  let server: TestPostgres;
  const urlOf = (database: string) => server.url.replace(/\/postgres$/, `/${database}`);
  beforeAll(async () => {
    if (!bin) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql); .ci/run installs it');
    server = await startPostgres(bin);
  });
  afterAll(() => server?.stop());

  it('accepts the migrations as written', () => {
    server.psql('CREATE DATABASE plain');
    for (const m of readMigrations()) server.psql(m.sql, 'plain');
    const tables = server.psql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", 'plain');
    expect(tables.trim().split('\n')).toEqual(TABLES);
  });

  describe('through the pg driver', () => {
    it('runs after `prisma migrate deploy` without migrating again', async () => {
      server.psql('CREATE DATABASE deployed');
      // Prisma's own CLI, started directly (npx would resolve it first) and told not to ask the
      // network for updates: offline, that check held `prisma --version` for over a minute.
      execFileSync(process.execPath, [prismaCli, 'migrate', 'deploy'], {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: urlOf('deployed'), CHECKPOINT_DISABLE: '1' },
        stdio: 'pipe',
      });
      const db = await openDatabase({ kind: 'postgres', url: urlOf('deployed') });
      try {
        expect(db.applied).toEqual([]);
        expect(await db.prisma.match.count()).toBe(0);
      } finally {
        await db.close();
      }
    });

    it('migrates an empty database itself, once', async () => {
      server.psql('CREATE DATABASE fresh');
      const first = await openDatabase({ kind: 'postgres', url: urlOf('fresh') });
      await first.close();
      expect(first.applied).toEqual(readMigrations().map((m) => m.name));
      const second = await openDatabase({ kind: 'postgres', url: urlOf('fresh') });
      await second.close();
      expect(second.applied).toEqual([]);
    });

    const shared = sharedDatabase(async () => {
      server.psql('CREATE DATABASE contract');
      return openDatabase({ kind: 'postgres', url: urlOf('contract') });
    });
    afterAll(() => shared.close());
    storeContract('PostgreSQL', () => shared.open());

    it('loses no ladder update when two servers rate matches at the same time', async () => {
      server.psql('CREATE DATABASE race');
      const dbs = await Promise.all([0, 1].map(() => openDatabase({ kind: 'postgres', url: urlOf('race') })));
      const [a, b] = dbs.map((db) => new PrismaStore(db, { ownsDatabase: false })) as [PrismaStore, PrismaStore];
      try {
        const player = (id: string) => ({ kind: 'agent' as const, id, name: id });
        // Six matches per server, all sharing y, started together: each server's updates contend with the other's.
        const rateOn = (store: PrismaStore, server: string) =>
          Promise.all(
            [0, 1, 2, 3, 4, 5].map((i) =>
              rateArenaMatch(
                store,
                { matchId: `${server}${i}`, game: 'kuhn', seats: [player(i % 2 ? 'x' : 'z'), player('y')], returns: [1, -1] },
                i,
              ),
            ),
          );
        const applied = await Promise.all([rateOn(a, 'a'), rateOn(b, 'b')]);
        expect(applied.flat()).toEqual(Array(12).fill(true));
        const ratings = await a.ladderRatings({ game: 'kuhn' });
        expect(ratings.map((r) => [r.name, r.matches, r.version]).sort()).toEqual([
          ['x', 6, 6],
          ['y', 12, 12],
          ['z', 6, 6],
        ]);
      } finally {
        await Promise.all([a.close(), b.close()]);
        await Promise.all(dbs.map((db) => db.close()));
      }
    }, 120_000);
  });
});
