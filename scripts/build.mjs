#!/usr/bin/env node
/**
 * The ahead-of-time build `npm install` runs after `prisma generate` (and `npm run build` runs on
 * demand), so that `npx parley …` and `npm start` run plain JavaScript instead of compiling
 * TypeScript on every start:
 *
 *   server/dist/cli/   the CLI and the arena server: one ES module per command plus shared chunks,
 *                      bundled by esbuild from the TypeScript sources of server, agents and games
 *                      (about a second). Third-party packages stay imports of node_modules.
 *   server/dist/pglite-template/   an initialised, migrated, empty embedded database, which a new
 *                      data directory starts as a copy of (see server/src/store/template-database.ts).
 *   web/.next/         the Next.js production build (a minute or more), skipped when it is newer
 *                      than the web and games sources. PARLEY_WEB_BUILD=never skips it and
 *                      =always forces it. A failed web build only warns: `parley start` then
 *                      serves the front end with `next dev`.
 *
 * The output stays at the sources' depth (package/dist/cli/ like package/src/cli/), so the files
 * the code finds beside itself (`new URL('../../../prisma/migrations', import.meta.url)`) resolve
 * the same from the sources and from the build.
 *
 *   node scripts/build.mjs [server|web]…   (default: both)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const targets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['server', 'web'];
const seconds = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/**
 * The CLI's entry, the thread entries (`threads/entry.ts` starts them from the build), and the
 * script that makes the template database a new data directory is copied from.
 */
const SERVER_ENTRIES = [
  'server/src/cli/main.ts',
  'server/src/tournament/worker-thread.ts',
  'server/src/store/store-thread.ts',
  'server/src/store/write-template-database.ts',
];
const SERVER_OUT = 'server/dist/cli';

async function buildServer() {
  const t0 = performance.now();
  const { build } = await import('esbuild');
  const out = join(root, SERVER_OUT);
  rmSync(out, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: SERVER_ENTRIES,
    outdir: out,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        // Parley's own packages are compiled in; every other package is imported from node_modules
        // at run time, as the sources do (each is a declared dependency of the package using it).
        name: 'external-packages',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@parley/') || args.kind === 'entry-point' ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  console.log(`parley build: server/dist/cli in ${seconds(t0)}`);
  const t1 = performance.now();
  const made = spawnSync(process.execPath, [join(out, 'write-template-database.js')], { cwd: root, stdio: 'inherit' });
  if (made.status === 0) console.log(`parley build: server/dist/pglite-template in ${seconds(t1)}`);
  else console.warn('parley build: no template database was made; a new data directory runs initdb instead (slower)');
}

/** The newest modification time under `path` (node_modules, builds and dot files aside). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === '.next' || name === 'e2e' || name.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

function buildWeb() {
  const web = join(root, 'web');
  const mode = process.env.PARLEY_WEB_BUILD;
  if (mode === 'never') return;
  const built = join(web, '.next', 'BUILD_ID');
  const sources = ['app', 'components', 'lib', 'next.config.ts', 'package.json'].map((p) => join(web, p));
  sources.push(join(root, 'games', 'src'));
  if (mode !== 'always' && existsSync(built) && Math.max(...sources.map(newest)) <= statSync(built).mtimeMs) {
    console.log('parley build: web/.next is up to date');
    return;
  }
  const t0 = performance.now();
  const next = join(dirname(createRequire(join(web, 'package.json')).resolve('next/package.json')), 'dist', 'bin', 'next');
  const run = spawnSync(process.execPath, [next, 'build'], {
    cwd: web,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (run.status === 0) {
    console.log(`parley build: web/.next in ${seconds(t0)}`);
    return;
  }
  const tail = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
  console.warn(
    `parley build: the web front end did not build (${run.error?.message ?? `exit ${run.status}`}); ` +
      `\`parley start\` will serve it with \`next dev\`. Run \`npm run build\` to retry.\n${tail}`,
  );
}

for (const target of targets) {
  if (target === 'server') await buildServer();
  else if (target === 'web') buildWeb();
  else {
    console.error(`parley build: unknown target '${target}' (server, web)`);
    process.exit(2);
  }
}
