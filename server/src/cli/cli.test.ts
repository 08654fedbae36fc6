import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../../bin/parley.mjs', import.meta.url));
const parley = (...args: string[]) => promisify(execFile)(process.execPath, [bin, ...args], { encoding: 'utf8' });

describe('parley CLI', () => {
  it('runs Kuhn matches and reports mean payoffs with 95% intervals that sum to zero', async () => {
    const { stdout } = await parley(
      'run',
      '--game',
      'kuhn',
      '--seats',
      'random,call',
      '--matches',
      '2000',
      '--seed',
      '1',
      '--json',
    );
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ game: 'kuhn', matches: 2000, seed: 1 });
    expect(summary.matchesPerSecond).toBeGreaterThan(0);
    const [a, b] = summary.seats;
    expect(a.meanPayoff + b.meanPayoff).toBeCloseTo(0, 12);
    expect(a.ci95[0]).toBeLessThan(a.meanPayoff);
    expect(a.ci95[1]).toBeGreaterThan(a.meanPayoff);
  });

  it('writes records with --out that replay to their hashes, identically for the same seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
    const [f1, f2] = [join(dir, 'a.jsonl'), join(dir, 'b.jsonl')];
    await parley('run', '--game', 'leduc', '--seats', 'random,random', '--matches', '200', '--seed', '9', '--out', f1);
    await parley('run', '--game', 'leduc', '--seats', 'random,random', '--matches', '200', '--seed', '9', '--out', f2);
    const strip = (text: string) => text.replace(/"ms":\d+/g, '"ms":0');
    expect(strip(readFileSync(f2, 'utf8'))).toBe(strip(readFileSync(f1, 'utf8')));
    expect(readFileSync(f1, 'utf8').trim().split('\n')).toHaveLength(200);
    const { stdout } = await parley('replay', f1);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(200);
    expect(lines.every((l) => l.ok === true)).toBe(true);
  });

  it('explains bad input instead of crashing', async () => {
    await expect(parley('run', '--game', 'chess', '--seats', 'random,random')).rejects.toMatchObject({
      stderr: expect.stringContaining("unknown game 'chess'"),
    });
    await expect(parley('run', '--game', 'kuhn', '--seats', 'random')).rejects.toMatchObject({
      stderr: expect.stringContaining('seats 2 players'),
    });
    await expect(parley('frobnicate')).rejects.toMatchObject({ code: 2 });
  });
});
