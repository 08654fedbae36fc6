/**
 * The embedded database on a thread of its own. PGlite runs PostgreSQL as WebAssembly on the
 * thread that opened it, one protocol message at a time, and Prisma builds every query and reads
 * every row in JavaScript. In the arena that thread was the main one, so every batch of records
 * held up the rooms and /api/health while it ran: at 1,000 heads-up tables the database took
 * about a seventh of the main thread, in runs of up to a quarter of a second.
 *
 * Here the database, Prisma and the store live on a worker thread (`store-thread.ts`) and the
 * arena calls the same three ports (matches, accounts, results) by message. Arguments and answers
 * cross as structured clones; a failure comes back as the store's or the accounts' own error, with
 * its code. Each port answers only the calls listed in `PORT_METHODS`.
 */
import type { Worker } from 'node:worker_threads';
import { startThread } from '../threads/entry';
import type { AccountStore } from './accounts';
import type { BatchOptions } from './batcher';
import { AccountError, StoreError } from './checks';
import type { ResultsStore } from './results';
import type { MatchStore } from './types';

export type StorePort = 'matches' | 'accounts' | 'results';

/** The calls each port takes (closing is the store's own message). */
export const PORT_METHODS = {
  matches: [
    'createMatch',
    'appendEvents',
    'appendModelCalls',
    'finishMatch',
    'getMatch',
    'listMatches',
    'unfinishedMatches',
    'listAgents',
    'pruneDemoMatches',
    'ladderRatings',
    'applyLadderUpdate',
    'ladderMatch',
    'flush',
  ],
  accounts: [
    'createAccount',
    'accountById',
    'accountByName',
    'botsOwnedBy',
    'allBots',
    'deleteAccount',
    'saveCredential',
    'credentialByHash',
    'credentialsOf',
    'operatorCredentials',
    'revokeCredential',
    'deleteCredential',
  ],
  results: ['saveTournament', 'listTournaments', 'getTournament', 'saveRatings', 'ratings', 'saveAnalysis', 'analyses'],
} as const satisfies {
  matches: readonly Exclude<keyof MatchStore, 'close'>[];
  accounts: readonly (keyof AccountStore)[];
  results: readonly (keyof ResultsStore)[];
};

/** What the thread is started with. */
export interface StoreThreadData {
  dir: string;
  batch?: BatchOptions;
}

/** A call to the thread (they travel in lists); `id` 0 is the thread's answer to its opening. */
export type StoreCall = { id: number; port: StorePort; method: string; args: unknown[] } | { id: number; close: true };

/** A failure as it crosses the thread's edge: which error it was, its code and its message. */
export interface CrossingError {
  kind: 'store' | 'account' | 'other';
  code?: string;
  message: string;
}

/** An answer from the thread (they travel in lists, as calls do). */
export type StoreReply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: CrossingError };

export function crossingError(error: unknown): CrossingError {
  if (error instanceof StoreError) return { kind: 'store', code: error.code, message: error.message };
  if (error instanceof AccountError) return { kind: 'account', code: error.code, message: error.message };
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}

