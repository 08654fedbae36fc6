/** Runs every `*.bench.ts` in this folder, in name order; `npm run bench -w server -- NAME` runs those whose name contains NAME. */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
for (const file of files) {
  console.log(`\n== ${file}`);
  await import(join(here, file));
}
