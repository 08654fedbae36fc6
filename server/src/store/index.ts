/**
 * Parley's persistence, behind one port (`MatchStore`). `openStore()` picks the implementation
 * from the environment: PARLEY_STORE=memory for the in-memory store, else the database, which is
 * PostgreSQL when DATABASE_URL is a postgres:// URL and the embedded PGlite database in
 * PARLEY_DATA_DIR (default `.parley-data`) otherwise. Close what you open.
 *
 * Code that needs the other tables (accounts, tournaments, ratings, analyses) asks the store it
 * was given for them (`accountsFor`, `resultsFor`): a `PrismaStore` lends its database, a
 * `ThreadStore` (the arena's: the database on a thread of its own) its ports. One process must
 * never open the PGlite directory twice (the second opener gets `store/locked`).
 */
import type { BatchOptions } from './batcher';
import { openDatabase } from './database';
import { type DatabaseLocation, databaseLocation } from './location';
import { MemoryStore } from './memory-store';
import { PrismaStore } from './prisma-store';
import { ThreadStore } from './thread-store';
import type { MatchStore } from './types';

export type { BatchOptions, BatchStats } from './batcher';
export { StoreError } from './checks';
export { type Database, openDatabase } from './database';
export * from './events';
export * from './export';
export { type DatabaseLocation, databaseLocation } from './location';
export { MemoryStore } from './memory-store';
export { PrismaStore } from './prisma-store';
export { ThreadStore } from './thread-store';
export type * from './types';

export interface OpenStoreOptions {
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Overrides the environment: `memory`, or a database location. */
  use?: 'memory' | DatabaseLocation;
  batch?: BatchOptions;
  /**
   * Runs the embedded database on a thread of its own (`thread-store.ts`), off the caller's event
   * loop: what the arena does. PostgreSQL already runs in its own process.
   */
  thread?: boolean;
}

export async function openStore(options: OpenStoreOptions = {}): Promise<MatchStore> {
  const env = options.env ?? process.env;
  const use = options.use ?? (env.PARLEY_STORE === 'memory' ? 'memory' : databaseLocation(env));
  if (use === 'memory') return new MemoryStore();
  if (use.kind === 'pglite' && options.thread) return ThreadStore.open(use.dir, options.batch);
  return new PrismaStore(await openDatabase(use), options.batch);
}
