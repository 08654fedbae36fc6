/**
 * A clock for tests: time stands still until the test moves it. `advance(ms)` fires every timer
 * that falls due, in order of due time (then of creation), letting promise callbacks run between
 * them, so code awaiting a timer sees the same order it would on a real clock — without a test
 * ever sleeping or depending on the machine's speed.
 *
 * Lives under `testing/`: production code must not import it (checked by
 * `server/src/testing/imports.test.ts`).
 */
import type { Clock, TimerHandle } from '../clock';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

export class FakeClock implements Clock {
  private t: number;
  private nextId = 0;
  private readonly timers = new Map<number, Timer>();

  constructor(start = 1_700_000_000_000) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { id, at: this.t + Math.max(0, ms), fn });
    return { id };
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    if (handle && typeof (handle as { id?: unknown }).id === 'number') this.timers.delete((handle as { id: number }).id);
  }

  /** Timers not yet fired or cleared. */
  get pending(): number {
    return this.timers.size;
  }

  /** When the next timer falls due, or undefined when none is pending: what a test waits to see armed. */
  nextDue(): number | undefined {
    return this.earliest()?.at;
  }

  /** Moves time forward by `ms`, firing what falls due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settle();
      const next = this.earliest();
      if (!next || next.at > end) break;
      this.timers.delete(next.id);
      this.t = Math.max(this.t, next.at);
      next.fn();
    }
    this.t = end;
    await settle();
  }

  /** Fires timers until none is left (or `limit` have fired): for code that must run to its end. */
  async runAll(limit = 100_000): Promise<void> {
    for (let fired = 0; fired < limit; fired++) {
      await settle();
      const next = this.earliest();
      if (!next) return;
      await this.advance(next.at - this.t);
    }
    throw new Error(`FakeClock.runAll: still timers pending after ${limit}`);
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers.values())
      if (!best || timer.at < best.at || (timer.at === best.at && timer.id < best.id)) best = timer;
    return best;
  }
}

/** Lets pending promise callbacks (and one turn of I/O) run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A clock that advances 1 ms on every reading and fires timers only when a test advances it. */
export function tickingClock(): FakeClock {
  const clock = new FakeClock(0);
  const read = clock.now.bind(clock);
  let ticks = 0;
  clock.now = () => read() + ticks++;
  return clock;
}
