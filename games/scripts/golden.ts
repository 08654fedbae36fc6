/** Rewrites the golden playthrough files (`npm run golden -w games`); review the diff before committing. */
import { writeFileSync } from 'node:fs';
import { kuhn, leduc, liarsDice } from '../src/index';
import { playthrough } from '../src/testkit';

const files: [URL, string][] = [
  [new URL('../src/kuhn/__golden__/kuhn-seed7.txt', import.meta.url), playthrough(kuhn, kuhn.descriptor.defaultParams, 7)],
  [new URL('../src/leduc/__golden__/leduc-seed7.txt', import.meta.url), playthrough(leduc, leduc.descriptor.defaultParams, 7)],
  [
    new URL('../src/liars-dice/__golden__/liars-dice-seed7.txt', import.meta.url),
    playthrough(liarsDice, liarsDice.descriptor.defaultParams, 7),
  ],
];
for (const [url, text] of files) {
  writeFileSync(url, text);
  console.log(`wrote ${url.pathname}`);
}
