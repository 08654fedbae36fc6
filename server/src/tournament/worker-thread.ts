/**
 * Entry point of a tournament worker thread (started by `threads.ts` with tsx as its loader).
 * It plays the chunks it is sent and posts results back in batches, so that message passing
 * stays cheap next to matches that take microseconds.
 */
import { parentPort } from 'node:worker_threads';
import { type MatchContext, type MatchSummary, playTasks } from './play';
import type { MatchTask } from './schedule';

export interface RunMessage {
  type: 'run';
  job: number;
  ctx: MatchContext;
  tasks: MatchTask[];
}

export type WorkerReply =
  /** A JSON array of results: cheaper to pass than a structured clone of many small objects. */
  { type: 'results'; job: number; json: string } | { type: 'done'; job: number } | { type: 'failed'; job: number; error: string };

if (!parentPort) throw new Error('worker-thread.ts runs as a worker thread');
const port = parentPort;

// Chunks are played one after another, in the order they arrive.
let queue = Promise.resolve();
port.on('message', (message: RunMessage) => {
  queue = queue.then(() => play(message));
});

async function play(message: RunMessage): Promise<void> {
  const { job } = message;
  let batch: MatchSummary[] = [];
  let lastPost = performance.now();
  const post = () => {
    if (batch.length > 0) port.postMessage({ type: 'results', job, json: JSON.stringify(batch) } satisfies WorkerReply);
    batch = [];
    lastPost = performance.now();
  };
  try {
    await playTasks(message.ctx, message.tasks, (result) => {
      batch.push(result);
      if (batch.length >= 256 || performance.now() - lastPost > 100) post();
    });
    post();
    port.postMessage({ type: 'done', job } satisfies WorkerReply);
  } catch (error) {
    post();
    port.postMessage({
      type: 'failed',
      job,
      error: error instanceof Error ? error.message : String(error),
    } satisfies WorkerReply);
  }
}
