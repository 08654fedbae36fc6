/**
 * A short-lived signal tied to a long-lived one (a decision's to its match's): it aborts when the
 * outer one does, and `release()` unhooks it so nothing of the short-lived one stays reachable from
 * the outer signal. `AbortSignal.any` cannot promise that: it registers a dependant on the outer
 * signal, and Node keeps a composite signal that has abort listeners alive until it aborts, so a
 * match's signal would pin every decision's listeners (and what their closures hold) for as long
 * as the match runs.
 */
export interface LinkedSignal {
  readonly controller: AbortController;
  readonly signal: AbortSignal;
  release(): void;
}

export function linkedSignal(outer: AbortSignal | undefined): LinkedSignal {
  const controller = new AbortController();
  const forward = () => controller.abort(outer?.reason);
  if (outer?.aborted) forward();
  else outer?.addEventListener('abort', forward, { once: true });
  return { controller, signal: controller.signal, release: () => outer?.removeEventListener('abort', forward) };
}
