/**
 * A pool of worker threads, one chunk per thread at a time, for headless tournaments at full
 * speed on every core. Built (server/dist/cli, what the `parley` bin runs), a thread starts from
 * the built `worker-thread.js` beside this code. From the sources (vitest, tsx), threads run the
 * TypeScript through tsx, resolved from this package.
 *
 * Why a bootstrap: on Node 20, loader hooks given to a worker by `execArgv: ['--import', 'tsx']`
 * do not apply to the worker's own entry module ("Unknown file extension .ts"), so each thread
 * starts from a two-line script that registers tsx's ESM hooks and then imports the entry.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Executor } from './executor';
import type { MatchContext, MatchSummary } from './play';
import type { MatchTask } from './schedule';
import type { RunMessage, WorkerReply } from './worker-thread';

function tsxApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    // Runtimes without import.meta.resolve: the same file, found from tsx's package.json.
    return pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'))
      .href;
  }
}

function bootstrap(): string {
  // The build bundles this module into a `.js` chunk; the sources are `.ts`.
  if (import.meta.url.endsWith('.js')) return `import(${JSON.stringify(new URL('./worker-thread.js', import.meta.url).href)});`;
  const entry = new URL('./worker-thread.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
}

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
    const code = bootstrap();
    for (let i = 0; i < n; i++) {
      const worker = new Worker(code, { eval: true });
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
