/** Small formatting helpers shared by pages and components. */
import { Diplomacy, findGame, type GameSupports, type GameView, supportsOf, type TableViews } from '@parley/games';
import type { MatchSummary } from '@parley/protocol';

export const POWER_NAMES = Diplomacy.STANDARD_MAP.powers.map((p) => p[0]!.toUpperCase() + p.slice(1));

/** The game's own name, as its descriptor gives it; the id for a game this build does not know. */
export const gameName = (id: string) => findGame(id)?.descriptor.name ?? id;

/** `France` in games that name their seats (the descriptor's `seatNames`), else `Seat 2`. */
export function seatLabel(game: string, seat: number): string {
  const g = findGame(game);
  return (g && supportsOf(g).seatNames?.[seat]) ?? `Seat ${seat}`;
}

/** The view that draws the game, as its descriptor declares; the generic table for a game this build does not know. */
export function gameView(game: string): GameView {
  const g = findGame(game);
  return g ? supportsOf(g).view : 'generic';
}

/** The shape of a poker game's views, as its descriptor declares (null: none the table reads). */
export function tableViews(game: string): TableViews | null {
  const g = findGame(game);
  return (g && supportsOf(g).tableViews) ?? null;
}

/** How a poker game sizes bets, as its descriptor declares (null: it declares none). */
export function bettingOf(game: string): GameSupports['betting'] | null {
  const g = findGame(game);
  return (g && supportsOf(g).betting) ?? null;
}

/** True when the game names its seats, so tables may show the name beside the agent. */
export const namesSeats = (game: string): boolean => {
  const g = findGame(game);
  return g !== undefined && supportsOf(g).seatNames !== undefined;
};

/** Decimals for a mean result: chips in games scored in chips, shares and small payoffs otherwise. */
export const resultDigits = (game: string): number => {
  const g = findGame(game);
  return g !== undefined && supportsOf(g).chipScale !== undefined ? 1 : 3;
};

/** Names of the agents in seat order. */
/**
 * Who sits in a seat, as a list shows it: an agent by its name; a person by the name the seat was
 * given, or "a person" when it has only the arena's placeholder (`seat 0`).
 */
export function seatPlayer(s: MatchSummary['seats'][number]): string {
  if (s.agent.kind !== 'human') return s.agent.name;
  return /^seat \d+$/.test(s.agent.name) ? 'a person' : s.agent.name;
}

export function seatNames(match: Pick<MatchSummary, 'seats'>): string[] {
  const names: string[] = [];
  for (const s of match.seats) names[s.seat] = s.agent.name;
  return names;
}

export function formatTime(ms: number | null | undefined): string {
  if (!ms) return '–';
  const d = new Date(ms);
  return d.toISOString().replace('T', ' ').slice(0, 16);
}

export function formatAgo(ms: number, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} d ago`;
}

export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function formatNumber(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** A fixed number of decimals, with thousands separators. */
export function formatFixed(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Chip counts and wins as whole numbers, shares of a draw (Diplomacy) to three places. */
export function formatReturns(_game: string, returns: number[] | null): string {
  if (!returns) return '–';
  return returns.map((r) => formatNumber(r, Number.isInteger(r) ? 0 : 3)).join(' / ');
}

export function formatUsd(x: number): string {
  return x < 0.01 && x > 0 ? `$${x.toFixed(4)}` : `$${x.toFixed(2)}`;
}

/** A short id for tables: the first block of a UUID. */
export const shortId = (id: string) => id.split('-')[0] ?? id;
