/**
 * How a worker thread starts from one of the server's entry modules. Built (server/dist/cli, what
 * the `parley` bin runs), every entry is a `.js` file beside the chunk running this code. From
 * the sources (vitest, tsx), the thread runs the TypeScript through tsx, resolved from this
 * package.
 *
 * Why a bootstrap: on Node 20, loader hooks given to a worker by `execArgv: ['--import', 'tsx']`
 * do not apply to the worker's own entry module ("Unknown file extension .ts"), so each thread
 * starts from a two-line script that registers tsx's ESM hooks and then imports the entry.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Entry modules that run as threads: their source, relative to `server/src`. */
const ENTRIES = {
  'worker-thread': '../tournament/worker-thread.ts',
  'store-thread': '../store/store-thread.ts',
} as const;

export type ThreadEntry = keyof typeof ENTRIES;

/** A worker thread running `entry` (`workerData` and the rest as `new Worker` takes them). */
export function startThread(entry: ThreadEntry, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  return new Worker(bootstrap(entry), { ...options, eval: true });
}

function bootstrap(entry: ThreadEntry): string {
  // The build bundles this module into a `.js` chunk beside the entries; the sources are `.ts`.
  if (import.meta.url.endsWith('.js')) return `import(${JSON.stringify(new URL(`./${entry}.js`, import.meta.url).href)});`;
  const source = new URL(ENTRIES[entry], import.meta.url).href;
  return `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
}

function tsxApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    // Runtimes without import.meta.resolve: the same file, found from tsx's package.json.
    return pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'))
      .href;
  }
}
