/**
 * A pool of worker threads, one chunk per thread at a time, for headless tournaments at full
 * speed on every core. Each thread starts from `worker-thread.ts` (built or through tsx: see
 * `threads/entry.ts`).
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startThread } from '../threads/entry';
import type { Executor } from './executor';
import type { MatchContext, MatchSummary } from './play';
import type { MatchTask } from './schedule';
import type { RunMessage, WorkerReply } from './worker-thread';

interface Job {
  onResult: (r: MatchSummary) => void;
  resolve: () => void;
  reject: (e: Error) => void;
}

/** Chunks queued per thread: a second one waits in the thread, so it never idles between chunks. */
const DEPTH = 2;

export class ThreadPool implements Executor {
  readonly kind = 'threads';
  readonly slots: number;
  private readonly threads: Worker[] = [];
  private readonly load = new Map<Worker, Set<number>>();
  private readonly jobs = new Map<number, Job>();
  private nextJob = 0;
  private closing = false;

  constructor(size = availableParallelism()) {
    const n = Math.max(1, size);
    this.slots = n * DEPTH;
    for (let i = 0; i < n; i++) {
      const worker = startThread('worker-thread');
      worker.on('message', (reply: WorkerReply) => this.receive(worker, reply));
      worker.on('error', (error) => this.fail(worker, error));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(worker, new Error(`a tournament worker thread exited with code ${code}`));
      });
      this.threads.push(worker);
      this.load.set(worker, new Set());
    }
  }

  run(ctx: MatchContext, tasks: readonly MatchTask[], onResult: (r: MatchSummary) => void): Promise<void> {
    const worker = [...this.load].filter(([, jobs]) => jobs.size < DEPTH).sort(([, a], [, b]) => a.size - b.size)[0]?.[0];
    if (!worker) return Promise.reject(new Error('thread pool: no thread can take another chunk'));
    const job = this.nextJob++;
    return new Promise<void>((resolve, reject) => {
      this.jobs.set(job, { onResult, resolve, reject });
      this.load.get(worker)?.add(job);
      worker.postMessage({ type: 'run', job, ctx, tasks: [...tasks] } satisfies RunMessage);
    });
  }

  private receive(worker: Worker, reply: WorkerReply): void {
    const job = this.jobs.get(reply.job);
    if (!job) return;
    if (reply.type === 'results') for (const r of JSON.parse(reply.json) as MatchSummary[]) job.onResult(r);
    else {
      this.jobs.delete(reply.job);
      this.load.get(worker)?.delete(reply.job);
      if (reply.type === 'done') job.resolve();
      else job.reject(new Error(reply.error));
    }
  }

  /** A thread that died takes its chunks with it; the pool no longer uses it. */
  private fail(worker: Worker, error: Error): void {
    for (const id of this.load.get(worker) ?? []) {
      this.jobs.get(id)?.reject(error);
      this.jobs.delete(id);
    }
    this.load.delete(worker);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.threads.map((w) => w.terminate()));
  }
}
