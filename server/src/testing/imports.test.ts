/**
 * Test helpers live in `testing/` folders (and `*.test.ts` files), and production code never
 * imports them: a fake clock or a test arena wired into the server would be a hole, not a helper.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const isTestOnly = (path: string) => /\.test\.ts$/.test(path) || /\/testing(\/|\.ts$)/.test(path);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('package boundaries', () => {
  it('keeps test helpers out of production code', () => {
    const files = ['games/src', 'agents/src', 'server/src'].flatMap((dir) => sources(join(root, dir)));
    expect(files.length).toBeGreaterThan(100);
    const offenders = files
      .filter((file) => !isTestOnly(file.slice(root.length - 1)))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/from '([^']*\/testing\/[^']*)'/g)].map(
          (m) => `${file.slice(root.length)}: ${m[1]}`,
        ),
      );
    expect(offenders).toEqual([]);
  });
});
