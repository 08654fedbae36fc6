/**
 * `parley branch MATCH --at TURN [--seats a,b,…] [--times N] …`: forks a recorded match (a stored
 * match id, or a record file) at the start of a turn, plays N continuations with the same or
 * other seats, and prints how each seat's result is distributed against the original
 * (runtime/branch.ts). Continuation 0 keeps the parent's seed: with the same seats it reproduces
 * the parent exactly. `--out FILE.jsonl` keeps every continuation's record.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createAgent } from '@parley/agents';
import { getGame } from '@parley/games';
import { branchMatch, branchReport } from '../runtime/branch';
import { loadRecord } from './match-source';

const USAGE = `usage: parley branch MATCH|FILE --at TURN [--seats SPEC,…] [--times N] [--press-rounds N]
                    [--deadline MS] [--record N] [--out FILE.jsonl]

Forks a match at the start of TURN (a Diplomacy phase such as S1903M) and plays N continuations
(default 10). --seats gives one agent spec per seat (default: the parent's agents, where their
names are specs). Prints a JSON report: each seat's return in the parent, and its mean, 95%
interval, minimum and maximum over the continuations.`;

export async function run(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`parley branch: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const times = Number(values.times);
  const pressRounds = Number(values['press-rounds']);
  const deadlineMs = Number(values.deadline);
  if (positionals.length !== 1 || !values.at || !(Number.isInteger(times) && times >= 1 && times <= 10_000)) {
    console.error(`parley branch: name one match and --at TURN; --times is 1…10000\n\n${USAGE}`);
    return 2;
  }
  try {
    const record = await loadRecord(positionals[0]!, values.record, env);
    const game = getGame(record.game);
    const specs = values.seats ? values.seats.split(',').map((s) => s.trim()) : record.seats.map((s) => s.agent);
    if (specs.length !== record.seats.length)
      throw new Error(`--seats names ${specs.length} agents for ${record.seats.length} seats`);
    const { point, records } = await branchMatch({
      game,
      record,
      at: values.at,
      times,
      agentsFor: () => specs.map((spec) => createAgent(spec, record.game)),
      pressRounds: Number.isInteger(pressRounds) && pressRounds >= 0 ? pressRounds : 1,
      deadlineMs: Number.isFinite(deadlineMs) && deadlineMs > 0 ? deadlineMs : 30_000,
    });
    if (values.out) await writeFile(values.out, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    console.log(JSON.stringify(branchReport(record, point, records), null, 2));
    return 0;
  } catch (error) {
    console.error(`parley branch: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const parse = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      at: { type: 'string' },
      seats: { type: 'string' },
      times: { type: 'string', default: '10' },
      'press-rounds': { type: 'string', default: '1' },
      deadline: { type: 'string', default: '30000' },
      record: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
