/**
 * The database is the one store of finished tournaments: the arena's and the CLI's alike are
 * recorded here (a Tournament row, its ratings, and analyses: the leaderboard, the report and the
 * files of its results directory), and the HTTP API and the web read them from here.
 *
 * A results directory (tournament.json, results.jsonl, ratings.json, report.json, report.md) is
 * the runner's working copy, what resuming reads, and an export: `recordTournamentDir` imports
 * one, `exportTournament` writes the same files back, byte for byte. records.jsonl (full match
 * records, when a spec asks for them) stays in the directory only: it can be far larger than a
 * row should be.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Leaderboard } from '../ratings/leaderboard';
import type { ResultsStore, TournamentStatus } from '../store/results';
import type { Report } from './report';

/** The files of a results directory that the database keeps, in the order they are written. */
export const STORED_FILES = ['tournament.json', 'results.jsonl', 'ratings.json', 'report.json', 'report.md'] as const;
export type StoredFile = (typeof STORED_FILES)[number];
const FILES_KIND = 'tournament-files';

/** A directory name usable as a tournament id (what the CLI's default --out produces). */
export const TOURNAMENT_ID = /^[\w.-]{1,100}$/;

/** Records a results directory as tournament `id` (by default the directory's name). Returns the id. */
export async function recordTournamentDir(
  results: ResultsStore,
  dir: string,
  options: { id?: string; status?: TournamentStatus } = {},
): Promise<string> {
  const id = options.id ?? basename(dir);
  if (!TOURNAMENT_ID.test(id)) throw new Error(`'${id.slice(0, 100)}' is not a tournament id (letters, digits, . _ -)`);
  const files: Partial<Record<StoredFile, string>> = Object.create(null);
  for (const name of STORED_FILES) {
    const file = join(dir, name);
    if (existsSync(file)) files[name] = readFileSync(file, 'utf8');
  }
  if (!files['tournament.json'] || !files['report.json'])
    throw new Error(`${dir} holds no finished tournament (tournament.json and report.json are needed)`);
  const manifest = JSON.parse(files['tournament.json']) as { spec: { name: string } };
  const report = JSON.parse(files['report.json']) as Report;
  const finished = report.matches.finished + report.matches.failed >= report.matches.scheduled;
  await results.saveTournament({
    id,
    name: manifest.spec.name,
    spec: manifest.spec,
    status: options.status ?? (finished ? 'finished' : 'aborted'),
  });
  await recordOutcome(results, id, report.leaderboard as Leaderboard, report);
  await results.saveAnalysis({ matchId: null, tournamentId: id, kind: FILES_KIND, result: files });
  return id;
}

/** Stores a tournament's leaderboard (as ratings and an analysis) and its report. */
export async function recordOutcome(results: ResultsStore, id: string, leaderboard: Leaderboard, report: Report): Promise<void> {
  await results.saveRatings(id, leaderboard);
  await results.saveAnalysis({ matchId: null, tournamentId: id, kind: 'leaderboard', result: leaderboard });
  await results.saveAnalysis({ matchId: null, tournamentId: id, kind: 'report', result: report });
}

/**
 * Writes a stored tournament's results directory into `dir`: the files it was recorded from.
 * Returns the names written: none when the store holds no files for `id`.
 */
export async function exportTournament(results: ResultsStore, id: string, dir: string): Promise<StoredFile[]> {
  const [row] = await results.analyses({ tournamentId: id, kind: FILES_KIND });
  if (!row) return [];
  const files = row.result as Partial<Record<StoredFile, string>>;
  mkdirSync(dir, { recursive: true });
  const written: StoredFile[] = [];
  for (const name of STORED_FILES) {
    const text = files[name];
    if (typeof text !== 'string') continue;
    writeFileSync(join(dir, `${name}.tmp`), text);
    renameSync(join(dir, `${name}.tmp`), join(dir, name));
    written.push(name);
  }
  return written;
}

/**
 * Imports, once, the results directories under `root` whose ids the store does not hold yet
 * (what `parley tournament run` wrote before the database was the store, or while the arena held
 * it). Returns the ids imported; a directory that is not a finished tournament is passed over.
 */
export async function importTournamentDirs(results: ResultsStore, root: string): Promise<string[]> {
  if (!existsSync(root)) return [];
  const imported: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || !TOURNAMENT_ID.test(entry.name)) continue;
    const dir = join(root, entry.name);
    if (!existsSync(join(dir, 'report.json')) || (await results.getTournament(entry.name))) continue;
    try {
      imported.push(await recordTournamentDir(results, dir));
    } catch {
      // Not a tournament this version can read: it stays a directory.
    }
  }
  return imported;
}
