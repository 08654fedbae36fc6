/**
 * The Prisma CLI's configuration. There is no native schema engine on Parley's machines, so the
 * CLI runs its JavaScript engine over a driver adapter: the embedded PGlite database by default
 * (the same data directory the server opens), or PostgreSQL through @prisma/adapter-pg when
 * DATABASE_URL is set (6.19's own PostgreSQL adapter trips over the `name` column type).
 *
 *   npx prisma generate                  the client, into server/src/store/generated/prisma
 *   npx prisma migrate diff …            a new migration's SQL (see prisma/migrations)
 *   DATABASE_URL=postgres://… npx prisma migrate deploy
 *
 * The server applies migrations itself at start-up (server/src/store/database.ts); on the
 * embedded database the CLI takes the same lock file as the server, so it cannot open a data
 * directory a running server holds.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma/config';
import { databaseLocation } from './server/src/store/location';
import { lockDirectory } from './server/src/store/lock';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  async adapter() {
    const where = databaseLocation();
    if (where.kind === 'pglite') {
      mkdirSync(where.dir, { recursive: true });
      // Refuse a data directory a running server holds; the lock lapses when the CLI exits.
      lockDirectory(`${where.dir}.lock`);
      return new PrismaPGlite(new PGlite({ dataDir: where.dir }));
    }
    // Loaded only on this path, so commands on the embedded database never pull in the pg driver.
    const adapterPg = '@prisma/adapter-pg';
    const { PrismaPg } = await import(adapterPg);
    return new PrismaPg({ connectionString: where.url });
  },
});
