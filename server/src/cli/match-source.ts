/**
 * Where CLI commands find one match: an argument that names an existing file is read as a record
 * file (a Parley match record as JSON, or JSONL of several: `pick` chooses the Nth, 1-based);
 * anything else is a match id in the database (PARLEY_DATA_DIR, or DATABASE_URL).
 */
import { readFile, stat } from 'node:fs/promises';
import type { MatchRecord } from '../runtime/record';
import { matchOfRecord, openStore, recordOf } from '../store';
import type { MatchWithEvents } from '../store/types';

/** A match that is not there or not readable; its message is safe to print. */
export class MatchSourceError extends Error {}

export async function loadMatch(
  target: string,
  pick: string | undefined,
  env: Record<string, string | undefined>,
): Promise<MatchWithEvents> {
  return (await isFile(target)) ? await fromFile(target, pick) : await fromStore(target, env);
}

/** The match's record, as `parley run --out` writes them. */
export async function loadRecord(
  target: string,
  pick: string | undefined,
  env: Record<string, string | undefined>,
): Promise<MatchRecord> {
  return recordOf(await loadMatch(target, pick, env));
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
        throw new MatchSourceError(`${path} line ${i + 1} is not JSON: not a Parley match record file`);
      }
    });
  }
  if (records.length === 0) throw new MatchSourceError(`${path} holds no match record`);
  const n = pick === undefined ? 1 : Number(pick);
  if (pick === undefined && records.length > 1)
    throw new MatchSourceError(`${path} holds ${records.length} records: pick one with --record 1..${records.length}`);
  if (!Number.isSafeInteger(n) || n < 1 || n > records.length)
    throw new MatchSourceError(`--record ${pick} is outside 1..${records.length}`);
  const record = records[n - 1] as MatchRecord;
  if (record?.format !== 'parley.match' || !Array.isArray(record.actions) || !Array.isArray(record.seats))
    throw new MatchSourceError(`${path}${records.length > 1 ? ` record ${n}` : ''} is not a Parley match record`);
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
    if (!match) throw new MatchSourceError(`no match '${id}' in the database, and no file by that name`);
    return match;
  } finally {
    await store.close();
  }
}
