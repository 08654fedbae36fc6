/**
 * `parley acpc dealer …`: an ACPC dealer, as `project_acpc_server`'s `dealer` is run: a game
 * definition, a number of hands, and one seat per player, each either `acpc` (a port an ACPC
 * client connects to) or a Parley agent spec. It prints each ACPC seat's port, waits for the
 * clients, plays, prints each seat's result, and can write the match record and the hands'
 * PHH. `parley acpc gamedef` prints the game definition of NLHE parameters.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createAgent } from '@parley/agents';
import { type Nlhe, nlhe } from '@parley/games';
import { DEFAULT_RESPONSE_MS, dealerLog, gamedefOf, parseGamedef, runAcpcMatch, writeGamedef } from '../acpc';
import type { MatchRecord } from '../runtime/record';
import { exportMatch, matchOfRecord } from '../store';

const USAGE = `usage: parley acpc dealer --seats SPEC,SPEC,… [--game FILE.game] [options]
       parley acpc gamedef [--params JSON]

dealer: plays No-Limit Hold'em hands where each seat is 'acpc' (an ACPC client connects to a TCP
port, protocol MATCHSTATE 2.0.0) or a Parley agent (tag, call, random, …).
  --game FILE       an ACPC game definition (default: heads-up no-limit, 20000 chips, blinds 50/100)
  --hands N         hands to play (default 1000); stacks reset every hand, the button moves
  --port P          the first ACPC seat's port, the next ones follow (default 0: any free port)
  --host ADDR       address to listen on (default 127.0.0.1)
  --seed N          the deck's seed (default 1)
  --t-response MS   milliseconds per answer before check or fold is played (default ${DEFAULT_RESPONSE_MS})
  --out FILE.json   write the match record;  --phh FILE.phhs  write the hands as PHH
  --log FILE.log    write the dealer's log: one STATE line per hand, as the ACPC dealer writes it
  --names A,B,…     the players' names in the log (default P1,P2,…), one per seat
  --duplicate       play the same deals again with the players moved round the seats (heads-up:
                    swapped), once per seat; an ACPC player keeps its port and connects again
gamedef: prints the ACPC game definition of NLHE parameters (default: heads-up, 20000, 50/100).`;

const HUNL = { players: 2, startingStack: 20_000, blinds: [50, 100], format: 'cash', resetStacks: true };

export async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'gamedef') return printGamedef(rest);
  if (command !== 'dealer') {
    console.log(USAGE);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      game: { type: 'string' },
      seats: { type: 'string' },
      hands: { type: 'string', default: '1000' },
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      't-response': { type: 'string', default: String(DEFAULT_RESPONSE_MS) },
      out: { type: 'string' },
      phh: { type: 'string' },
      log: { type: 'string' },
      names: { type: 'string' },
      duplicate: { type: 'boolean', default: false },
    },
  });
  if (!values.seats) {
    console.error(USAGE);
    return 2;
  }
  const def = values.game ? parseGamedef(await readFile(values.game, 'utf8')) : gamedefOf(params(HUNL));
  if (!def.ok) throw new Error(`${values.game ?? 'the default game'}: ${def.error}`);
  const firstPort = whole('--port', values.port);
  let nextPort = firstPort;
  // One entry per player, in seat order for the first match: an agent spec or an ACPC port.
  const players = values.seats.split(',').map((spec): { acpc: number } | { spec: string } => {
    const s = spec.trim();
    return s === 'acpc' ? { acpc: firstPort === 0 ? 0 : nextPort++ } : { spec: s };
  });
  const n = players.length;
  const names = values.names ? values.names.split(',').map((x) => x.trim()) : players.map((_, i) => `P${i + 1}`);
  if (names.length !== n) throw new Error(`--names gives ${names.length} names for ${n} seats`);
  const matches = values.duplicate ? n : 1;
  const totals = new Array<number>(n).fill(0);
  const records: MatchRecord[] = [];
  const log: string[] = [];
  for (let m = 0; m < matches; m++) {
    // Match m seats player k at seat (k + m) mod n: the same seed deals the same cards to each seat.
    const at = (seat: number) => (seat - m + n) % n;
    if (matches > 1) console.log(`match ${m + 1} of ${matches}: seats ${players.map((_, seat) => names[at(seat)]).join(', ')}`);
    const { record, finalState } = await runAcpcMatch({
      gamedef: def.gamedef,
      hands: whole('--hands', values.hands),
      seed: whole('--seed', values.seed),
      seats: players.map((_, seat) => {
        const p = players[at(seat)]!;
        return 'acpc' in p ? { acpc: p.acpc } : createAgent(p.spec, 'nlhe');
      }),
      host: values.host,
      responseMs: whole('--t-response', values['t-response']),
      onListening: (seat, port) => console.log(`seat ${seat}: ACPC port ${port}`),
      log: (line) => console.error(line),
    });
    record.seats.forEach((s, seat) => {
      const fallbacks = record.actions.filter((a) => a.actor === seat && a.fallback).length;
      totals[at(seat)]! += record.returns[seat]!;
      console.log(
        `seat ${seat} ${s.agent}: ${record.returns[seat]! >= 0 ? '+' : ''}${record.returns[seat]} chips, ${fallbacks} default actions`,
      );
    });
    records.push(record);
    log.push(
      ...dealerLog(
        finalState,
        players.map((_, seat) => names[at(seat)]!),
      ),
    );
  }
  if (matches > 1)
    for (const [k, name] of names.entries())
      console.log(`${name}: ${totals[k]! >= 0 ? '+' : ''}${totals[k]} chips over ${matches} matches`);
  if (values.out) await writeFile(values.out, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
  if (values.phh) await writeFile(values.phh, records.map((r) => exportMatch(matchOfRecord(r, 'acpc'), 'phh').text).join(''));
  if (values.log) await writeFile(values.log, log.map((line) => `${line}\n`).join(''));
  return 0;
}

function params(raw: Record<string, unknown>): Nlhe.NlheParams {
  const parsed = nlhe.descriptor.parseParams(raw);
  if (!parsed.ok) throw new Error(`invalid parameters: ${parsed.error.message}`);
  return parsed.params;
}

function printGamedef(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { params: { type: 'string' } } });
  const def = gamedefOf(params(values.params ? { ...HUNL, ...JSON.parse(values.params) } : HUNL));
  if (!def.ok) {
    console.error(`parley acpc gamedef: ${def.error}`);
    return 1;
  }
  process.stdout.write(writeGamedef(def.gamedef));
  return 0;
}

function whole(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${flag} must be a whole number, got '${text}'`);
  return n;
}
