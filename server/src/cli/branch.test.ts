import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAgent } from '@parley/agents';
import { diplomacy } from '@parley/games';
import { describe, expect, it, vi } from 'vitest';
import { runMatch } from '../runtime/match-runner';
import { run } from './branch';

describe('parley branch', () => {
  it('forks a record file at a turn, prints the outcome distribution and writes the continuations', async () => {
    const seats = ['heuristic', 'random', 'random', 'random', 'random', 'random', 'random'];
    const { record } = await runMatch({
      game: diplomacy,
      params: { lastYear: 1902 },
      seed: 4,
      agents: seats.map((s) => createAgent(s, 'diplomacy')),
      pressRounds: 1,
    });
    const dir = mkdtempSync(join(tmpdir(), 'parley-branch-'));
    const file = join(dir, 'parent.jsonl');
    writeFileSync(file, `${JSON.stringify(record)}\n`);
    const out = join(dir, 'forks.jsonl');
    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((text: string) => void printed.push(text));
    expect(await run([file, '--at', 'F1901M', '--times', '3', '--out', out])).toBe(0);
    const report = JSON.parse(printed.join('\n'));
    expect(report).toMatchObject({ at: 'F1901M', continuations: 3 });
    expect(report.sameAsParent).toBeGreaterThanOrEqual(1); // continuation 0 with the same seats
    expect(report.perSeat).toHaveLength(7);
    const forks = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(forks.map((f) => f.branch.index)).toEqual([0, 1, 2]);
    expect(forks[0].finalStateHash).toBe(record.finalStateHash);

    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((text: string) => void errors.push(text));
    expect(await run([file, '--at', 'S1999M'])).toBe(1);
    expect(errors.join('\n')).toMatch(/turn 'S1999M' does not open/);
    expect(await run([file])).toBe(2);
  });
});
