/**
 * The door of the HTTP API. Before a request reaches its handler the guard finds its route,
 * identifies the caller (a bearer token, else a session cookie, else a guest), checks the route
 * table (`policy.ts`) and refuses cross-site writes. Handlers read the caller with `callerOf`.
 *
 * CSRF: session cookies are SameSite=Lax and HttpOnly, and a state-changing request must not
 * come from another origin: when the browser names the origin (Origin, or Sec-Fetch-Site) it
 * must be this one, where "this one" is the host the browser addressed (X-Forwarded-Host when
 * the web front end's proxy forwards the request) or an origin the operator trusts
 * (PARLEY_TRUSTED_ORIGINS). A page elsewhere cannot set X-Forwarded-Host on a credentialed
 * request: that needs a CORS preflight this arena never approves with credentials. Requests with
 * a bearer token carry no ambient credential, so they need no origin check.
 */

import { ROUTES, routeKey } from './policy';
import { GUEST, type Principal } from './principal';
import type { AuthService } from './service';

export const SESSION_COOKIE = 'parley_session';

interface Router {
  handler: (request: Request) => Promise<Response>;
  findRoute: (method: string, path: string) => { data?: { path: string } } | undefined;
}

export interface Caller {
  principal: Principal;
  /** How the caller proved who they are. */
  via: 'bearer' | 'session' | 'none';
  /** The session secret, when the caller came with one (for sign-out). */
  session: string | null;
  /** Whether the browser reached us over https (cookies get `Secure`). */
  secure: boolean;
}

const callers = new WeakMap<Request, Caller>();

/** The caller of a request that passed the guard (guests otherwise). */
export function callerOf(request: Request | undefined): Caller {
  return (request && callers.get(request)) ?? { principal: GUEST, via: 'none', session: null, secure: false };
}

const fail = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ code, message }), { status, headers: { 'content-type': 'application/json' } });

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface GuardOptions {
  /** Origins allowed to make state-changing requests besides the request's own. */
  trustedOrigins?: string[];
  /** Tests only: every caller is this principal (no credentials are read, no origin checked). */
  principalOf?: (request: Request) => Principal;
}

export function guardRouter(router: Router, auth: AuthService, options: GuardOptions = {}) {
  const trusted = new Set(options.trustedOrigins ?? []);
  return {
    async handler(request: Request): Promise<Response> {
      const url = new URL(request.url);
      const route = router.findRoute(request.method, url.pathname);
      // Unknown paths fall through to the router's own 404.
      if (!route?.data) return router.handler(request);
      const allowed = ROUTES[routeKey(request.method, route.data.path)];
      if (!allowed) return fail(403, 'auth/no-policy', 'this route is not open to anyone');
      const caller = options.principalOf
        ? { principal: options.principalOf(request), via: 'bearer' as const, session: null, secure: false }
        : await identify(request, auth);
      if (!caller) return fail(401, 'auth/bad-token', 'the bearer token is unknown or revoked');
      if (caller.via !== 'bearer' && !SAFE_METHODS.has(request.method) && !sameOrigin(request, trusted))
        return fail(403, 'auth/cross-origin', 'state-changing requests must come from this site');
      if (!allowed.includes(caller.principal.role))
        return caller.principal.role === 'guest'
          ? fail(401, 'auth/sign-in', 'sign in to do this')
          : fail(403, 'auth/forbidden', `a ${caller.principal.role} may not do this`);
      callers.set(request, caller);
      return router.handler(request);
    },
  };
}

async function identify(request: Request, auth: AuthService): Promise<Caller | null> {
  const secure = request.headers.get('x-forwarded-proto') === 'https' || request.url.startsWith('https:');
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const principal = match?.[1] ? await auth.fromBearer(match[1]) : null;
    return principal ? { principal, via: 'bearer', session: null, secure } : null;
  }
  const session = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  // A stale or unknown session cookie is a guest, not an error: the browser may keep one.
  const principal = session ? await auth.fromSession(session) : null;
  return principal ? { principal, via: 'session', session, secure } : { principal: GUEST, via: 'none', session, secure };
}

function sameOrigin(request: Request, trusted: Set<string>): boolean {
  const origin = request.headers.get('origin');
  if (origin === null || origin === '') {
    const site = request.headers.get('sec-fetch-site');
    return site === null || site === 'same-origin' || site === 'none';
  }
  if (trusted.has(origin)) return true;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

export function sessionCookie(value: string | null, secure: boolean, maxAgeSeconds: number): string {
  const parts = [
    `${SESSION_COOKIE}=${value ?? ''}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${value ? maxAgeSeconds : 0}`,
  ];
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
