/**
 * Distributed play through BullMQ on Redis. The coordinator (`runTournament` with a Redis URL)
 * queues chunks of matches as jobs; any number of `parley worker` processes, on any machines
 * that reach the same Redis, take jobs, play them and return the results as the job's value;
 * the coordinator collects them from the queue's event stream (and, should an event be missed,
 * by polling its outstanding jobs). A job carries its whole context (game, parameters, agent
 * specs), so one worker serves any tournament. Jobs are retried up to three times if a worker
 * dies (BullMQ's stalled-job check hands them to another).
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { type Executor, inlineExecutor } from './executor';
import type { MatchContext, MatchSummary } from './play';
import type { MatchTask } from './schedule';
import { ThreadPool } from './threads';

export const DEFAULT_QUEUE = 'parley-matches';

export interface ChunkJob {
  ctx: MatchContext;
  tasks: MatchTask[];
}

interface Pending {
  onResult: (r: MatchSummary) => void;
  resolve: () => void;
  reject: (e: Error) => void;
}

const ATTEMPTS = 3;
const POLL_MS = 5000;

export class RedisExecutor implements Executor {
  readonly kind = 'redis';
  private readonly queue: Queue<ChunkJob, MatchSummary[]>;
  private readonly events: QueueEvents;
  private readonly pending = new Map<string, Pending>();
  private readonly runId = randomUUID().slice(0, 8);
  private jobs = 0;
  private poller: ReturnType<typeof setInterval> | undefined;
  private lastProgress = Date.now();
  private warned = false;

  private constructor(
    url: string,
    queueName: string,
    readonly slots: number,
    private readonly warn: (message: string) => void,
  ) {
    const connection = { url };
    this.queue = new Queue(queueName, { connection });
    this.events = new QueueEvents(queueName, { connection });
  }

  /** Connects to Redis; `slots` chunks are kept queued or running at a time. */
  static async connect(
    url: string,
    options: { queue?: string; slots?: number; warn?: (m: string) => void } = {},
  ): Promise<RedisExecutor> {
    const ex = new RedisExecutor(url, options.queue ?? DEFAULT_QUEUE, options.slots ?? 64, options.warn ?? (() => undefined));
    await Promise.all([ex.queue.waitUntilReady(), ex.events.waitUntilReady()]);
    ex.events.on('completed', ({ jobId, returnvalue }) => ex.settle(jobId, returnvalue as unknown as MatchSummary[]));
    ex.events.on('failed', ({ jobId }) => void ex.check(jobId));
    ex.poller = setInterval(() => void ex.poll(), POLL_MS);
    return ex;
  }

  run(ctx: MatchContext, tasks: readonly MatchTask[], onResult: (r: MatchSummary) => void): Promise<void> {
    const jobId = `${this.runId}-${this.jobs++}`;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(jobId, { onResult, resolve, reject });
      this.queue
        .add(
          'chunk',
          { ctx, tasks: [...tasks] },
          { jobId, attempts: ATTEMPTS, removeOnComplete: { age: 3600 }, removeOnFail: { age: 86_400 } },
        )
        .catch((error: Error) => {
          this.pending.delete(jobId);
          reject(error);
        });
    });
  }

  private settle(jobId: string, results: MatchSummary[] | Error): void {
    const p = this.pending.get(jobId);
    if (!p) return;
    this.pending.delete(jobId);
    this.lastProgress = Date.now();
    if (results instanceof Error) p.reject(results);
    else {
      for (const r of results) p.onResult(r);
      p.resolve();
    }
  }

  /** Settles a job from its stored state (a missed event, or a failure with no retries left). */
  private async check(jobId: string): Promise<void> {
    if (!this.pending.has(jobId)) return;
    const job = await this.queue.getJob(jobId);
    if (!job) return;
    const state = await job.getState();
    if (state === 'completed') this.settle(jobId, job.returnvalue);
    else if (state === 'failed') this.settle(jobId, new Error(`queued chunk ${jobId} failed: ${job.failedReason}`));
  }

  private async poll(): Promise<void> {
    try {
      await Promise.all([...this.pending.keys()].map((id) => this.check(id)));
      if (
        !this.warned &&
        this.pending.size > 0 &&
        Date.now() - this.lastProgress > 30_000 &&
        (await this.queue.getWorkersCount()) === 0
      ) {
        this.warned = true;
        this.warn(`no worker is taking matches from queue '${this.queue.name}'; start some with: npx parley worker --redis URL`);
      }
    } catch {
      // Redis unreachable for a moment: the next poll tries again.
    }
  }

  async close(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    // Jobs of an abandoned run are withdrawn where they have not started yet.
    await Promise.allSettled([...this.pending.keys()].map(async (id) => (await this.queue.getJob(id))?.remove()));
    await this.events.close();
    await this.queue.close();
  }
}

export interface WorkerHandle {
  close(): Promise<void>;
}

/** A `parley worker`: plays queued chunks, on `threads` worker threads (0: in this thread). */
export async function startWorker(options: {
  url: string;
  queue?: string;
  threads?: number;
  log?: (m: string) => void;
}): Promise<WorkerHandle> {
  const executor = (options.threads ?? 0) > 0 ? new ThreadPool(options.threads) : inlineExecutor();
  const self = `${hostname()}:${process.pid}`;
  const worker = new Worker<ChunkJob, MatchSummary[]>(
    options.queue ?? DEFAULT_QUEUE,
    async (job) => {
      const results: MatchSummary[] = [];
      await executor.run(job.data.ctx, job.data.tasks, (r) => results.push({ ...r, worker: self }));
      return results;
    },
    { connection: { url: options.url }, concurrency: executor.slots },
  );
  worker.on('failed', (job, error) => options.log?.(`chunk ${job?.id ?? '?'} failed: ${error.message}`));
  worker.on('error', (error) => options.log?.(`worker error: ${error.message}`));
  await worker.waitUntilReady();
  return {
    close: async () => {
      await worker.close();
      await executor.close();
    },
  };
}
