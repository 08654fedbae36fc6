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
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type ExportFormat, exportMatch } from '../store';
import { loadMatch } from './match-source';

/** CLI format name -> store export format. */
const FORMATS: Record<string, ExportFormat> = { json: 'parley', phh: 'phh', diplomacy: 'diplomacy' };

const USAGE = `usage: parley export MATCH|FILE --format ${Object.keys(FORMATS).join('|')} [--record N] [--out PATH]

Exports one match: MATCH is a stored match id (the database in PARLEY_DATA_DIR, or DATABASE_URL);
FILE a Parley match record (.json, or .jsonl with one record a line: --record N picks one).
  json  the match record, checked by replaying it through the engine
  phh   No-Limit Hold'em hands as a PHHS document (PokerKit and other PHH tools read it)
  diplomacy  a Diplomacy match as the Python diplomacy package's saved game (its validator accepts it)
Writes to stdout, or to PATH with --out.`;

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
    const match = await loadMatch(target, values.record, env);
    const { text } = exportMatch(match, format);
    if (values.out) await writeFile(values.out, text);
    else process.stdout.write(text);
    return 0;
  } catch (error) {
    console.error(`parley export: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
