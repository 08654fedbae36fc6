/**
 * Harness failures: the answers the runtime replaced by the game's default, sorted by cause, so
 * a leaderboard can say how much of a result the harness (clock, parser, provider) decided rather
 * than the agent. Causes, from the action record:
 * - late: no answer within the deadline (`timeout`);
 * - illegal: an answer the engine refused (`illegal`, or an LLM reply naming an illegal action);
 * - unparsable: a reply no action could be read from (`agent/unparseable`, `agent/ambiguous`);
 * - provider error: the agent failed otherwise (a model provider's error, a crashed bot);
 * - missing: the agent answered for fewer units than it had to (Diplomacy orders left out).
 */
import { FALLBACK_CAUSES, type FallbackCause, type FallbackCounts } from '@parley/protocol';
import type { ActionRecord } from '../runtime/record';

export { FALLBACK_CAUSES, type FallbackCounts };

export const noFallbacks = (): FallbackCounts => ({ late: 0, illegal: 0, unparsable: 0, providerError: 0, missing: 0 });

export function fallbackCause(a: Pick<ActionRecord, 'fallback' | 'error'>): FallbackCause | null {
  switch (a.fallback) {
    case undefined:
      return null;
    case 'timeout':
      return 'late';
    case 'illegal':
      return 'illegal';
    case 'missing':
      return 'missing';
    case 'error':
      if (/agent\/(unparseable|ambiguous)/.test(a.error ?? '')) return 'unparsable';
      if (/agent\/illegal/.test(a.error ?? '')) return 'illegal';
      return 'providerError';
  }
}

/** A match some seat's fallback may have decided: left out of the harness-clean leaderboard. */
export const decidedByHarness = (r: { fallbacks: readonly number[] }) => r.fallbacks.some((n) => n > 0);

/** Indices of the points no other point beats on both axes: higher rating at no higher cost. */
export function paretoFront(points: readonly { rating: number | null; cost: number }[]): Set<number> {
  const front = new Set<number>();
  points.forEach((p, i) => {
    if (p.rating === null) return;
    const dominated = points.some(
      (q, j) =>
        j !== i && q.rating !== null && q.rating >= p.rating! && q.cost <= p.cost && (q.rating > p.rating! || q.cost < p.cost),
    );
    if (!dominated) front.add(i);
  });
  return front;
}
