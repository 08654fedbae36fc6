/**
 * Opens Parley's database and brings its schema up to date: the embedded PGlite database in a
 * data directory by default, or a PostgreSQL server when DATABASE_URL says so (see
 * `location.ts`). Either way the caller gets a Prisma client over a driver adapter, and must
 * `close()` it: PGlite and the pg pool keep Node alive until they are closed.
 *
 * PGlite has no lock of its own and two instances on one directory corrupt it, so a lock file
 * beside the directory (`db.lock`, holding the owner's pid) refuses a second opener; a lock left
 * by a process that died is taken over. PostgreSQL migrations run under an advisory lock, so
 * several servers starting at once apply each migration once.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { StoreError } from './checks';
import { PrismaClient } from './generated/prisma/client';
import { type DatabaseLocation, databaseLocation } from './location';
import { lockDirectory } from './lock';
import { applyMigrations, readMigrations, type SqlSession } from './migrate';
import { copyTemplateDatabase } from './template-database';

type SqlDriverAdapterFactory = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>['adapter'];

export interface Database {
  readonly kind: DatabaseLocation['kind'];
  /** The data directory or the server URL (without its password), for logs. */
  readonly where: string;
  readonly prisma: PrismaClient;
  /** Migrations this opening applied (empty when the schema was already current). */
  readonly applied: readonly string[];
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** The migrations folder; defaults to prisma/migrations. */
  migrationsDir?: string;
}

export async function openDatabase(
  location: DatabaseLocation = databaseLocation(),
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const migrations = readMigrations(options.migrationsDir);
  return location.kind === 'pglite' ? openPglite(location.dir, migrations) : openPostgres(location.url, migrations);
}

async function openPglite(dir: string, migrations: ReturnType<typeof readMigrations>): Promise<Database> {
  mkdirSync(dirname(dir), { recursive: true });
  const unlock = lockDirectory(`${dir}.lock`);
  let pg: PGlite | undefined;
  try {
    // A new directory starts as a copy of the migrated template the build made, sparing initdb.
    if (!existsSync(join(dir, 'PG_VERSION'))) await copyTemplateDatabase(dir, migrations);
    pg = await PGlite.create({ dataDir: dir });
    const applied = await applyMigrations(pgliteSession(pg), migrations);
    // The adapter is typed against an older @prisma/driver-adapter-utils than the client's;
    // the interface is the same at run time.
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pg) as unknown as SqlDriverAdapterFactory });
    const opened = pg;
    return {
      kind: 'pglite',
      where: dir,
      prisma,
      applied,
      close: once(async () => {
        try {
          await prisma.$disconnect();
          await opened.close();
        } finally {
          unlock();
        }
      }),
    };
  } catch (error) {
    await pg?.close().catch(() => undefined);
    unlock();
    throw error;
  }
}

/** The migrator's view of a PGlite database. */
export function pgliteSession(pg: PGlite): SqlSession {
  return {
    query: async (sql, params) => (await pg.query<Record<string, unknown>>(sql, params)).rows,
    exec: async (script) => void (await pg.exec(script)),
    transaction: (body) =>
      pg.transaction(async (tx) =>
        body({
          query: async (sql, params) => (await tx.query<Record<string, unknown>>(sql, params)).rows,
          exec: async (script) => void (await tx.exec(script)),
        }),
      ),
  };
}

/** Any 64-bit number of our own, so Parley's migrations never wait on someone else's lock. */
const MIGRATION_LOCK = 7_306_522_117;

/** What the migrator uses of a `pg` client. */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}

async function openPostgres(url: string, migrations: ReturnType<typeof readMigrations>): Promise<Database> {
  // Loaded only on this path, so the embedded database never pulls the pg driver in.
  const pgModule = await optional('pg');
  const { PrismaPg } = await optional('@prisma/adapter-pg');
  const Client = (pgModule.default ?? pgModule).Client as new (config: { connectionString: string }) => PgClient;
  const client = new Client({ connectionString: url });
  await client.connect();
  let applied: string[];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    applied = await applyMigrations(pgSession(client), migrations);
  } finally {
    await client.end(); // ending the session releases the advisory lock
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return { kind: 'postgres', where: redact(url), prisma, applied, close: once(() => prisma.$disconnect()) };
}

function pgSession(client: PgClient): SqlSession {
  const session = {
    query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows,
    exec: async (script: string) => void (await client.query(script)),
  };
  return {
    ...session,
    transaction: async (body) => {
      await client.query('BEGIN');
      try {
        await body(session);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
  };
}

async function optional(name: string): Promise<any> {
  try {
    return await import(name);
  } catch {
    throw new StoreError(
      'store/driver-missing',
      `DATABASE_URL names a PostgreSQL server, which needs the '${name}' package: npm install pg @prisma/adapter-pg@7`,
    );
  }
}

const redact = (url: string): string => url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= fn();
    return done;
  };
}
