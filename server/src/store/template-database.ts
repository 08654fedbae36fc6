/**
 * A ready embedded database, made once at install by the build (scripts/build.mjs runs
 * `writeTemplateDatabase`): a PGlite data directory that initdb made and every migration of the
 * checkout has been applied to, with no rows. A new data directory starts as a plain copy of it,
 * so a first `npm start` (and every test that opens a fresh database) pays neither PostgreSQL's
 * initdb in WebAssembly (about 10 s of CPU here) nor unpacking a tarball through PGlite's file
 * layer and migrating it (4.7 s of CPU, measured against 0.3 s for the copy).
 *
 * The copy is used only when it can be trusted: made by this PGlite version, and holding only
 * migrations whose files are still what it applied (a checkout may add migrations after the
 * build; the opener applies those as on any database). Otherwise PGlite initialises the
 * directory itself, as before there was a template.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { Migration } from './migrate';

/** server/dist/, from the sources (server/src/store) and from the build (server/dist/cli) alike. */
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** The build's template; tests pass another path. Its stamp lies beside it, as `<path>.json`. */
export const TEMPLATE = join(DIST, 'pglite-template');

interface Stamp {
  pglite: string;
  /** Migration name → checksum of the file the template applied. */
  migrations: Record<string, string>;
}

let installedPglite: string | undefined;

/** The installed PGlite's version, read once per process (every database opening asks). */
export function pgliteVersion(): string {
  if (installedPglite === undefined) {
    // The package's main file sits under its dist/; its package.json is not among its exports.
    let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    installedPglite = String(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version);
  }
  return installedPglite;
}

function readStamp(template: string): Stamp | undefined {
  try {
    if (!existsSync(join(template, 'PG_VERSION'))) return undefined;
    const stamp = JSON.parse(readFileSync(`${template}.json`, 'utf8')) as Stamp;
    return typeof stamp.pglite === 'string' && stamp.migrations && typeof stamp.migrations === 'object' ? stamp : undefined;
  } catch {
    return undefined; // unreadable: as if it were missing
  }
}

/**
 * How the template fits these migrations: 'exact' when it holds all of them, 'partial' when it
 * holds some, unchanged (the opener applies the rest), false when it cannot be used: missing,
 * made by another PGlite, or holding a migration that is gone or changed (which the migrator
 * would refuse).
 */
export function templateFit(migrations: readonly Migration[], template = TEMPLATE): 'exact' | 'partial' | false {
  const stamp = readStamp(template);
  if (!stamp || stamp.pglite !== pgliteVersion()) return false;
  const current = new Map(migrations.map((m) => [m.name, m.checksum]));
  const held = Object.entries(stamp.migrations);
  if (held.some(([name, checksum]) => current.get(name) !== checksum)) return false;
  return held.length === current.size ? 'exact' : 'partial';
}

/**
 * Fills the new directory `dir` from the template when it fits `migrations`; returns whether it
 * did (false: the caller lets PGlite run initdb).
 */
export async function copyTemplateDatabase(dir: string, migrations: readonly Migration[], template = TEMPLATE): Promise<boolean> {
  if (!templateFit(migrations, template)) return false;
  const existed = existsSync(dir);
  if (existed && readdirSync(dir).length > 0) return false; // never over someone's files
  try {
    // On the I/O threads: a start loads its modules meanwhile.
    await cp(template, dir, { recursive: true, force: false, errorOnExist: true });
    return true;
  } catch {
    // Half a copy must not pass for a database: leave the directory as it was found.
    rmSync(dir, { recursive: true, force: true });
    if (existed) mkdirSync(dir);
    return false;
  }
}

/**
 * Makes the template unless this PGlite's, with these migrations, is there. It is built beside
 * and renamed into place, so a reader never sees half of one.
 */
export async function writeTemplateDatabase(
  migrations: readonly Migration[],
  migrate: (pg: PGlite) => Promise<unknown>,
  template = TEMPLATE,
): Promise<void> {
  const want: Stamp = { pglite: pgliteVersion(), migrations: Object.fromEntries(migrations.map((m) => [m.name, m.checksum])) };
  if (JSON.stringify(readStamp(template)) === JSON.stringify(want)) return;
  const building = `${template}.tmp`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(dirname(template), { recursive: true });
  const pg = await PGlite.create({ dataDir: building });
  try {
    await migrate(pg);
  } finally {
    await pg.close(); // a clean shutdown: the copy opens without recovery
  }
  rmSync(`${template}.json`, { force: true });
  rmSync(template, { recursive: true, force: true });
  renameSync(building, template);
  writeFileSync(`${template}.json`, JSON.stringify(want));
}
