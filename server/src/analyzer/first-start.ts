/**
 * A small, real solver run for a fresh arena, so the analysis page has a convergence chart to
 * show before anyone runs `parley solve`: CFR+ on Kuhn poker for 256 iterations (a fraction of a
 * second), written once into the analyses directory when it holds no analysis yet. The file's name
 * and its `note` say what it is; the analysis page labels it as such.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getGame } from '@parley/games';
import { CfrSolver } from './cfr';
import { compileTree } from './game-tree';
import { solveCheckpoints } from './solve-run';

export const FIRST_START_FILE = 'first-start-kuhn-cfr+.jsonl';
export const FIRST_START_NOTE = 'written by the arena at its first start: CFR+ on Kuhn poker, 256 iterations';
const ITERATIONS = 256;

/** Writes the first-start run into `dir` unless it holds an analysis already; returns the file written, if any. */
export function writeFirstStartSolve(dir: string): string | null {
  if (existsSync(dir) && readdirSync(dir).some((f) => /\.(jsonl|ndjson|json)$/.test(f))) return null;
  const game = getGame('kuhn');
  const parsed = game.descriptor.parseParams({});
  if (!parsed.ok) throw new Error(parsed.error.message);
  const tree = compileTree(game, parsed.params);
  const lines = [...solveCheckpoints(tree, new CfrSolver(tree, 'cfr+'), 'cfr+', ITERATIONS)];
  mkdirSync(dir, { recursive: true });
  const file = join(dir, FIRST_START_FILE);
  writeFileSync(file, `${lines.map((l) => JSON.stringify({ ...l, note: FIRST_START_NOTE })).join('\n')}\n`);
  return file;
}
