/**
 * `parley export MATCH|FILE --format json|phh [--record N] [--out PATH]`: one match in one of
 * the export formats, from the database (a stored match id) or from a record file (a Parley
 * match record as JSON, or JSONL of several: `--record N` picks the Nth, 1-based).
 *
 * Every format goes through the store's `exportMatch`, so the CLI and the HTTP API write the
 * same bytes: `json` is the match record, proved by replaying it through the engine; `phh` the
 * No-Limit Hold'em hands as one PHHS document; `diplomacy` the saved-game JSON of the Python
 * `diplomacy` package. A format is one line in `FORMATS`.
 *
 * An argument that names an existing file is read as a file; anything else is a match id.
 * Exit codes: 0 written, 1 not found or not exportable, 2 bad usage.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { MatchRecord } from '../runtime/record';
import { type ExportFormat, exportMatch, matchOfRecord, openStore } from '../store';
import type { MatchWithEvents } from '../store/types';

/** CLI format name -> store export format. */
const FORMATS: Record<string, ExportFormat> = { json: 'parley', phh: 'phh', diplomacy: 'diplomacy' };

const USAGE = `usage: parley export MATCH|FILE --format ${Object.keys(FORMATS).join('|')} [--record N] [--out PATH]

Exports one match: MATCH is a stored match id (the database in PARLEY_DATA_DIR, or DATABASE_URL);
FILE a Parley match record (.json, or .jsonl with one record a line: --record N picks one).
  json  the match record, checked by replaying it through the engine
  phh   No-Limit Hold'em hands as a PHHS document (PokerKit and other PHH tools read it)
  diplomacy  a Diplomacy match as the Python diplomacy package's saved game (its validator accepts it)
Writes to stdout, or to PATH with --out.`;

class ExportFailure extends Error {}

export async function run(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let values: { format?: string; record?: string; out?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'json' },
        record: { type: 'string' },
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`parley export: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = FORMATS[values.format ?? 'json'];
  if (positionals.length !== 1 || !format) {
    const why = format ? 'name one match id or record file' : `unknown format '${values.format}'`;
    console.error(`parley export: ${why}\n\n${USAGE}`);
    return 2;
  }
  const target = positionals[0]!;
  try {
    const match = (await isFile(target)) ? await fromFile(target, values.record) : await fromStore(target, env);
    const { text } = exportMatch(match, format);
    if (values.out) await writeFile(values.out, text);
    else process.stdout.write(text);
    return 0;
  } catch (error) {
    console.error(`parley export: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The record of a JSON or JSONL file, as a match; names the line that is not a record. */
async function fromFile(path: string, pick: string | undefined): Promise<MatchWithEvents> {
  const text = await readFile(path, 'utf8');
  let records: unknown[];
  try {
    records = [JSON.parse(text)];
  } catch {
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    records = lines.map((line, i) => {
      try {
        return JSON.parse(line);
      } catch {
        throw new ExportFailure(`${path} line ${i + 1} is not JSON: not a Parley match record file`);
      }
    });
  }
  if (records.length === 0) throw new ExportFailure(`${path} holds no match record`);
  const n = pick === undefined ? 1 : Number(pick);
  if (pick === undefined && records.length > 1)
    throw new ExportFailure(`${path} holds ${records.length} records: pick one with --record 1..${records.length}`);
  if (!Number.isSafeInteger(n) || n < 1 || n > records.length)
    throw new ExportFailure(`--record ${pick} is outside 1..${records.length}`);
  const record = records[n - 1] as MatchRecord;
  if (record?.format !== 'parley.match' || !Array.isArray(record.actions) || !Array.isArray(record.seats))
    throw new ExportFailure(`${path}${records.length > 1 ? ` record ${n}` : ''} is not a Parley match record`);
  const name = path.replace(/^.*[\\/]/, '').replace(/\.(jsonl?|json)$/i, '');
  return matchOfRecord(
    { ...record, messages: record.messages ?? [], modelCalls: record.modelCalls ?? [] },
    records.length > 1 ? `${name}-${n}` : name,
  );
}

async function fromStore(id: string, env: Record<string, string | undefined>): Promise<MatchWithEvents> {
  const store = await openStore({ env });
  try {
    const match = await store.getMatch(id);
    if (!match) throw new ExportFailure(`no match '${id}' in the database, and no file by that name`);
    return match;
  } finally {
    await store.close();
  }
}
