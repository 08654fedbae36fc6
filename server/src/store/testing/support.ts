/**
 * Test helpers: fresh PGlite databases in temp folders, fast. Creating a PGlite data directory
 * (initdb) takes seconds on a small machine, so every test copies a migrated template: the
 * build's (template-database.ts) when it holds exactly the checkout's migrations, else one made
 * per migrations checksum and PGlite version in the OS temp folder. That one is built in a
 * private folder and renamed into place, so parallel test files agree.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type Database, openDatabase, pgliteSession } from '../database';
import { MemoryStore } from '../memory-store';
import { applyMigrations, readMigrations } from '../migrate';
import { PrismaStore } from '../prisma-store';
import { pgliteVersion, TEMPLATE, templateFit } from '../template-database';
import type { MatchStore, NewMatch } from '../types';

let template: Promise<string> | undefined;

/** A migrated, cleanly closed PGlite directory to copy; found (or made) once per test worker. */
export function pgliteTemplate(): Promise<string> {
  template ??= findOrMakeTemplate();
  return template;
}

async function findOrMakeTemplate(): Promise<string> {
  const migrations = readMigrations();
  if (templateFit(migrations) === 'exact') return TEMPLATE;
  const key = createHash('sha256')
    .update(pgliteVersion())
    .update(migrations.map((m) => `${m.name}:${m.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 16);
  const dir = join(tmpdir(), `parley-pglite-template-${key}`);
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  const work = mkdtempSync(join(tmpdir(), 'parley-pglite-building-'));
  const pg = await PGlite.create({ dataDir: join(work, 'db') });
  await applyMigrations(pgliteSession(pg), migrations);
  await pg.close();
  try {
    renameSync(join(work, 'db'), dir);
  } catch {
    // Another test file built it first; theirs is as good.
  }
  rmSync(work, { recursive: true, force: true });
  return dir;
}

/** A temp folder holding a copy of the template at `<folder>/db`; `remove()` deletes it. */
export async function freshPgliteDir(): Promise<{ root: string; dir: string; remove(): void }> {
  const from = await pgliteTemplate();
  const root = mkdtempSync(join(tmpdir(), 'parley-store-test-'));
  const dir = join(root, 'db');
  cpSync(from, dir, { recursive: true });
  return { root, dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A store to test and how to dispose of it. */
export interface OpenedStore {
  store: MatchStore;
  dispose(): Promise<void>;
}

export async function openPgliteStore(options: ConstructorParameters<typeof PrismaStore>[1] = {}): Promise<OpenedStore> {
  const folder = await freshPgliteDir();
  const store = new PrismaStore(await openDatabase({ kind: 'pglite', dir: folder.dir }), options);
  return {
    store,
    dispose: async () => {
      await store.close();
      folder.remove();
    },
  };
}

/**
 * One database for a whole test file, emptied before each store it hands out: opening PGlite
 * costs a second or more, emptying it milliseconds. `close()` closes the database (and removes
 * the folder `cleanup` names, if any).
 */
export function sharedDatabase(openIt: () => Promise<Database>, cleanup: () => void = () => {}) {
  let db: Promise<Database> | undefined;
  return {
    async open(): Promise<OpenedStore> {
      db ??= openIt();
      const opened = await db;
      await opened.prisma.$executeRawUnsafe(
        'TRUNCATE "Event", "ModelCall", "Seat", "Match", "Agent", "Tournament", "Rating", "Analysis", "Account", "Credential", "LadderRating", "LadderMatch" RESTART IDENTITY CASCADE',
      );
      const store = new PrismaStore(opened, { ownsDatabase: false });
      return { store, dispose: () => store.close() };
    },
    async close(): Promise<void> {
      try {
        if (db) await (await db).close();
      } finally {
        cleanup();
      }
    },
  };
}

export async function sharedPglite() {
  const folder = await freshPgliteDir();
  return sharedDatabase(() => openDatabase({ kind: 'pglite', dir: folder.dir }), folder.remove);
}

export async function openMemoryStore(): Promise<OpenedStore> {
  const store = new MemoryStore();
  return { store, dispose: () => store.close() };
}

/** A two-seat match with sensible defaults. */
export function newMatch(id: string, overrides: Partial<NewMatch> = {}): NewMatch {
  return {
    id,
    game: 'kuhn',
    params: { players: 2 },
    seed: 7,
    seats: [
      { seat: 0, agent: { name: 'random', kind: 'bot' } },
      { seat: 1, agent: { name: 'always-call', kind: 'bot', config: { style: 'call' } } },
    ],
    ...overrides,
  };
}
