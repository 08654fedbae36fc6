/**
 * Tournament storage behind one small interface, so that a database-backed store can replace
 * the directory store without touching the runner.
 *
 * The directory store keeps, in the tournament's output directory:
 *   tournament.json   the manifest: the resolved spec and its fingerprint
 *   results.jsonl     one line per finished match, appended as matches end (what resuming reads)
 *   records.jsonl     full match records, when the spec asks for them
 *   ratings.json      the leaderboard;  report.json, report.md  the report
 * Results are buffered for at most ~200 ms and appended whole lines at a time; after a crash a
 * torn last line is cut off before appending resumes, so at most the unflushed tail is replayed.
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { MatchSummary } from './play';
import type { ResolvedSpec } from './spec';

export const MANIFEST_FORMAT = 'parley.tournament';
export const MANIFEST_VERSION = 1;

export interface TournamentManifest {
  format: typeof MANIFEST_FORMAT;
  version: typeof MANIFEST_VERSION;
  fingerprint: string;
  spec: ResolvedSpec;
  createdAt: string;
}

export interface TournamentOutputs {
  ratings: unknown;
  report: unknown;
  markdown: string;
}

export interface TournamentStore {
  /** Where it lives, for messages (a directory, a database row). */
  readonly location: string;
  readManifest(): Promise<TournamentManifest | null>;
  writeManifest(manifest: TournamentManifest): Promise<void>;
  /** Every stored result, in the order stored; a later line for the same id wins. */
  readResults(): Promise<MatchSummary[]>;
  /** Queues a result for storage (a record it carries is kept apart). */
  appendResult(result: MatchSummary): void;
  flush(): Promise<void>;
  writeOutputs(outputs: TournamentOutputs): Promise<void>;
  readOutput(name: 'ratings' | 'report'): Promise<unknown | null>;
  close(): Promise<void>;
}

const FLUSH_LINES = 512;
const FLUSH_MS = 200;

export class DirectoryStore implements TournamentStore {
  private lines: string[] = [];
  private records: string[] = [];
  private lastFlush = Date.now();
  private timer: ReturnType<typeof setInterval> | undefined;
  private repaired = false;

  constructor(readonly location: string) {}

  private path(name: string): string {
    return join(this.location, name);
  }

  async readManifest(): Promise<TournamentManifest | null> {
    const file = this.path('tournament.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TournamentManifest) : null;
  }

  async writeManifest(manifest: TournamentManifest): Promise<void> {
    mkdirSync(this.location, { recursive: true });
    writeAtomically(this.path('tournament.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }

  async readResults(): Promise<MatchSummary[]> {
    const file = this.path('results.jsonl');
    if (!existsSync(file)) return [];
    const results: MatchSummary[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      try {
        results.push(JSON.parse(line) as MatchSummary);
      } catch {
        // A line torn by a crash: its match is simply played again.
      }
    }
    return results;
  }

  appendResult(result: MatchSummary): void {
    const { record, ...line } = result;
    this.lines.push(JSON.stringify(line));
    if (record) this.records.push(JSON.stringify(record));
    if (this.lines.length >= FLUSH_LINES || Date.now() - this.lastFlush >= FLUSH_MS) this.flushNow();
    else this.timer ??= setInterval(() => this.flushNow(), FLUSH_MS).unref();
  }

  private flushNow(): void {
    this.lastFlush = Date.now();
    if (this.lines.length === 0) return;
    mkdirSync(this.location, { recursive: true });
    if (!this.repaired) {
      cutTornLine(this.path('results.jsonl'));
      cutTornLine(this.path('records.jsonl'));
      this.repaired = true;
    }
    // Records first: a result line promises its record is already stored.
    if (this.records.length > 0) appendFileSync(this.path('records.jsonl'), `${this.records.join('\n')}\n`);
    appendFileSync(this.path('results.jsonl'), `${this.lines.join('\n')}\n`);
    this.lines = [];
    this.records = [];
  }

  async flush(): Promise<void> {
    this.flushNow();
  }

  async writeOutputs({ ratings, report, markdown }: TournamentOutputs): Promise<void> {
    mkdirSync(this.location, { recursive: true });
    writeAtomically(this.path('ratings.json'), `${JSON.stringify(ratings, null, 2)}\n`);
    writeAtomically(this.path('report.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeAtomically(this.path('report.md'), markdown);
  }

  async readOutput(name: 'ratings' | 'report'): Promise<unknown | null> {
    const file = this.path(`${name}.json`);
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.flushNow();
  }
}

function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** Truncates a file after its last newline (a crash may have left half a line). */
function cutTornLine(file: string): void {
  if (!existsSync(file)) return;
  const fd = openSync(file, 'r+');
  try {
    const size = fstatSync(fd).size;
    let end = size;
    const buf = Buffer.alloc(4096);
    while (end > 0) {
      const start = Math.max(0, end - buf.length);
      const n = readSync(fd, buf, 0, end - start, start);
      const at = buf.subarray(0, n).lastIndexOf(0x0a);
      if (at >= 0) {
        end = start + at + 1;
        break;
      }
      end = start;
    }
    if (end !== size) ftruncateSync(fd, end);
  } finally {
    closeSync(fd);
  }
}
