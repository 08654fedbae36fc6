/**
 * The database side of `parley tournament`: `run` records each tournament it plays, `import DIR`
 * records a results directory, `export ID --out DIR` writes one back. The database is the one
 * PARLEY_DATA_DIR or DATABASE_URL names (store/location.ts).
 *
 * A running `parley start` holds the embedded database (PGlite allows one process). Then `run`
 * still plays and writes its results directory, says that the database was busy, and leaves the
 * recording to `parley tournament import DIR`, or to the arena's next start, which imports the
 * directories under PARLEY_DATA_DIR/tournaments that it does not hold yet. With PARLEY_STORE=memory
 * nothing is recorded (there is no database to keep it).
 */
import { parseArgs } from 'node:util';
import { type MatchStore, openStore, StoreError } from '../store';
import { type ResultsStore, resultsFor } from '../store/results';
import { exportTournament, recordTournamentDir } from '../tournament/stored';

type Env = Record<string, string | undefined>;

/** Opens the database for `use`, or explains why it cannot (null). */
async function withResults<T>(env: Env, use: (results: ResultsStore) => Promise<T>): Promise<T | null> {
  if (env.PARLEY_STORE === 'memory') {
    process.stderr.write('PARLEY_STORE=memory: no database to record tournaments in\n');
    return null;
  }
  let store: MatchStore;
  try {
    store = await openStore({ env });
  } catch (error) {
    if (!(error instanceof StoreError && error.code === 'store/locked')) throw error;
    process.stderr.write(
      'the database is in use by a running arena (parley start); stop it first, or let its next start import the directory\n',
    );
    return null;
  }
  try {
    return await use(resultsFor(store));
  } finally {
    await store.close();
  }
}

/** After `tournament run`: records the results directory. Never fails the run. */
export async function recordRun(dir: string, complete: boolean, env: Env = process.env): Promise<void> {
  try {
    const id = await withResults(env, (results) =>
      recordTournamentDir(results, dir, { status: complete ? 'finished' : 'aborted' }),
    );
    process.stderr.write(
      id === null
        ? `results are in ${dir} only: record them with \`parley tournament import ${dir}\`\n`
        : `recorded as tournament ${id} in the database\n`,
    );
  } catch (error) {
    process.stderr.write(
      `could not record the tournament in the database (${error instanceof Error ? error.message : String(error)}); results are in ${dir}\n`,
    );
  }
}

/** `parley tournament import DIR [--id ID]`. */
export async function importCommand(argv: string[], env: Env = process.env): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { id: { type: 'string' } } });
  if (positionals.length !== 1) throw new Error('usage: parley tournament import DIR [--id ID]');
  const dir = positionals[0] as string;
  const id = await withResults(env, (results) => recordTournamentDir(results, dir, { id: values.id }));
  if (id === null) return 1;
  console.log(id);
  return 0;
}

/** `parley tournament export ID --out DIR`. */
export async function exportCommand(argv: string[], env: Env = process.env): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' } } });
  if (positionals.length !== 1 || !values.out) throw new Error('usage: parley tournament export ID --out DIR');
  const id = positionals[0] as string;
  const out = values.out;
  const written = await withResults(env, (results) => exportTournament(results, id, out));
  if (written === null) return 1;
  if (written.length === 0) {
    process.stderr.write(`no tournament '${id.slice(0, 100)}' with stored results in the database\n`);
    return 1;
  }
  process.stderr.write(`wrote ${written.join(', ')} to ${out}\n`);
  return 0;
}
