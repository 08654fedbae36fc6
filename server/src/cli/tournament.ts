/**
 * `parley tournament run|report|leaderboard|validate …`: tournaments from a YAML or JSON file.
 * Progress and messages go to stderr; with `--json` stdout carries the leaderboard alone.
 */
import { parseArgs } from 'node:util';
import { enableAcpcSeats } from '../acpc/seat-kind';
import { type DaideServer, startDaideServer } from '../daide/server';
import { formatLeaderboard, LEADERBOARD_FORMATS, type LeaderboardFormat } from '../ratings/format';
import type { Leaderboard } from '../ratings/leaderboard';
import { defaultOutDir, rebuildReport, runTournament } from '../tournament/run';
import { fixedSchedule } from '../tournament/schedule';
import { loadTournamentFile } from '../tournament/spec';
import { DirectoryStore } from '../tournament/store';
import { exportCommand, importCommand, recordRun } from './tournament-store';

const HELP = `usage: parley tournament <run|report|leaderboard|validate|import|export> …

  run FILE            play a tournament (resumes if its output directory holds results) and
                      record it in the database (PARLEY_DATA_DIR or DATABASE_URL), where the
                      arena's API and web pages read it; while 'parley start' holds the embedded
                      database the results stay in the directory: import them later
    --out DIR           results directory (default .parley-data/tournaments/NAME; its name
                        is the tournament's id in the database)
    --workers N         worker threads; 0 plays in this thread (default: a thread per core
                        when the run looks longer than a few seconds, else this thread)
    --redis URL         queue matches on Redis for 'parley worker' processes (default: $REDIS_URL)
    --local             play here even if REDIS_URL is set
    --queue NAME        the queue's name (default parley-matches)
    --chunk N           matches per chunk handed to a worker
    --daide-port N      listen for DAIDE bots on port N while the tournament runs, so that
                        Diplomacy participants may be 'daide' (a bot connecting there)
    --daide-level L     DAIDE press level, 0 (default) or 10
    --json              print the final leaderboard as JSON on stdout, nothing else
    --quiet             no progress
  report DIR          rebuild ratings.json, report.json and report.md from stored results
    --json              print report.json instead of the Markdown
  leaderboard DIR     print the leaderboard
    --format F          table (default), json, csv or jsonl
  validate FILE       check a tournament file and show its participants and match count
  import DIR          record a results directory in the database (parley start also imports,
                      once, those under PARLEY_DATA_DIR/tournaments)
    --id ID             the tournament's id (default: the directory's name)
  export ID --out DIR write a recorded tournament's results directory (the files run wrote)`;

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  // Tournament files are the operator's: an acpc:PORT seat may take any port.
  enableAcpcSeats();
  switch (sub) {
    case 'run':
      return runCommand(rest);
    case 'report':
      return reportCommand(rest);
    case 'leaderboard':
      return leaderboardCommand(rest);
    case 'validate':
      return validateCommand(rest);
    case 'import':
      return importCommand(rest);
    case 'export':
      return exportCommand(rest);
    case undefined:
    case '--help':
    case '-h':
      console.log(HELP);
      return sub ? 0 : 2;
    default:
      console.error(`parley tournament: unknown subcommand '${sub}'\n\n${HELP}`);
      return 2;
  }
}

function oneFile(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new Error(`expected one ${what}, got ${positionals.length}\n\n${HELP}`);
  return positionals[0] as string;
}

async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      workers: { type: 'string' },
      redis: { type: 'string' },
      local: { type: 'boolean', default: false },
      queue: { type: 'string' },
      chunk: { type: 'string' },
      json: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'daide-port': { type: 'string' },
      'daide-level': { type: 'string', default: '0' },
    },
  });
  // Tournaments seating DAIDE bots play in this thread, where the DAIDE server listens (run.ts).
  const daide = values['daide-port'] === undefined ? null : await startDaide(values['daide-port'], values['daide-level']);
  try {
    return await runFile(positionals, values);
  } finally {
    await daide?.close();
  }
}

