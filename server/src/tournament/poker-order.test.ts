/**
 * Issue 15: poker ratings must agree in order with mbb/hand. Every example tournament file of a
 * poker game whose participants are bots is played (shortened) and its Bradley–Terry order, fitted
 * on chips, compared with the mbb/hand order. Files with LLM agents are left out: they need keys.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runTournament } from './run';
import { resolveSpec } from './spec';

const dir = fileURLToPath(new URL('../../../examples/tournaments/', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
// Policy files are named relative to the repository root, where the CLI runs.
const rooted = (participants: unknown) =>
  JSON.parse(JSON.stringify(participants).replaceAll('policy:agents/', `policy:${root}agents/`));
const shorten = (format: Record<string, unknown>) =>
  format.type === 'population' ? { ...format, matches: 30 } : { ...format, rounds: Math.min(Number(format.rounds ?? 1), 60) };

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ file: f, raw: parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown> }))
  .filter(({ raw }) => !JSON.stringify(raw.participants).includes('llm:'))
  .filter(({ raw }) => resolveSpec(raw).ratings.poker !== null);

describe('poker ratings agree in order with mbb/hand on every example file', () => {
  it('finds the poker example files', () => {
    expect(files.map((f) => f.file).sort()).toEqual(['kuhn-bots.yaml', 'leduc-bots.yaml', 'nlhe-6max.yaml', 'nlhe-bots.yaml']);
  });

  it.each(files)(
    '$file',
    async ({ raw }) => {
      const spec = {
        ...raw,
        participants: rooted(raw.participants),
        format: shorten(raw.format as Record<string, unknown>),
        ratings: { ...(raw.ratings as object), bootstrap: 0 },
      };
      const { leaderboard } = await runTournament(spec, {
        out: mkdtempSync(join(tmpdir(), 'parley-order-')),
        workers: 0,
        progress: false,
      });
      expect(leaderboard.primary).toBe('mbb');
      expect(leaderboard.methods).not.toContain('elo');
      const rated = leaderboard.rows.filter((r) => r.rating);
      const byMbb = [...rated].sort((a, b) => b.rating!.value - a.rating!.value).map((r) => r.name);
      const byBt = [...rated].sort((a, b) => b.bradleyTerry!.value - a.bradleyTerry!.value).map((r) => r.name);
      expect(byBt).toEqual(byMbb);
    },
    120_000,
  );
});
