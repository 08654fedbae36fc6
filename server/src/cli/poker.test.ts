import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from './poker';

const fixtures = fileURLToPath(new URL('../../../games/src/nlhe/__fixtures__/', import.meta.url));

/** Runs `parley poker …` in-process, returning the exit code and the lines written. */
async function poker(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  const code = await run(argv);
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('parley poker replay', () => {
  it('prints the finishing stacks of every Pluribus hand, in file order', async () => {
    const { code, out } = await poker('replay', join(fixtures, 'pluribus.phhs'));
    expect(code).toBe(0);
    expect(out).toHaveLength(60);
    expect(JSON.parse(out[0]!)).toEqual({ hand: 1, finishing_stacks: [10300, 9700, 10000, 10000, 10000, 10000] });
    expect(out.map((l) => JSON.parse(l).hand)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('reports an illegal action, a malformed hand or wrong finishing stacks on its own line, goes on, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-poker-'));
    const file = join(dir, 'mixed.phhs');
    const hand = (actions: string) =>
      `variant = 'NT'\nantes = [0, 0]\nblinds_or_straddles = [1, 2]\nmin_bet = 2\nstarting_stacks = [100, 100]\nactions = [${actions}]\n`;
    writeFileSync(
      file,
      `[1]\n${hand("'d dh p1 AsAh', 'd dh p2 KsKh', 'p2 f'")}\n[2]\n${hand("'d dh p1 AsAh', 'd dh p2 KsKh', 'p1 f'")}\n[3]\nvariant = 'NT'\n\n[4]\n${hand("'d dh p1 AsAh', 'd dh p2 KsKh', 'p2 cbr 3'")}\n[5]\n${hand("'d dh p1 AsAh', 'd dh p2 KsKh', 'p2 f'")}finishing_stacks = [101, 99]\n\n[6]\n${hand("'d dh p1 AsAh', 'd dh p2 KsKh', 'p2 f'")}finishing_stacks = [99, 101]\n`,
    );
    const { code, out } = await poker('replay', file);
    expect(code).toBe(1);
    expect(out.map((l) => JSON.parse(l))).toEqual([
      { hand: 1, finishing_stacks: [101, 99] },
      { hand: 2, error: "action 2 'p1 f': expected p2 to act, got p1" },
      { hand: 3, error: 'malformed hand [3]: starting_stacks must be an array of whole chip counts' },
      { hand: 4, error: "action 2 'p2 cbr 3': raise to 3 is outside the legal range 4..100" },
      { hand: 5, finishing_stacks: [101, 99] },
      { hand: 6, error: "finishing stacks [101, 99] differ from the file's finishing_stacks [99, 101]" },
    ]);
  });

  it('exits 0 when every hand replays to the finishing stacks its file states', async () => {
    const { code, out } = await poker('replay', join(fixtures, 'sidepots.phhs'));
    expect(code).toBe(0);
    expect(out).toHaveLength(80);
    expect(out.every((l) => 'finishing_stacks' in JSON.parse(l))).toBe(true);
  });

  it('fails with exit code 1 on a file it cannot read or parse', async () => {
    const missing = await poker('replay', '/nonexistent/hands.phhs');
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/cannot read/);
    const dir = mkdtempSync(join(tmpdir(), 'parley-poker-'));
    writeFileSync(join(dir, 'bad.phh'), 'actions = [\n');
    const bad = await poker('replay', join(dir, 'bad.phh'));
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toMatch(/not a PHH file/);
  });
});
