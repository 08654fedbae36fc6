/**
 * Applies prisma/migrations at start-up, without the Prisma CLI: each `<name>/migration.sql`
 * not yet applied runs in its own transaction, in name order, and is recorded in the
 * `_parley_migrations` table with a checksum. A second start finds everything recorded and does
 * one query. Migrations that `prisma migrate deploy` applied (recorded in `_prisma_migrations`)
 * count as applied too, so an operator may migrate a PostgreSQL server with the CLI first.
 * An applied migration whose file has since changed stops start-up: migrations are append-only.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreError } from './checks';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));

/** The little SQL a migrator needs, over PGlite or a PostgreSQL client. */
export interface SqlSession {
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs a script of several statements. */
  exec(script: string): Promise<void>;
  transaction(body: (tx: Pick<SqlSession, 'query' | 'exec'>) => Promise<void>): Promise<void>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) throw new StoreError('store/no-migrations', `no migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8').replaceAll('\r\n', '\n');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Applies what is missing; returns the names it applied. */
export async function applyMigrations(db: SqlSession, migrations = readMigrations()): Promise<string[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS "_parley_migrations" (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied = new Map((await db.query('SELECT name, checksum FROM "_parley_migrations"')).map((r) => [r.name, r.checksum]));
  const [{ prisma }] = (await db.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS prisma`)) as [
    { prisma: boolean },
  ];
  const byPrisma = new Set(
    prisma
      ? (
          await db.query(
            'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
          )
        ).map((r) => r.migration_name)
      : [],
  );
  const done: string[] = [];
  for (const m of migrations) {
    const checksum = applied.get(m.name);
    if (checksum !== undefined && checksum !== m.checksum)
      throw new StoreError(
        'store/migration-changed',
        `migration ${m.name} changed after it was applied; add a new migration instead`,
      );
    if (checksum !== undefined || byPrisma.has(m.name)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO "_parley_migrations" (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
    });
    done.push(m.name);
  }
  return done;
}
