/**
 * `parley analyze diplomacy FILE.jsonl`: reads match records (as `parley run --out` writes them,
 * one JSON object per line) and prints one JSON line per record: its cooperation and honesty
 * measures (server/src/analyzer/diplomacy). A line that cannot be read or analysed, or a record of
 * another game, gets `{"line": N, "error": "…"}` and the rest still run; the exit code is then 1.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { analyzeDiplomacyMatch } from '../analyzer/diplomacy';
import type { MatchRecord } from '../runtime/record';

const USAGE = `usage: parley analyze diplomacy FILE.jsonl

Prints one JSON line per match record: supports given and received across powers, alliances per
movement phase, betrayals of recent partners, and press commitments kept, broken or not checkable,
per power and per agent.`;

export async function run(argv: string[]): Promise<number> {
  const [kind, file, ...rest] = argv;
  if (kind !== 'diplomacy' || !file || rest.length > 0) {
    console.log(USAGE);
    return kind === '--help' || kind === '-h' ? 0 : 2;
  }
  let failures = 0;
  let n = 0;
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    const out = analyzeLine(line, n);
    if ('error' in out) failures++;
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return failures === 0 ? 0 : 1;
}

function analyzeLine(line: string, n: number): object {
  try {
    const record = JSON.parse(line) as MatchRecord;
    if (record?.game !== 'diplomacy')
      return { line: n, error: `not a Diplomacy match record (game ${JSON.stringify(record?.game)})` };
    return analyzeDiplomacyMatch(record);
  } catch (error) {
    return { line: n, error: error instanceof Error ? error.message : String(error) };
  }
}
