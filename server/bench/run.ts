/** Runs every `*.bench.ts` in this folder; `npm run bench -w server -- NAME` runs those whose name contains NAME. */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBenches } from '@parley/games/bench';

await runBenches(dirname(fileURLToPath(import.meta.url)), process.argv.slice(2));
