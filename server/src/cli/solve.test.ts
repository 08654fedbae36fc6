import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPolicyFile } from '@parley/agents';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from './solve';

const lines = () => {
  const spy = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  return () => spy.mock.calls.map((c) => JSON.parse(String(c[0])));
};

afterEach(() => vi.restoreAllMocks());

describe('parley solve', () => {
  it('prints JSON lines at powers of two and the last iteration, and saves the average strategy', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'parley-solve-')), 'kuhn.json');
    const read = lines();
    expect(await run(['--game', 'kuhn', '--algo', 'cfr+', '--iterations', '100', '--out', out])).toBe(0);
    const rows = read();
    expect(rows.map((r) => r.iteration)).toEqual([1, 2, 4, 8, 16, 32, 64, 100]);
    const last = rows[rows.length - 1];
    expect(last.exploitability).toBeCloseTo(last.nashConv / 2, 15);
    expect(last.value).toBeCloseTo(-1 / 18, 2);
    const file = readPolicyFile(out);
    expect(file).toMatchObject({ game: 'kuhn', algorithm: 'cfr+', iterations: 100, nashConv: last.nashConv });
  });

  it('reports every N iterations with --every, for each algorithm', async () => {
    for (const algo of ['cfr', 'lcfr', 'dcfr', 'es-mccfr', 'os-mccfr']) {
      const read = lines();
      expect(await run(['--game', 'kuhn', '--algo', algo, '--iterations', '25', '--every', '10', '--seed', '3'])).toBe(0);
      expect(read().map((r) => r.iteration)).toEqual([10, 20, 25]);
      vi.restoreAllMocks();
    }
  });

  it('refuses unknown algorithms', async () => {
    await expect(run(['--game', 'kuhn', '--algo', 'magic'])).rejects.toThrow(/unknown --algo/);
  });
});
