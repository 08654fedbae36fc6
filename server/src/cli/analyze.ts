/**
 * `parley analyze diplomacy FILE.jsonl [--judge CONFIG.yaml]`: reads match records (as `parley run
 * --out` writes them, one JSON object per line) and prints one JSON line per record: its
 * cooperation and honesty measures (server/src/analyzer/diplomacy), and with a judge model the
 * promises made in free text. A line that cannot be read or analysed, or a record of another game,
 * gets `{"line": N, "error": "…"}` and the rest still run; the exit code is then 1.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createChatClient, type LlmConfig, loadLlmConfig } from '@parley/agents';
import { analyzeDiplomacyMatch, judgeDiplomacyMatch } from '../analyzer/diplomacy';
import type { MatchRecord } from '../runtime/record';

const USAGE = `usage: parley analyze diplomacy FILE.jsonl [--judge CONFIG.yaml] [--judge-deadline MS]

Prints one JSON line per match record: supports given and received across powers, alliances per
movement phase, betrayals of recent partners, and press commitments kept, broken or not checkable,
per power and per agent. With --judge, a model (an LLM agent config) also reads the free text of
every message for promises, the engine checks them, and the model says whether each broken one
was a lie or a change of plan from the sender's recorded diary ("freeText", with every judge
call and its cost).`;

export async function run(argv: string[]): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    console.log(USAGE);
    return 0;
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const [kind, file, ...rest] = parsed.positionals;
  if (kind !== 'diplomacy' || !file || rest.length > 0) {
    console.log(USAGE);
    return 2;
  }
  let judge: { config: LlmConfig; deadlineMs: number } | undefined;
  if (parsed.values.judge) {
    try {
      judge = { config: loadLlmConfig(parsed.values.judge), deadlineMs: Number(parsed.values['judge-deadline']) };
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      return 2;
    }
  }
  let failures = 0;
  let n = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const out = await analyzeLine(line, n, judge);
    if ('error' in out) failures++;
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return failures === 0 ? 0 : 1;
}

const parse = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    options: { judge: { type: 'string' }, 'judge-deadline': { type: 'string', default: '120000' } },
  });

async function analyzeLine(line: string, n: number, judge?: { config: LlmConfig; deadlineMs: number }): Promise<object> {
  try {
    const record = JSON.parse(line) as MatchRecord;
    if (record?.game !== 'diplomacy')
      return { line: n, error: `not a Diplomacy match record (game ${JSON.stringify(record?.game)})` };
    if (!judge) return analyzeDiplomacyMatch(record);
    return await judgeDiplomacyMatch(record, { ...judge, client: createChatClient(judge.config) });
  } catch (error) {
    return { line: n, error: error instanceof Error ? error.message : String(error) };
  }
}
