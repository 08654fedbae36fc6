import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'bin/parley.mjs');
// Nothing recorded: these tests are about the runner (tournament-store.test.ts covers the database).
const env = { ...process.env, REDIS_URL: '', PARLEY_STORE: 'memory' };
const parley = (...args: string[]) =>
  promisify(execFile)(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: root, env, maxBuffer: 1 << 26 });
const temp = () => mkdtempSync(join(tmpdir(), 'parley-cli-tournament-'));

describe('parley tournament', () => {
  it('runs the Kuhn example on worker threads and prints only the leaderboard JSON on stdout', async () => {
    const out = temp();
    // The example at a fifth of its rounds: 100 duplicate deals a pair already separate the
    // equilibrium players from the others by a wide margin, and the runner's paths are the same.
    const file = join(temp(), 'kuhn-bots.yaml');
    writeFileSync(
      file,
      readFileSync(join(root, 'examples/tournaments/kuhn-bots.yaml'), 'utf8').replace(/rounds: 500\b/, 'rounds: 100'),
    );
    const { stdout, stderr } = await parley('tournament', 'run', file, '--json', '--out', out, '--workers', '2');
    const board = JSON.parse(stdout);
    expect(board).toMatchObject({ name: 'kuhn-bots', game: 'kuhn', out, complete: true, primary: 'mbb', matches: 1200 });
    expect(stderr).toContain('matches 1200/1200 100%');
    // The two copies of the CFR+ equilibrium beat the random and passive bots, clearly.
    const rows = board.rows as {
      name: string;
      rating: { value: number; lo: number; hi: number };
      matches: number;
      provisional: boolean;
    }[];
    expect(new Set(rows.slice(0, 2).map((r) => r.name))).toEqual(new Set(['equilibrium', 'cfr-policy']));
    for (const r of rows.slice(0, 2)) expect(r.rating.lo).toBeGreaterThan(0);
    for (const r of rows.slice(2)) expect(r.rating.hi).toBeLessThan(0);
    for (const r of rows) expect(r).toMatchObject({ matches: 600, provisional: false });

    const csv = (await parley('tournament', 'leaderboard', out, '--format', 'csv')).stdout.trim().split('\n');
    expect(csv[0]).toMatch(/^rank,name,matches,provisional,rating,rating_lo,rating_hi,/);
    expect(csv).toHaveLength(5);
    const jsonl = (await parley('tournament', 'leaderboard', out, '--format', 'jsonl')).stdout.trim().split('\n');
    expect(jsonl.map((l) => JSON.parse(l).name)).toEqual(rows.map((r) => r.name));
    expect((await parley('tournament', 'leaderboard', out)).stdout).toMatch(
      /^mbb per hand, duplicate-adjusted, 95% confidence interval over duplicate groups\n\n#\s+participant\s+mbb\/hand/,
    );
    const report = (await parley('tournament', 'report', out)).stdout;
    expect(report).toContain('# kuhn-bots');
    expect(report).toContain('## Head to head');
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).matches.finished).toBe(1200);
  });

  it('runs a Diplomacy tournament of built-in bots, scored by sum-of-squares and rated by Bradley–Terry and OpenSkill', async () => {
    const dir = temp();
    const file = join(dir, 'dip.yaml');
    writeFileSync(
      file,
      readFileSync(join(root, 'examples/tournaments/diplomacy-bots.yaml'), 'utf8')
        .replace(/rounds: \d+/, 'rounds: 2')
        .replace(/lastYear: \d+/, 'lastYear: 1902'),
    );
    const { stdout } = await parley('tournament', 'run', file, '--json', '--out', join(dir, 'out'), '--workers', '0');
    const board = JSON.parse(stdout);
    expect(board).toMatchObject({ game: 'diplomacy', primary: 'bradley-terry', scoring: 'sum-of-squares', matches: 8 });
    expect(board.rows.map((r: { matches: number }) => r.matches)).toEqual([8, 8, 8, 8]);
    expect(board.rows[0].openskill).toHaveProperty('sigma');
  });

  it('validates files and explains mistakes', async () => {
    const { stdout } = await parley('tournament', 'validate', 'examples/tournaments/budget-sweep.yaml');
    expect(stdout).toContain('leduc-budget-sweep: leduc, 2 seats, gauntlet, 1000 matches');
    expect(stdout).toContain('gpt@reasoningEffort=high');
    const file = join(temp(), 'bad.yaml');
    writeFileSync(file, 'name: bad\ngame: kuhn\nparticipants: [random, call]\nformat: { type: round-robin, rounds: -1 }\n');
    await expect(parley('tournament', 'run', file)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('bad.yaml: format.rounds'),
    });
    await expect(parley('tournament', 'frobnicate')).rejects.toMatchObject({ code: 2 });
  });
});
