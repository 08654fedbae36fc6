/**
 * Projects the standard Diplomacy board once, at build time, into web/lib/diplomacy/board.json:
 *
 *   tsx web/scripts/build-board.ts          (rewrites the file)
 *   tsx web/scripts/build-board.ts --check  (exits 1 when the committed file is stale)
 *
 * Coastlines are Natural Earth's 1:50m land (public domain, the `world-atlas` TopoJSON), projected
 * with a conformal conic centred on Europe (d3-geo) and clipped to the board's frame. Province
 * boundaries are Parley's own: land provinces are the Voronoi cells of their hand-placed land
 * seeds (layout.ts) clipped to the real land, seas the cells of the sea seeds clipped to the
 * water, so every coast of a province is the real coast. Islands too small to matter and not
 * holding a seed are left out of every province (drawn as plain land). The browser only reads the
 * output; it never projects.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildBoard } from './board-build';

const out = fileURLToPath(new URL('../lib/diplomacy/board.json', import.meta.url));
const text = `${JSON.stringify(buildBoard())}\n`;
if (process.argv.includes('--check')) {
  const current = readFileSync(out, 'utf8');
  if (current !== text) {
    console.error('web/lib/diplomacy/board.json is stale: run `npx tsx web/scripts/build-board.ts`.');
    process.exit(1);
  }
  console.log('board.json is up to date');
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out} (${(text.length / 1024).toFixed(0)} KiB)`);
}
