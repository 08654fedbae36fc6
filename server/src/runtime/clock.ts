/**
 * Time, injected. The runtime, the rooms, the seats and press read the time and wait only through
 * a `Clock`, so tests drive time with a fake one (`server/src/testing/fake-clock.ts`) instead of
 * sleeping, and a loaded machine cannot make a test late.
 *
 * `now()` is milliseconds since the epoch: the arena shows deadlines to clients, which compare
 * them with their own clocks. The runtime only ever subtracts two readings.
 */

/** An opaque handle from `setTimeout`, given back to `clearTimeout`. */
export type TimerHandle = { readonly __timer: unique symbol } | object;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => {
    if (handle !== undefined) clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/** Resolves after `ms` on the given clock (pacing bots, negotiation windows). */
export function delay(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => clock.setTimeout(resolve, ms));
}
