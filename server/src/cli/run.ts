/**
 * `parley run --game kuhn --seats random,call --matches 10000 --seed 1 [--out FILE.jsonl]`
 * Plays matches in-process and prints each seat's mean payoff with a 95% interval, and the rate.
 */
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { createAgent } from '@parley/agents';
import { deriveSeed, getGame } from '@parley/games';
import { enableAcpcSeats } from '../acpc/seat-kind';
import { runMatch } from '../runtime/match-runner';
import { RunningStats } from '../runtime/stats';

const HELP = `usage: parley run --game ID --seats SPEC,SPEC,… [options]

  --game ID          a registered game (parley games lists them)
  --seats LIST       one agent spec per seat, comma-separated (random, call, acpc:PORT, …)
  --matches N        how many matches (default 1)
  --seed N           base seed; match i uses a seed derived from it (default 1)
  --params JSON      game parameters, e.g. '{"players":2}'
  --deadline MS      per-decision time limit before the default action (default 30000)
  --press-rounds N   rounds of press before each negotiation phase (Diplomacy; default 1)
  --out FILE.jsonl   write every match record, one JSON line each
  --json             print the summary as JSON instead of a table`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      game: { type: 'string' },
      seats: { type: 'string' },
      matches: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      params: { type: 'string' },
      deadline: { type: 'string', default: '30000' },
      'press-rounds': { type: 'string', default: '1' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.game || !values.seats) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  enableAcpcSeats();
  const game = getGame(values.game);
  const parsed = game.descriptor.parseParams(values.params ? JSON.parse(values.params) : {});
  if (!parsed.ok) throw new Error(`invalid --params: ${parsed.error.message}`);
  const specs = values.seats.split(',').map((s) => s.trim());
  const matches = integer('--matches', values.matches, 1);
  const seed = integer('--seed', values.seed, Number.MIN_SAFE_INTEGER);
  const deadlineMs = integer('--deadline', values.deadline, 1);
  const pressRounds = integer('--press-rounds', values['press-rounds'], 0);
  const seats = game.descriptor.numPlayers(parsed.params);
  if (specs.length !== seats) throw new Error(`${game.descriptor.id} seats ${seats} players; --seats names ${specs.length}`);

  const out = values.out ? createWriteStream(values.out) : undefined;
  const stats = specs.map(() => new RunningStats());
  const started = performance.now();
  for (let i = 0; i < matches; i++) {
    const agents = specs.map((spec) => createAgent(spec, game.descriptor.id));
    const { record } = await runMatch({
      game,
      params: parsed.params,
      seed: deriveSeed(seed, 'match', i),
      agents,
      deadlineMs,
      pressRounds,
    });
    record.returns.forEach((r, seat) => {
      stats[seat]?.push(r);
    });
    if (out && !out.write(`${JSON.stringify(record)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  if (out) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  const seconds = (performance.now() - started) / 1000;

  const summary = {
    game: game.descriptor.id,
    params: parsed.params,
    matches,
    seed,
    matchesPerSecond: matches / seconds,
    seats: specs.map((agent, seat) => ({
      seat,
      agent,
      meanPayoff: stats[seat]?.mean ?? 0,
      ci95: [
        (stats[seat]?.mean ?? 0) - (stats[seat]?.halfWidth95 ?? 0),
        (stats[seat]?.mean ?? 0) + (stats[seat]?.halfWidth95 ?? 0),
      ],
    })),
  };
  if (values.json) console.log(JSON.stringify(summary));
  else printTable(summary, seconds);
  return 0;
}

function printTable(
  summary: {
    game: string;
    matches: number;
    matchesPerSecond: number;
    seats: { seat: number; agent: string; meanPayoff: number; ci95: number[] }[];
  },
  seconds: number,
) {
  console.log(
    `${summary.game}: ${summary.matches} matches in ${seconds.toFixed(2)} s (${Math.round(summary.matchesPerSecond).toLocaleString('en-US')} matches/s)`,
  );
  console.log('seat  agent                 mean payoff   95% interval');
  for (const s of summary.seats) {
    const [lo, hi] = s.ci95 as [number, number];
    console.log(
      `${String(s.seat).padEnd(5)} ${s.agent.padEnd(21)} ${s.meanPayoff.toFixed(4).padStart(11)}   [${lo.toFixed(4)}, ${hi.toFixed(4)}]`,
    );
  }
}

function integer(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min)
    throw new Error(`${flag} must be an integer${min > 0 ? ` ≥ ${min}` : ''}, got '${text}'`);
  return n;
}
