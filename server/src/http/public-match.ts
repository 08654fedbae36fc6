/**
 * What the API shows of a stored match. A running match never shows its seed (whoever knew it
 * would know every card to come): only the seed's commitment, published at creation. Once the
 * match is over the seed and the salt are revealed, so anyone can check the commitment and
 * recompute every deal (`parley verify`). Seat token hashes are never shown.
 */
import type { StoredSettings } from '../arena/match-service';
import type { MatchSummary } from '../store/types';

export interface PublicFairness {
  scheme: string;
  commitment: string;
  /** Present once the match is over. */
  salt?: string;
}

export function publicMatch<M extends MatchSummary>(
  match: M,
): Omit<M, 'seed' | 'settings'> & {
  seed: number | null;
  settings: unknown;
  fairness: PublicFairness | null;
} {
  const stored = match.settings as Partial<StoredSettings> | null;
  const over = match.status !== 'running';
  const { seed: _seed, ...settings } = (stored?.settings ?? {}) as Record<string, unknown>;
  const fairness = stored?.fairness
    ? {
        scheme: stored.fairness.scheme,
        commitment: stored.fairness.commitment,
        ...(over ? { salt: stored.fairness.salt } : {}),
      }
    : null;
  return {
    ...match,
    seed: over ? match.seed : null,
    settings: stored?.settings ? (over ? stored.settings : settings) : null,
    fairness,
  };
}
