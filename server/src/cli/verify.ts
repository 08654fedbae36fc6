/**
 * `parley verify RECORD.json`: checks a finished match's revealed seed against the commitment
 * published at its creation, and recomputes every chance outcome (every card dealt) from it.
 * RECORD is the JSON export of a match (`GET /api/matches/:id/export`) or a JSONL of records.
 */
import { readFileSync } from 'node:fs';
import { verifyRecord } from '../runtime/fairness';

export async function run(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || file === '--help') {
    console.log(
      'usage: parley verify RECORD.json\n\nChecks the seed commitment and recomputes every chance outcome from the revealed seed; prints one JSON line per record.',
    );
    return file ? 0 : 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    console.error(`parley verify: cannot read ${file}`);
    return 2;
  }
  // One JSON document (the API's pretty-printed export) or JSON lines (records from `parley run`).
  const records: unknown[] = [];
  try {
    records.push(JSON.parse(text));
  } catch {
    try {
      for (const line of text.split('\n')) if (line.trim()) records.push(JSON.parse(line));
    } catch {
      console.error(`parley verify: ${file} is not a JSON match record`);
      return 2;
    }
  }
  let failures = 0;
  records.forEach((record, i) => {
    const result = verifyRecord(record as Parameters<typeof verifyRecord>[0]);
    if (!result.ok) failures++;
    console.log(JSON.stringify({ match: i + 1, ...result }));
  });
  return failures === 0 ? 0 : 1;
}
