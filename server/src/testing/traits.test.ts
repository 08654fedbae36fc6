/**
 * Traits, not ids (issue 14, part 6): the server, the agents' runtime and the web decide what a
 * game supports by asking its descriptor, never by comparing its id. The only comparisons left
 * are modules written for one game, guarding their own input: a protocol that speaks one game
 * (DAIDE, ACPC), the Diplomacy analyzer, bots for one game and uploaded analyzer files. The
 * web keeps no table keyed by game id either (`DEFAULT_SEATS = { nlhe: … }`): the descriptor
 * declares such things (default seats, the shape of a poker table's views, its betting).
 * Liar's Dice proves the seam: its id appears in no production file outside games/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listGames } from '@parley/games';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCES = ['server/src', 'agents/src', 'web/components', 'web/lib', 'web/app'];

/** Modules written for one game, each with the reason it may name it. */
const ONE_GAME_MODULES: Record<string, string> = {
  'server/src/acpc/': 'the ACPC protocol deals No-Limit Hold’em',
  'server/src/daide/': 'the DAIDE protocol plays Diplomacy',
  'server/src/analyzer/diplomacy/': 'the Diplomacy analyzer',
  'server/src/cli/analyze.ts': '`parley analyze diplomacy`',
  'agents/src/bots/': 'bots built for one game refuse the others',
  'web/lib/analysis.ts': 'uploaded analyzer files, told apart by their kind',
  'web/components/AnalysisView.tsx': 'uploaded analyzer files, told apart by their kind',
};

const isTest = (name: string) => /\.test\.tsx?$/.test(name) || name.startsWith('test-') || name === 'testing.ts';

function productionFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['testing', 'generated', 'node_modules'].includes(entry.name) && !entry.name.startsWith('__'))
        out.push(...productionFiles(path));
    } else if (/\.tsx?$/.test(entry.name) && !isTest(entry.name)) out.push(path);
  }
  return out;
}

const ids = listGames().map((g) => g.descriptor.id);
const quoted = `'(${ids.join('|')})'`;
const COMPARISON = new RegExp(`(===|!==)\\s*${quoted}|${quoted}\\s*(===|!==)`);

const files = SOURCES.flatMap((s) => productionFiles(join(ROOT, s))).map((f) => relative(ROOT, f));
const oneGame = (file: string) => Object.keys(ONE_GAME_MODULES).some((prefix) => file.startsWith(prefix));

it('compares no game id outside games/ but in modules written for one game', () => {
  expect(files.length).toBeGreaterThan(200);
  const offenders = files.flatMap((file) =>
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .map((line, i) => ({ file, line: i + 1, text: line.trim() }))
      .filter(({ text }) => COMPARISON.test(text) && !oneGame(file)),
  );
  expect(offenders).toEqual([]);
});

/** A line of an object keyed by game id (`nlhe: ['human', 'call'],`), in the web's own code. */
const KEYED = new RegExp(`^\\s*('?)(${ids.join('|')})\\1\\s*:`);
const WEB = ['web/components/', 'web/lib/', 'web/app/'];

it('keeps no table keyed by game id in the web', () => {
  const offenders = files
    .filter((file) => WEB.some((w) => file.startsWith(w)) && !oneGame(file))
    .flatMap((file) =>
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line.trim() }))
        .filter(({ text }) => KEYED.test(text)),
    );
  expect(offenders).toEqual([]);
  expect(KEYED.test("  nlhe: ['human', 'call'],")).toBe(true);
  expect(KEYED.test("  'liars-dice': ['human'],")).toBe(true);
  expect(KEYED.test("  view: 'poker-table',")).toBe(false);
});

it("names Liar's Dice in no production file outside games/", () => {
  expect(ids).toContain('liars-dice');
  const naming = files.filter((file) => /liars-dice|liarsDice/.test(readFileSync(join(ROOT, file), 'utf8')));
  expect(naming).toEqual([]);
});

it('catches a comparison when there is one', () => {
  expect(COMPARISON.test("if (match.game === 'nlhe') return;")).toBe(true);
  expect(COMPARISON.test("'kuhn' !== id")).toBe(true);
  expect(COMPARISON.test("supportsOf(game).view === 'poker-table'")).toBe(false);
});