async function startDaide(port: string, level: string | undefined): Promise<DaideServer> {
  if (level !== '0' && level !== '10') throw new Error(`--daide-level must be 0 or 10, not '${level}'`);
  const server = await startDaideServer({ port: integer('--daide-port', port, 0), level: level === '10' ? 10 : 0 });
  process.stderr.write(`DAIDE server on port ${server.port} (press level ${level}): 'daide' participants play there\n`);
  return server;
}

async function runFile(
  positionals: string[],
  values: {
    out?: string;
    workers?: string;
    redis?: string;
    local: boolean;
    queue?: string;
    chunk?: string;
    json: boolean;
    quiet: boolean;
  },
): Promise<number> {
  const spec = loadTournamentFile(oneFile(positionals, 'tournament file'));
  const redis = values.local ? undefined : (values.redis ?? process.env.REDIS_URL);
  const out = values.out ?? defaultOutDir(spec);
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nstopping after the matches in flight (Ctrl-C again to quit now); run again to resume\n');
    controller.abort();
  };
  process.once('SIGINT', stop);
  if (redis) process.stderr.write(`queueing matches on ${redact(redis)}; workers: npx parley worker --redis URL\n`);
  const outcome = await runTournament(spec, {
    out,
    ...(values.workers !== undefined && { workers: integer('--workers', values.workers, 0) }),
    ...(redis && { redis }),
    ...(values.queue && { queue: values.queue }),
    ...(values.chunk !== undefined && { chunk: integer('--chunk', values.chunk, 1) }),
    progress: !values.quiet,
    signal: controller.signal,
  });
  process.off('SIGINT', stop);
  await recordRun(outcome.location, outcome.complete);
  if (values.json)
    console.log(
      JSON.stringify({
        name: spec.name,
        game: spec.game,
        out: outcome.location,
        complete: outcome.complete,
        ...outcome.leaderboard,
      }),
    );
  else {
    console.log(formatLeaderboard(outcome.leaderboard, 'table'));
    console.log(`\nreport: ${outcome.location}/report.md`);
  }
  return outcome.complete ? 0 : 130;
}

async function reportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const { report, markdown } = await rebuildReport(new DirectoryStore(oneFile(positionals, 'tournament directory')));
  console.log(values.json ? JSON.stringify(report, null, 2) : markdown.trimEnd());
  return 0;
}

async function leaderboardCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'table' } },
  });
  const format = values.format as LeaderboardFormat;
  if (!LEADERBOARD_FORMATS.includes(format)) throw new Error(`--format must be one of ${LEADERBOARD_FORMATS.join(', ')}`);
  const store = new DirectoryStore(oneFile(positionals, 'tournament directory'));
  const stored = (await store.readOutput('ratings')) as Leaderboard | null;
  const board = stored ?? (await rebuildReport(store)).leaderboard;
  console.log(formatLeaderboard(board, format));
  return 0;
}

async function validateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false } },
  });
  const spec = loadTournamentFile(oneFile(positionals, 'tournament file'));
  const matches =
    spec.format.type === 'swiss'
      ? Math.floor(spec.participants.length / 2) * spec.format.gamesPerPairing * spec.format.rounds
      : fixedSchedule(spec).length;
  if (values.json)
    console.log(
      JSON.stringify({ name: spec.name, game: spec.game, seats: spec.seats, matches, participants: spec.participants }),
    );
  else {
    console.log(`${spec.name}: ${spec.game}, ${spec.seats} seats, ${spec.format.type}, ${matches} matches`);
    for (const p of spec.participants) console.log(`  ${p.name.padEnd(32)} ${p.agent}`);
  }
  return 0;
}

/** A Redis URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

function integer(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${flag} must be an integer ≥ ${min}, got '${text}'`);
  return n;
}
