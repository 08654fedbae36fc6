/**
 * Entry point of the database thread (started by `thread-store.ts`): opens the PGlite database
 * in the directory it is given, then answers calls on the store's three ports until it is told to
 * close, and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { accountsFor } from './accounts';
import { openDatabase } from './database';
import { PrismaStore } from './prisma-store';
import { resultsFor } from './results';
import {
  crossingError,
  PORT_METHODS,
  type StoreCall,
  type StorePort,
  type StoreReply,
  type StoreThreadData,
} from './thread-store';

if (!parentPort) throw new Error('store-thread.ts runs as a worker thread');
const port = parentPort;
const { dir, batch } = workerData as StoreThreadData;
/** Answers wait for the end of the current turn of microtasks and go together. */
let outbox: StoreReply[] = [];
function reply(message: StoreReply): void {
  if (outbox.push(message) === 1) queueMicrotask(flush);
}

function flush(): void {
  const replies = outbox;
  outbox = [];
  if (replies.length === 0) return;
  try {
    port.postMessage(replies);
  } catch {
    // An answer that cannot be cloned fails alone; the caller hears why instead of waiting forever.
    for (const one of replies) {
      try {
        port.postMessage([one]);
      } catch (error) {
        port.postMessage([{ id: one.id, ok: false, error: crossingError(error) } satisfies StoreReply]);
      }
    }
  }
}

type Calls = Record<string, (...args: unknown[]) => Promise<unknown>>;

const store = await openDatabase({ kind: 'pglite', dir }).then(
  (db) => new PrismaStore(db, batch),
  (error: unknown) => {
    // A refused opening (the directory locked by another process, say) is the answer; the thread then ends.
    port.postMessage([{ id: 0, ok: false, error: crossingError(error) } satisfies StoreReply]);
    port.close();
    return undefined;
  },
);
if (store) serve(store);

function serve(store: PrismaStore): void {
  const ports: Record<StorePort, Calls> = {
    matches: store as unknown as Calls,
    accounts: accountsFor(store) as unknown as Calls,
    results: resultsFor(store) as unknown as Calls,
  };
  const answer = async (call: StoreCall) => {
    try {
      if ('close' in call) {
        await store.close();
        reply({ id: call.id, ok: true });
        flush();
        port.close();
        return;
      }
      const methods: readonly string[] = PORT_METHODS[call.port] ?? [];
      if (!methods.includes(call.method)) throw new Error(`the ${call.port} port has no call '${call.method}'`);
      reply({ id: call.id, ok: true, value: await ports[call.port][call.method]!(...call.args) });
    } catch (error) {
      reply({ id: call.id, ok: false, error: crossingError(error) });
    }
  };
  port.on('message', (calls: StoreCall[]) => {
    for (const call of calls) void answer(call);
  });
  reply({ id: 0, ok: true });
}
