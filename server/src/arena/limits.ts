/**
 * Caps on everything a caller can make the arena spend time or memory on, by role (the role comes
 * from the request's Principal): request bodies, matches created per minute, matches and
 * tournaments in flight per account and overall, matches per tournament, game parameters and
 * clocks. The excess is refused with a clear message (429 for "too many", 400 for "too big").
 */
import { findGame, supportsOf } from '@parley/games';
import type { MatchSettings } from '@parley/protocol';
import type { Principal, Role } from '../auth/principal';
import { binomial } from '../tournament/schedule';
import type { ResolvedSpec } from '../tournament/spec';

export interface RoleLimits {
  /** Largest request body, bytes. */
  bodyBytes: number;
  /** Matches one caller may create per minute. */
  matchesPerMinute: number;
  /** Matches one caller may have running at once. */
  liveMatches: number;
  /** Tournaments one caller may have running at once (0: may not start any). */
  tournaments: number;
  /** Matches one tournament may schedule. */
  matchesPerTournament: number;
  /** The longest any clock in a match may be, ms. */
  clockMs: number;
  /** The latest Diplomacy `lastYear`, and the year a game with none ends at for this role. */
  lastYear: number;
  /** May seat operator LLM configurations (they spend the operator's money). */
  llmSeats: boolean;
}

const MINUTE = 60_000;

export const ROLE_LIMITS: Readonly<Record<Role, Readonly<RoleLimits>>> = Object.freeze({
  guest: {
    bodyBytes: 16 * 1024,
    matchesPerMinute: 6,
    liveMatches: 2,
    tournaments: 0,
    matchesPerTournament: 0,
    clockMs: 5 * MINUTE,
    lastYear: 1935,
    llmSeats: false,
  },
  person: {
    bodyBytes: 64 * 1024,
    matchesPerMinute: 20,
    liveMatches: 5,
    tournaments: 1,
    matchesPerTournament: 2_000,
    clockMs: 30 * MINUTE,
    lastYear: 1950,
    llmSeats: false,
  },
  bot: {
    bodyBytes: 64 * 1024,
    matchesPerMinute: 30,
    liveMatches: 10,
    tournaments: 0,
    matchesPerTournament: 0,
    clockMs: 30 * MINUTE,
    lastYear: 1950,
    llmSeats: false,
  },
  operator: {
    bodyBytes: 1024 * 1024,
    matchesPerMinute: 6_000,
    liveMatches: 1200,
    tournaments: 8,
    matchesPerTournament: 200_000,
    clockMs: 24 * 60 * MINUTE,
    lastYear: 2000,
    llmSeats: true,
  },
});

/** Caps over everyone together: the queue is bounded whoever asks. */
export const GLOBAL_LIMITS = Object.freeze({ liveMatches: 1500, tournaments: 8 });

/** Diplomacy years are counted from 1901; a game runs at most this far without an operator. */
export const FIRST_YEAR = 1901;

export type LimitCheck = { ok: true } | { ok: false; status: 400 | 429; code: string; message: string };
const ok: LimitCheck = { ok: true };
const refuse = (status: 400 | 429, code: string, message: string): LimitCheck => ({ ok: false, status, code, message });

/** Who a quota counts against: an account, or for guests their network address. */
export function quotaKey(principal: Principal, address: string): string {
  return principal.accountId ? `account:${principal.accountId}` : `${principal.role}:${address}`;
}

/** Game parameters and clocks within the role's caps. */
export function checkMatchSettings(settings: MatchSettings, role: Role): LimitCheck {
  const limits = ROLE_LIMITS[role];
  for (const [field, ms] of Object.entries(settings.clock))
    if (ms > limits.clockMs) return refuse(400, 'limits/clock', `clock.${field} may be at most ${limits.clockMs} ms`);
  if (settings.spectatorDelayMs > limits.clockMs)
    return refuse(400, 'limits/clock', `spectatorDelayMs may be at most ${limits.clockMs} ms`);
  const param = lengthParamOf(settings.game);
  const length = param ? (settings.params as Record<string, unknown> | null)?.[param] : undefined;
  if (param && typeof length === 'number' && length > limits.lastYear)
    return refuse(400, 'limits/last-year', `${param} may be at most ${limits.lastYear}`);
  return ok;
}

/**
 * The parameter that bounds a game which could otherwise run for ever, as its descriptor declares
 * (Diplomacy's `lastYear`); the role caps above are in its units, and only Diplomacy declares one.
 */
function lengthParamOf(gameId: string): string | undefined {
  const game = findGame(gameId);
  return game ? supportsOf(game).lengthParam : undefined;
}

/**
 * A game without its length parameter (Diplomacy without a lastYear) could run for ever; callers
 * below the operator get their cap as the game's end. Returns the settings to store.
 */
export function boundedSettings(settings: MatchSettings, role: Role): MatchSettings {
  const param = lengthParamOf(settings.game);
  if (!param || role === 'operator') return settings;
  const params = (settings.params ?? {}) as Record<string, unknown>;
  if (typeof params[param] === 'number') return settings;
  return { ...settings, params: { ...params, [param]: ROLE_LIMITS[role].lastYear } };
}

/** How many matches a resolved tournament schedules, counted without building the schedule. */
export function scheduledMatches(spec: ResolvedSpec): number {
  const k = spec.seats;
  const n = spec.participants.length;
  const f = spec.format;
  if (f.type === 'swiss') return Math.floor(n / 2) * f.gamesPerPairing * f.rounds;
  if (f.type === 'population') return f.matches * (spec.duplicate ? k : 1);
  const perUnit = spec.rotateSeats ? k : 1;
  if (f.type === 'round-robin') return (n >= k ? binomial(n, k) * perUnit : spec.rotateSeats ? n : 1) * f.rounds;
  const field = f.field?.length ?? n - f.challengers.length;
  return f.challengers.length * field * perUnit * f.rounds;
}

/** Matches per tournament and the game parameters its matches use. */
export function checkTournament(spec: ResolvedSpec, role: Role): LimitCheck {
  const limits = ROLE_LIMITS[role];
  if (limits.tournaments === 0) return refuse(429, 'limits/tournaments', `a ${role} may not start tournaments`);
  const count = scheduledMatches(spec);
  if (count > limits.matchesPerTournament)
    return refuse(
      400,
      'limits/tournament-size',
      `${count} matches exceed the ${limits.matchesPerTournament} a ${role}'s tournament may play`,
    );
  if (spec.deadlineMs > limits.clockMs) return refuse(400, 'limits/clock', `deadlineMs may be at most ${limits.clockMs} ms`);
  const param = lengthParamOf(spec.game);
  const length = param ? (spec.params as Record<string, unknown> | null)?.[param] : undefined;
  if (param && !(typeof length === 'number' && length <= limits.lastYear))
    return refuse(
      400,
      'limits/last-year',
      `a ${findGame(spec.game)?.descriptor.name ?? spec.game} tournament needs params.${param} at most ${limits.lastYear}`,
    );
  return ok;
}

/**
 * Sliding one-minute windows of creations per key, on an injected clock. Old keys are dropped
 * as they empty, so the map stays as large as the last minute's callers.
 */
export class RateWindow {
  private readonly hits = new Map<string, number[]>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one hit unless `key` already has `max` in the last minute. */
  take(key: string, max: number): boolean {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((at) => t - at < MINUTE);
    if (recent.length >= max) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(t);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.every((at) => t - at >= MINUTE)) this.hits.delete(k);
    return true;
  }
}

export function limitsOf(principal: Principal): Readonly<RoleLimits> {
  return ROLE_LIMITS[principal.role];
}
