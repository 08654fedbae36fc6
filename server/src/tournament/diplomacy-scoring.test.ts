/**
 * Issue 15: a Diplomacy tournament must separate a bot that takes centres from bots that do not.
 * Under the rulebook's draw shares every survivor at `lastYear` ties; under sum-of-squares the
 * heuristic bot's Bradley–Terry interval lies wholly above every random bot's.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebuildReport, runTournament } from './run';
import { DirectoryStore } from './store';

const spec = {
  name: 'diplomacy-scored',
  game: 'diplomacy',
  params: { lastYear: 1904 },
  seed: 11,
  participants: [
    'heuristic',
    { name: 'random-a', agent: 'random' },
    { name: 'random-b', agent: 'random' },
    { name: 'random-c', agent: 'random' },
  ],
  format: { type: 'round-robin', rounds: 3 },
  deadlineMs: 10_000,
  ratings: { bootstrap: 300 },
};

describe('Diplomacy tournaments scored by centres', () => {
  it('separate the centre-taking bot from random bots with non-overlapping intervals, and show centres and years', async () => {
    const out = mkdtempSync(join(tmpdir(), 'parley-dip-'));
    const { leaderboard, results, report } = await runTournament(spec, { out, workers: 0, progress: false });
    expect(leaderboard.scoring).toBe('sum-of-squares');
    expect(leaderboard.primary).toBe('bradley-terry');
    expect(leaderboard.interval).toBe('bootstrap-ci');
    expect(results.every((r) => r.standing?.centres.length === 7)).toBe(true);
    const [top, ...rest] = leaderboard.rows;
    expect(top?.name).toBe('heuristic');
    for (const r of rest) expect(r.rating!.hi!).toBeLessThan(top!.rating!.lo!);
    expect(top!.centres!.value).toBeGreaterThan(Math.max(...rest.map((r) => r.centres!.value)));
    for (const r of leaderboard.rows) expect(r.yearsSurvived).toBeGreaterThan(0);
    expect(report.leaderboard.scoring).toBe('sum-of-squares');
    // The meta-game: the heuristic bot beats every random bot head to head, so it is the whole
    // Nash mixture and holds most of α-Rank's mass.
    const h = report.metaGame.nashAveraging.names.indexOf('heuristic');
    expect(report.metaGame.nashAveraging.weights[h]).toBeCloseTo(1, 6);
    expect(Math.max(...report.metaGame.alphaRank.mass)).toBe(report.metaGame.alphaRank.mass[h]);

    // The same results re-scored by draw shares: every survivor at 1904 ties, and the heuristic
    // bot's lead shrinks to the eliminations it caused.
    const store = new DirectoryStore(out);
    const manifest = await store.readManifest();
    await store.writeManifest({ ...manifest!, spec: { ...manifest!.spec, scoring: 'draw-size' } });
    const rebuilt = await rebuildReport(store);
    expect(rebuilt.leaderboard.scoring).toBe('draw-size');
    expect(rebuilt.markdown).toContain('Scoring: draw-size');
    expect(rebuilt.markdown).toContain('## Meta-game');
    expect(rebuilt.markdown).toMatch(/\| heuristic \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \|/);
    const draws = (board: typeof leaderboard) => board.rows.reduce((s, r) => s + r.draws, 0);
    expect(draws(rebuilt.leaderboard)).toBeGreaterThan(draws(leaderboard));
  });
});
