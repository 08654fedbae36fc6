#!/usr/bin/env node
// The `parley` command. Parley's packages are TypeScript run straight from source through tsx,
// so `npx parley …` works right after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`parley … | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../server/src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
