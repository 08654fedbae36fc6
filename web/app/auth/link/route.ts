/**
 * The operator's one-time sign-in link (`parley start` prints it): redeems the code at the arena
 * and hands the browser the session cookie it returns, then goes to the lobby. A used or expired
 * link lands on the sign-in page instead.
 */
import type { LinkRequest } from '@parley/protocol';
import { arenaUrl } from '../../../lib/arena';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const url = new URL(request.url);
  const code = url.searchParams.get('code') ?? '';
  const proto = request.headers.get('x-forwarded-proto') ?? url.protocol.replace(':', '');
  const home = (path: string) => {
    const host = request.headers.get('host') ?? url.host;
    return `${proto}://${host}${path}`;
  };
  try {
    const res = await fetch(`${arenaUrl()}/api/auth/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': proto },
      body: JSON.stringify({ code } satisfies LinkRequest),
      cache: 'no-store',
      signal: AbortSignal.timeout(15_000),
    });
    const cookie = res.headers.get('set-cookie');
    if (!res.ok || !cookie) return Response.redirect(home('/signin?link=invalid'), 303);
    return new Response(null, {
      status: 303,
      headers: { location: home('/'), 'set-cookie': cookie, 'cache-control': 'no-store' },
    });
  } catch {
    return Response.redirect(home('/signin?link=unreachable'), 303);
  }
}
