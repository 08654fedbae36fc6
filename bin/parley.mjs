#!/usr/bin/env node
// The `parley` command. `npm install` compiles Parley's TypeScript ahead of time into
// server/dist/cli (scripts/build.mjs), so this starts plain JavaScript. When that build is missing
// or older than the sources (a checkout being edited), it runs the sources through tsx instead, a
// development dependency, and says so on a terminal: `npm run build` makes it instant again.
// PARLEY_FROM_SOURCE=1 always runs the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}server/dist/cli/main.js`;

/** True when a TypeScript source (tests aside) changed after the build: a few hundred stats. */
function newerSource(dir, than) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (newerSource(path, than)) return true;
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && statSync(path).mtimeMs > than) return true;
  }
  return false;
}

/**
 * Help needs no staleness check: the walk below is most of a help call's own time (a few hundred
 * stats), and the command list it prints changes far more rarely than the code behind it.
 */
const helpOnly = ['--help', '-h', 'help', undefined].includes(process.argv[2]);

function useBuild() {
  if (process.env.PARLEY_FROM_SOURCE === '1' || !existsSync(built)) return false;
  if (helpOnly) return true;
  const at = statSync(built).mtimeMs;
  return !['server/src', 'agents/src', 'games/src'].some((dir) => newerSource(`${root}${dir}`, at));
}

// A reader that stops early (`parley … | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
let main;
if (useBuild()) ({ main } = await import(built));
else {
  if (process.stderr.isTTY)
    console.error('parley: running the TypeScript sources (the build is missing or older); `npm run build` makes this instant');
  (await import('tsx/esm/api')).register();
  ({ main } = await import('../server/src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
