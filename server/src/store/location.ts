/**
 * Where the database lives, read from the environment in one place so the server and
 * `prisma.config.ts` (the Prisma CLI) always agree: a PostgreSQL server when DATABASE_URL is a
 * postgres:// or postgresql:// URL, else the embedded PGlite database in `$PARLEY_DATA_DIR/db`
 * (PARLEY_DATA_DIR defaults to `.parley-data` in the working directory).
 */
import { resolve } from 'node:path';

export type DatabaseLocation = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };

export const DEFAULT_DATA_DIR = '.parley-data';

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

export function databaseLocation(env: Record<string, string | undefined> = process.env): DatabaseLocation {
  if (isPostgresUrl(env.DATABASE_URL)) return { kind: 'postgres', url: env.DATABASE_URL };
  return { kind: 'pglite', dir: resolve(env.PARLEY_DATA_DIR || DEFAULT_DATA_DIR, 'db') };
}
