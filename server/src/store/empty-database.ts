/**
 * A freshly initialised, empty PGlite data directory as a tarball, made once at install by the
 * build (scripts/build.mjs runs `writeEmptyDatabase`), so that a first `npm start` loads it
 * instead of running PostgreSQL's initdb in WebAssembly: initdb took 21 s on this loaded
 * machine, loading the tarball 4 s. It holds no tables: migrations still run as on any new
 * database. It is used only by the PGlite version that made it; without it (never built, or a
 * different PGlite), PGlite initialises the directory itself, as before.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

/** server/dist/, from the sources (server/src/store) and from the build (server/dist/cli) alike. */
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const TARBALL = join(DIST, 'empty-pglite.tar.gz');
const VERSION = join(DIST, 'empty-pglite.version');

function pgliteVersion(): string {
  // The package's main file sits under its dist/; its package.json is not among its exports.
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return String(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version);
}

/** The tarball to load into a new data directory, if one was made by this PGlite version. */
export function emptyDatabase(): Blob | undefined {
  try {
    if (!existsSync(TARBALL) || readFileSync(VERSION, 'utf8') !== pgliteVersion()) return undefined;
    return new Blob([readFileSync(TARBALL)]);
  } catch {
    return undefined; // unreadable: initdb as if it were missing
  }
}

/** Makes the tarball unless this PGlite's is there (written beside and renamed, so a reader never sees half of it). */
export async function writeEmptyDatabase(): Promise<void> {
  if (existsSync(TARBALL) && existsSync(VERSION) && readFileSync(VERSION, 'utf8') === pgliteVersion()) return;
  const pg = await PGlite.create();
  try {
    const dump = Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer());
    mkdirSync(DIST, { recursive: true });
    writeFileSync(`${TARBALL}.tmp`, dump);
    renameSync(`${TARBALL}.tmp`, TARBALL);
    writeFileSync(VERSION, pgliteVersion());
  } finally {
    await pg.close();
  }
}
