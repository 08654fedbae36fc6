/**
 * Where matches run. The coordinator hands an executor chunks of tasks, at most `slots` at a
 * time, and gets each result back as it finishes: in this thread (`inlineExecutor`), on worker
 * threads across the cores (`threads.ts`), or on any number of machines through a queue
 * (`redis.ts`). Executors never decide what to play; the schedule and the store do.
 */
import type { Clock } from '../runtime/clock';
import { type MatchContext, type MatchSummary, playTasks } from './play';
import type { MatchTask } from './schedule';

export interface Executor {
  readonly kind: 'inline' | 'threads' | 'redis';
  /** Chunks that may run at once. */
  readonly slots: number;
  /** Plays a chunk; resolves when all its results have been reported. */
  run(ctx: MatchContext, tasks: readonly MatchTask[], onResult: (result: MatchSummary) => void): Promise<void>;
  close(): Promise<void>;
}

/** Plays in the calling thread, one chunk at a time; deadlines run on `clock` (a fake one in tests). */
export function inlineExecutor(clock?: Clock): Executor {
  return {
    kind: 'inline',
    slots: 1,
    run: (ctx, tasks, onResult) => playTasks(ctx, tasks, onResult, clock),
    close: async () => undefined,
  };
}
