/**
 * Who takes a seat in a room: the person (or the operator) whose session cookie the join carries,
 * else a guest. Colyseus asks the room during the matchmaking request, an HTTP POST to the arena's
 * port that the browser sends with credentials from the web front end's page: the same host on
 * another port, so the cookie the front end set goes along.
 *
 * Cross-site joins: session cookies are SameSite=Lax, so another site's page cannot send one;
 * as the HTTP guard does for writes, a join naming an origin must also come from this host (any
 * port, for the front end) or an origin the operator trusts, or its cookie is ignored and the
 * joiner is a guest.
 */
import { readCookie, SESSION_COOKIE } from './guard';
import { GUEST, type Principal } from './principal';
import type { AuthService } from './service';

export async function joiningPrincipal(auth: AuthService, headers: Headers, trusted: ReadonlySet<string>): Promise<Principal> {
  const session = readCookie(headers.get('cookie'), SESSION_COOKIE);
  if (!session || !originAllowed(headers, trusted)) return GUEST;
  return (await auth.fromSession(session)) ?? GUEST;
}

function originAllowed(headers: Headers, trusted: ReadonlySet<string>): boolean {
  const origin = headers.get('origin');
  if (origin === null || origin === '') return true; // not a browser's cross-origin request
  if (trusted.has(origin)) return true;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  try {
    return host !== null && new URL(origin).hostname === new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
}
