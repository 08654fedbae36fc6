/**
 * The arena's process-wide services. Colyseus constructs rooms itself, so rooms reach the match
 * service through this one module; `createArena` sets it at start-up.
 */
import type { MatchService } from './match-service';

let service: MatchService | null = null;

export function setMatchService(s: MatchService | null): void {
  service = s;
}

export function matchService(): MatchService {
  if (!service) throw new Error('the arena is not started');
  return service;
}
