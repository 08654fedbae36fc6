/**
 * The arena's process-wide services. Colyseus constructs rooms itself, so rooms reach the match
 * service through this one module; `createArena` sets it at start-up.
 */
import type { AuthService } from '../auth/service';
import type { MatchService } from './match-service';

let service: MatchService | null = null;
let auth: AuthService | null = null;
let trusted: ReadonlySet<string> = new Set();

export function setMatchService(s: MatchService | null): void {
  service = s;
}

export function matchService(): MatchService {
  if (!service) throw new Error('the arena is not started');
  return service;
}

/** The auth service, and the origins besides the arena's host allowed to join rooms signed in. */
export function setAuthService(a: AuthService | null, trustedOrigins: readonly string[] = []): void {
  auth = a;
  trusted = new Set(trustedOrigins);
}

export function trustedOrigins(): ReadonlySet<string> {
  return trusted;
}

export function authService(): AuthService {
  if (!auth) throw new Error('the arena is not started');
  return auth;
}
