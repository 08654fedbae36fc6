/**
 * `parley import FILE [--dry-run]`: a saved game of the Python `diplomacy` package (or of an LLM
 * self-play harness built on it) replayed through Parley's engine and stored as a finished match
 * with its press. The first disagreement between the file and Parley's rules stops the import,
 * named (phase, unit or centre, expected vs got). `--dry-run` checks without storing.
 * Exit codes: 0 imported (or checked), 1 unreadable or disagreeing, 2 bad usage.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openStore, StoreError } from '../store';
import { importSavedGame, saveImported } from '../store/import-diplomacy';

const USAGE = `usage: parley import FILE [--dry-run]

Imports a Python diplomacy saved game (JSON: map, rules, phases with state/orders/results/messages),
or the LLM harness variant of it, into the database (PARLEY_DATA_DIR, or DATABASE_URL).`;

const MAX_BYTES = 200 * 1024 * 1024;

export async function run(argv: string[]): Promise<number> {
  let values: { 'dry-run'?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    console.error(`parley import: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`parley import: name one saved-game file\n\n${USAGE}`);
    return 2;
  }
  const file = positionals[0]!;
  let raw: unknown;
  try {
    if ((await stat(file)).size > MAX_BYTES) throw new Error('file larger than 200 MB');
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    console.error(`parley import: cannot read ${file}: ${error instanceof SyntaxError ? 'not JSON' : (error as Error).message}`);
    return 1;
  }
  try {
    const imported = importSavedGame(raw);
    const summary = `${imported.phases} phases, ${imported.record.actions.length} orders, ${imported.record.messages.length} messages`;
    for (const r of imported.refused) console.log(`  refused (played as the default): ${r}`);
    if (imported.extraFields.length > 0) console.log(`  extra per-phase fields (not stored): ${imported.extraFields.join(', ')}`);
    if (values['dry-run']) {
      console.log(`replays in Parley's engine: ${summary}`);
      return 0;
    }
    const store = await openStore();
    try {
      const id = await saveImported(store, imported, randomUUID());
      console.log(`imported as match ${id}: ${summary}`);
    } finally {
      await store.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof StoreError) {
      console.error(`parley import: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
