/**
 * `parley worker [--redis URL] [--queue NAME] [--threads N]`: plays queued tournament matches
 * until stopped (SIGINT or SIGTERM finish the chunks in hand, then exit). Run one per machine
 * with a thread per core, or several; they share the work through the queue.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_QUEUE, startWorker } from '../tournament/redis';

const HELP = `usage: parley worker [options]

  --redis URL     the Redis the coordinator queues on (default: $REDIS_URL)
  --queue NAME    the queue (default ${DEFAULT_QUEUE})
  --threads N     worker threads (default: every core; 0 plays in the main thread)`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      redis: { type: 'string' },
      queue: { type: 'string' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const url = values.redis ?? process.env.REDIS_URL;
  if (values.help || !url) {
    console.log(HELP);
    return values.help ? 0 : 2;
  }
  const threads = values.threads === undefined ? availableParallelism() : Number(values.threads);
  if (!Number.isSafeInteger(threads) || threads < 0) throw new Error(`--threads must be an integer ≥ 0, got '${values.threads}'`);
  const log = (m: string) => process.stderr.write(`parley worker: ${m}\n`);
  const handle = await startWorker({ url, queue: values.queue ?? DEFAULT_QUEUE, threads, log });
  log(`ready on queue '${values.queue ?? DEFAULT_QUEUE}' with ${threads || 'no'} worker threads`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  log('stopping');
  await handle.close();
  return 0;
}
