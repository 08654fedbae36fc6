/**
 * Time, injected. The runtime, the rooms, the seats, press and the agents that wait (an LLM
 * agent's budget and retries) read the time and wait only through a `Clock`, so tests drive time
 * with a fake one (`testing/fake-clock.ts`) instead of sleeping, and a loaded machine cannot make
 * a test late. It lives here, the lowest package that waits; the server re-exports it.
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

/** A signal aborted `ms` from now on the given clock (`AbortSignal.timeout` on the system clock), and the way to disarm it. */
export function clockTimeout(clock: Clock, ms: number): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController();
  const timer = clock.setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), ms);
  return { signal: controller.signal, clear: () => clock.clearTimeout(timer) };
}
