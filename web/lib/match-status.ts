/**
 * The status of the match a page shows, shared between the live room (which hears the match end)
 * and the header's status pill (rendered by the server when the page loaded). A tiny store per
 * page: the room announces, the pill subscribes.
 */
import { useSyncExternalStore } from 'react';

const statuses = new Map<string, string>();
const listeners = new Set<() => void>();

export function announceStatus(matchId: string, status: string): void {
  if (statuses.get(matchId) === status) return;
  statuses.set(matchId, status);
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The latest status heard for the match, else the one the page was rendered with. */
export function useMatchStatus(matchId: string, initial: string): string {
  return useSyncExternalStore(
    subscribe,
    () => statuses.get(matchId) ?? initial,
    () => initial,
  );
}
