/**
 * `parley diplomacy adjudicate`: reads DATC-shaped cases from stdin, one JSON object per line,
 * and writes one JSON line per case, in order: the order results and the position after the
 * phase, as `adjudicateCase` gives them. A line that cannot be read or adjudicated gets
 * `{"error": "…"}` on its line and the rest still run; the exit code is then 1.
 */
import { createInterface } from 'node:readline';
import { Diplomacy } from '@parley/games';

const USAGE = `usage: parley diplomacy adjudicate < cases.jsonl

Reads one case per line: {"phase": {"season","year","type"}, "units": [{"power","type","province"}],
"dislodged"?: [{…, "attackerFrom", "attackerViaConvoy"?}], "bouncedDestinations"?: [...],
"supplyCenters"?: [{"power","province"}], "orders": [{"power","text"}]} (the shape of the DATC data).
Writes one line per case: {"orders": [{power,text,result,reason}], "units", "dislodged" (with "retreats"),
"supplyCenters", "nextPhase"}, or {"error": "…"}.`;

export async function run(argv: string[]): Promise<number> {
  const [sub] = argv;
  if (sub !== 'adjudicate') {
    console.log(USAGE);
    return sub === '--help' || sub === '-h' ? 0 : 2;
  }
  let failures = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line.trim()) continue;
    const out = adjudicateLine(line);
    if ('error' in out) failures++;
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  return failures === 0 ? 0 : 1;
}

function adjudicateLine(line: string): Diplomacy.CaseOutput | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    return { error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = Diplomacy.parseCase(raw);
  if (!parsed.ok) return { error: parsed.error.message };
  try {
    return Diplomacy.adjudicateCase(parsed.input);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
