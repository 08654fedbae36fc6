/**
 * Who may use what: every HTTP route and every room message, in one table each. The guard
 * (`guard.ts`) enforces the route table before a request reaches its handler, and the room
 * enforces the message table; a route missing from the table is refused (fail closed), and a
 * test walks both tables role by role.
 *
 * Roles are described in `principal.ts`. In rooms the authority for acting is the seat: a seat
 * token (returned once when the match was made), or, for a seat `bot/NAME`, an API token of that
 * bot account. Everyone else in a room is a spectator.
 */
import type { Role } from './principal';

export const ANYONE: readonly Role[] = ['operator', 'person', 'bot', 'guest'];
const PEOPLE: readonly Role[] = ['operator', 'person'];

/** `METHOD /path/:param` → the roles that may call it. */
export const ROUTES: Readonly<Record<string, readonly Role[]>> = {
  'GET /api/health': ANYONE,
  // Watching: matches, records, analyses, agents, tournaments and leaderboards are public.
  'GET /api/matches': ANYONE,
  'GET /api/matches/:id': ANYONE,
  'GET /api/matches/:id/export': ANYONE,
  'GET /api/matches/:id/analysis': ANYONE,
  'GET /api/matches/:id/verify': ANYONE,
  // What spectators have seen begin (after the spectator delay); no turn's pending orders.
  'GET /api/matches/:id/turns': ANYONE,
  // Finished hands as spectators saw them (after the delay), or as a seat whose token comes along.
  'GET /api/matches/:id/hands': ANYONE,
  'GET /api/matches/:id/branches': ANYONE,
  'GET /api/matches/:id/branches/:branchId': ANYONE,
  'GET /api/measures/diplomacy': ANYONE,
  'GET /api/agents': ANYONE,
  'GET /api/registry': ANYONE,
  'GET /api/ladder': ANYONE,
  'GET /api/agents/:name/exploitability': ANYONE,
  'GET /api/tournaments': ANYONE,
  'GET /api/tournaments/:id': ANYONE,
  'GET /api/tournaments/:id/leaderboard': ANYONE,
  // Playing: guests make casual matches against built-in bots; which seats a role may fill is
  // decided by `mayFillSeat` below.
  'POST /api/matches': ANYONE,
  // Tournaments: people and the operator (arena/limits.ts caps how many and how large).
  'POST /api/tournaments': PEOPLE,
  // Cancelling: the tournament's owner or the operator (the tournament service checks which).
  'DELETE /api/tournaments/:id': PEOPLE,
  // Stopping a running match for good: its owner (an account) or the operator (the service checks
  // which). Not guests: every guest behind one proxy address would own every guest match.
  'DELETE /api/matches/:id': PEOPLE,
  // Importing a saved game stores a match under the operator's name.
  'POST /api/imports/diplomacy': ['operator'],
  // Forking a finished match plays continuations, which may seat model agents that spend money.
  'POST /api/matches/:id/branches': ['operator'],
  // A judge of press is one of the operator's model configurations.
  'POST /api/matches/:id/judge': ['operator'],
  // Its status names the operator's configuration and what it spent.
  'GET /api/matches/:id/judge': ['operator'],
  // Identity.
  'GET /api/auth/me': ANYONE,
  'POST /api/auth/signup': ANYONE,
  'POST /api/auth/signin': ANYONE,
  'POST /api/auth/signout': ANYONE,
  'POST /api/auth/link': ANYONE,
  // Bot accounts: people own them (the operator sees and manages all of them).
  'GET /api/bots': PEOPLE,
  'POST /api/bots': ['person'],
  'DELETE /api/bots/:name': PEOPLE,
  'POST /api/bots/:name/tokens': PEOPLE,
  'DELETE /api/bots/:name/tokens/:tokenId': PEOPLE,
  // A bot account asks where it is seated.
  'GET /api/bot/seats': ['bot'],
};

export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** `anyone` joins and watches; `seat` needs the seat (its token, or its bot account's token). */
export type RoomAccess = 'anyone' | 'seat';

export const ROOM_MESSAGES: Readonly<Record<string, RoomAccess>> = {
  join: 'anyone',
  act: 'seat',
  press: 'seat',
  ready: 'seat',
  prefs: 'seat',
};

/**
 * Which seats a role may fill when it makes a match, by the kind of registry entry the seat
 * names: a person's open seat (`human`) and the built-in bots for everyone; bot accounts for
 * anyone signed in; the operator's model agents (which spend its money) for the operator only.
 * An id the registry does not know is left for the registry to refuse.
 */
export function mayFillSeat(role: Role, kind: 'human' | 'builtin' | 'bot' | 'llm' | undefined): boolean {
  if (role === 'operator' || kind === undefined || kind === 'human' || kind === 'builtin') return true;
  return kind === 'bot' && role !== 'guest';
}
