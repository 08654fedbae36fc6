/**
 * Test doubles (the fake clock, fake providers, test arenas) live in `testing/` folders, and only
 * tests and benchmarks may import them: production code that reached a fake clock would run on
 * time that never moves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCES = ['server/src', 'agents/src', 'games/src', 'protocol/src'];

/** Tests and their helpers beside the code: `*.test.ts`, `test-*.ts`, `testing.ts`. */
const isTestSupport = (name: string) => name.endsWith('.test.ts') || name.startsWith('test-') || name === 'testing.ts';

function productionFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'testing' && entry.name !== 'generated' && !entry.name.startsWith('__'))
        out.push(...productionFiles(path));
    } else if (entry.name.endsWith('.ts') && !isTestSupport(entry.name)) out.push(path);
  }
  return out;
}

it('keeps production code from importing anything under a testing/ folder', () => {
  const files = SOURCES.flatMap((s) => productionFiles(join(ROOT, s)));
  expect(files.length).toBeGreaterThan(100);
  const offenders = files
    .filter((f) => /from\s+'[^']*\/testing\/[^']*'/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  expect(offenders).toEqual([]);
});

it('finds such an import when there is one', () => {
  expect(/from\s+'[^']*\/testing\/[^']*'/.test("import { FakeClock } from '../testing/fake-clock';")).toBe(true);
});

/**
 * A workspace reaches another only through its package name and declared exports: a relative
 * import across workspace roots (`../../server/src/…`) would hide a dependency the package
 * manifest does not state, and a cycle turbo cannot order.
 */
const WORKSPACES = ['games', 'protocol', 'agents', 'server', 'web'];
const SKIP_DIRS = new Set(['node_modules', '.next', 'generated', 'test-artifacts', 'dist']);
const SPECIFIER = /(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']*)'/g;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) out.push(...sourceFiles(path));
    } else if (/\.(?:ts|tsx|mts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The relative specifiers in `text`, read from `file` in `workspace`, that land in another workspace. */
function crossings(workspace: string, file: string, text: string): string[] {
  const inside = (w: string, path: string) => !relative(join(ROOT, w), path).startsWith('..');
  return [...text.matchAll(SPECIFIER)]
    .map((m) => m[1] as string)
    .filter((spec) => WORKSPACES.some((w) => w !== workspace && inside(w, join(dirname(file), spec))));
}

it('keeps every workspace from importing another by a relative path', () => {
  const offenders = WORKSPACES.flatMap((w) =>
    sourceFiles(join(ROOT, w)).flatMap((f) =>
      crossings(w, f, readFileSync(f, 'utf8')).map((spec) => `${relative(ROOT, f)} → ${spec}`),
    ),
  );
  expect(offenders).toEqual([]);
});

it('finds a relative import across workspaces when there is one', () => {
  const file = join(ROOT, 'agents/src/llm/x.test.ts');
  expect(crossings('agents', file, "import { runMatch } from '../../../server/src/runtime';")).toHaveLength(1);
  expect(crossings('agents', file, "import { llmAgent } from './agent';\nimport('../bots/call')")).toEqual([]);
  // The example bots are no workspace: tests run them as a client would.
  expect(crossings('agents', file, "import { bot } from '../../../examples/acpc-bot/bot';")).toEqual([]);
});

/**
 * Shapes that cross a process boundary are declared once, in @parley/protocol; the web and the
 * example bots import them. A type of the same name declared again there is a hand copy that
 * would drift from what the server sends (the web's tsc then checks every use against the protocol).
 */
const PROTOCOL_SRC = join(ROOT, 'protocol/src');
const DECLARATION = /export\s+(?:interface|type)\s+(\w+)/g;

function protocolTypeNames(
  files = readdirSync(PROTOCOL_SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')),
): string[] {
  return files.flatMap((f) => [...readFileSync(join(PROTOCOL_SRC, f), 'utf8').matchAll(DECLARATION)].map((m) => m[1] as string));
}

/** A declaration opens its line (`export type X =`); an import's inline `{ type X }` is a use, not one. */
const redeclared = (text: string, names: readonly string[]) =>
  names.filter((name) =>
    new RegExp(`^\\s*(?:export\\s+)?(?:declare\\s+)?(?:interface|type)\\s+${name}\\b(?!\\s*[,}])`, 'm').test(text),
  );

it('keeps the web and the example bots from declaring a protocol type again', () => {
  const names = protocolTypeNames();
  expect(names).toEqual(
    expect.arrayContaining([
      'MatchSummary',
      'MatchRecord',
      'Commitment',
      'StoredModelCall',
      'ServerMessage',
      'MatchRequest',
      'BranchRequest',
      'JudgeRequest',
      'SignUpRequest',
      'CreateBotRequest',
      'Leaderboard',
      'TournamentReport',
      'TournamentDetail',
      'DiplomacyAnalysis',
      'PromiseRates',
      'JudgedPromiseRow',
      'PooledModelMeasures',
      'MeasuresAnswer',
      'SolvePoint',
    ]),
  );
  const offenders = ['web', 'examples'].flatMap((dir) =>
    sourceFiles(join(ROOT, dir)).flatMap((f) =>
      redeclared(readFileSync(f, 'utf8'), names).map((n) => `${relative(ROOT, f)}: ${n}`),
    ),
  );
  expect(offenders).toEqual([]);
});

it('finds a protocol type declared again', () => {
  expect(redeclared('export interface MatchSummary {\n  id: string;\n}', ['MatchSummary', 'ApiError'])).toEqual(['MatchSummary']);
  expect(redeclared("import type { MatchSummary } from '@parley/protocol';", ['MatchSummary'])).toEqual([]);
  expect(redeclared("import { type MatchSummary, SEAT } from '@parley/protocol';", ['MatchSummary'])).toEqual([]);
  expect(redeclared("import {\n  type MatchSummary,\n} from '@parley/protocol';", ['MatchSummary'])).toEqual([]);
  expect(redeclared('type MatchSummary = { id: string };', ['MatchSummary'])).toEqual(['MatchSummary']);
});

/**
 * The HTTP requests, the tournament results and the analyzer's outputs were declared in the
 * server before the protocol held them: the server now takes them from there too, so a second
 * declaration of one of these names in server code (`interface Leaderboard {`, `type MatchSettings =`) is a copy that would
 * drift from what the web is typed against. A re-export (`export type { Leaderboard }`) is fine.
 */
const MOVED_TO_PROTOCOL = ['http.ts', 'auth.ts', 'tournament.ts', 'tournament-file.ts', 'analysis.ts'];

const declaredAgain = (text: string, names: readonly string[]) =>
  names.filter((name) => new RegExp(`^\\s*(?:export\\s+)?(?:interface|type)\\s+${name}\\b\\s*(?:[=<{]|extends)`, 'm').test(text));

it('keeps the server from declaring the HTTP requests, tournament results and analyses again', () => {
  const names = protocolTypeNames(MOVED_TO_PROTOCOL);
  expect(names).toEqual(
    expect.arrayContaining([
      'MatchSettings',
      'ClockSettings',
      'Leaderboard',
      'TournamentReport',
      'Usage',
      'TournamentFile',
      'DiplomacyAnalysis',
      'JudgedPromise',
      'ModelMeasures',
      'PooledModelMeasures',
      'MeasuresAnswer',
      'SolvePoint',
    ]),
  );
  const offenders = productionFiles(join(ROOT, 'server/src')).flatMap((f) =>
    declaredAgain(readFileSync(f, 'utf8'), names).map((n) => `${relative(ROOT, f)}: ${n}`),
  );
  expect(offenders).toEqual([]);
});

it('finds such a declaration, and lets a re-export or an import through', () => {
  const names = ['Leaderboard', 'MatchSettings'];
  expect(declaredAgain('export interface Leaderboard {\n  rows: [];\n}', names)).toEqual(['Leaderboard']);
  expect(declaredAgain('type MatchSettings = z.infer<typeof schema>;', names)).toEqual(['MatchSettings']);
  expect(declaredAgain("export type { Leaderboard };\nimport { type MatchSettings } from '@parley/protocol';", names)).toEqual(
    [],
  );
});
