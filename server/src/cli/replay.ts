/** `parley replay FILE.jsonl`: replays every match record in the file and checks its final-state hash. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { replayRecord } from '../runtime/replay';

export async function run(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || file === '--help') {
    console.log(
      'usage: parley replay FILE.jsonl\n\nReplays each record through the engine and prints one JSON line per record: {"match": n, "ok": true, "hash": …} or {"match": n, "ok": false, "error": …}.',
    );
    return file ? 0 : 2;
  }
  let n = 0;
  let failures = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line.trim()) continue;
    n++;
    let result: ReturnType<typeof replayRecord>;
    try {
      result = replayRecord(JSON.parse(line));
    } catch (error) {
      result = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (!result.ok) failures++;
    console.log(
      JSON.stringify(
        result.ok
          ? { match: n, ok: true, hash: result.hash, returns: result.returns }
          : { match: n, ok: false, error: result.error },
      ),
    );
  }
  return failures === 0 ? 0 : 1;
}
