/**
 * Test doubles (the fake clock, fake providers, test arenas) live in `testing/` folders, and only
 * tests and benchmarks may import them: production code that reached a fake clock would run on
 * time that never moves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCES = ['server/src', 'agents/src', 'games/src'];

/** Tests and their helpers beside the code: `*.test.ts`, `test-*.ts`, `testing.ts`. */
const isTestSupport = (name: string) => name.endsWith('.test.ts') || name.startsWith('test-') || name === 'testing.ts';

function productionFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing' && entry.name !== 'generated' && !entry.name.startsWith('__'))
        out.push(...productionFiles(path));
    } else if (entry.name.endsWith('.ts') && !isTestSupport(entry.name)) out.push(path);
  }
  return out;
}

it('keeps production code from importing anything under a testing/ folder', () => {
  const files = SOURCES.flatMap((s) => productionFiles(join(ROOT, s)));
  expect(files.length).toBeGreaterThan(100);
  const offenders = files
    .filter((f) => /from\s+'[^']*\/testing\/[^']*'/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  expect(offenders).toEqual([]);
});

it('finds such an import when there is one', () => {
  expect(/from\s+'[^']*\/testing\/[^']*'/.test("import { FakeClock } from '../testing/fake-clock';")).toBe(true);
});