function revive(error: CrossingError): Error {
  if (error.kind === 'account') return new AccountError(error.code ?? 'account/failed', error.message);
  if (error.kind === 'store') {
    const code = error.code ?? 'store/failed';
    // A StoreError's message starts with its code; it is made again from the rest.
    const prefix = `${code}: `;
    return new StoreError(code, error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message);
  }
  return new Error(error.message);
}

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class ThreadStore implements MatchStore {
  readonly accounts: AccountStore;
  readonly results: ResultsStore;
  private readonly waiting = new Map<number, Waiting>();
  private outbox: StoreCall[] = [];
  private nextId = 1;
  /** Why no call can be answered any more (the thread stopped, or the store was closed). */
  private stopped: StoreError | undefined;
  private closing: Promise<void> | undefined;

  /** Starts the thread and opens the PGlite database in `dir` there (migrated, locked, as `openDatabase` does). */
  static async open(dir: string, batch?: BatchOptions): Promise<ThreadStore> {
    const store = new ThreadStore(startThread('store-thread', { workerData: { dir, batch } satisfies StoreThreadData }));
    try {
      await store.opened;
    } catch (error) {
      await store.worker.terminate();
      throw error;
    }
    return store;
  }

  private readonly opened: Promise<unknown>;

  private constructor(private readonly worker: Worker) {
    this.opened = new Promise((resolve, reject) => this.waiting.set(0, { resolve, reject }));
    this.opened.catch(() => undefined);
    worker.on('message', (replies: StoreReply[]) => this.answer(replies));
    worker.on('error', (error) => this.stop(`the database thread failed: ${error.message}`));
    worker.on('exit', (code) => this.stop(`the database thread exited (code ${code})`));
    this.accounts = this.port<AccountStore>('accounts');
    this.results = this.port<ResultsStore>('results');
  }

  createMatch = this.method('createMatch');
  appendEvents = this.method('appendEvents');
  appendModelCalls = this.method('appendModelCalls');
  finishMatch = this.method('finishMatch');
  getMatch = this.method('getMatch');
  listMatches = this.method('listMatches');
  unfinishedMatches = this.method('unfinishedMatches');
  listAgents = this.method('listAgents');
  pruneDemoMatches = this.method('pruneDemoMatches');
  ladderRatings = this.method('ladderRatings');
  applyLadderUpdate = this.method('applyLadderUpdate');
  ladderMatch = this.method('ladderMatch');
  flush = this.method('flush');

  /** Writes what is queued, closes the database and ends the thread. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        if (!this.stopped) await this.send({ id: this.nextId++, close: true });
      } finally {
        // Even a close that failed ends the thread: it must not keep the process alive.
        this.stop('the store is closed');
        await this.worker.terminate();
      }
    })();
    return this.closing;
  }

  private method<K extends (typeof PORT_METHODS.matches)[number]>(name: K): MatchStore[K] {
    return ((...args: unknown[]) => this.call('matches', name, args)) as MatchStore[K];
  }

  private port<T>(port: 'accounts' | 'results'): T {
    const calls = Object.create(null) as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const name of PORT_METHODS[port]) calls[name] = (...args: unknown[]) => this.call(port, name, args);
    return calls as T;
  }

  private call(port: StorePort, method: string, args: unknown[]): Promise<never> {
    return this.send({ id: this.nextId++, port, method, args }) as Promise<never>;
  }

  private send(call: StoreCall): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    return new Promise((resolve, reject) => {
      this.waiting.set(call.id, { resolve, reject });
      if (this.outbox.push(call) === 1) queueMicrotask(() => this.post());
    });
  }

  /**
   * Sends the calls made since the last post as one message: a busy arena makes a call per
   * action, and a message each cost more than the cloning of what they carry.
   */
  private post(): void {
    const calls = this.outbox;
    this.outbox = [];
    try {
      this.worker.postMessage(calls);
    } catch {
      // Some argument cannot be cloned (a function, say): that call is refused, the others sent.
      for (const call of calls) {
        try {
          this.worker.postMessage([call]);
        } catch (error) {
          const waiting = this.waiting.get(call.id);
          this.waiting.delete(call.id);
          waiting?.reject(new StoreError('store/invalid', error instanceof Error ? error.message : String(error)));
        }
      }
    }
  }

  private answer(replies: StoreReply[]): void {
    for (const reply of replies) {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) continue;
      this.waiting.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(revive(reply.error));
    }
  }

  private stop(reason: string): void {
    this.stopped ??= new StoreError(this.closing ? 'store/closed' : 'store/thread', reason);
    for (const waiting of this.waiting.values()) waiting.reject(this.stopped);
    this.waiting.clear();
  }
}
