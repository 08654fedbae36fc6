import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_START_FILE, FIRST_START_NOTE, writeFirstStartSolve } from './first-start';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'parley-first-start-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the first start’s solver run', () => {
  it('writes a labelled CFR+ run on Kuhn poker that converges towards the game value −1/18', () => {
    const dir = join(fresh(), 'analyses');
    expect(writeFirstStartSolve(dir)).toBe(join(dir, FIRST_START_FILE));
    const lines = readFileSync(join(dir, FIRST_START_FILE), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.iteration)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
    expect(lines.every((l) => l.note === FIRST_START_NOTE && l.algorithm === 'cfr+')).toBe(true);
    expect(lines.at(-1).nashConv).toBeLessThan(lines[0].nashConv / 10);
    expect(lines.at(-1).value).toBeCloseTo(-1 / 18, 2);
  });

  it('leaves a directory that holds an analysis alone', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'mine.jsonl'), '{}\n');
    expect(writeFirstStartSolve(dir)).toBeNull();
  });
});
