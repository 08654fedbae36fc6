/**
 * The arena's HTTP API under this app's origin: `/api/*` is forwarded to PARLEY_ARENA_URL at
 * request time (so one build serves any arena address), which spares browsers CORS and a second
 * address for plain HTTP. Bodies pass through unchanged and nothing is logged: the seat tokens
 * that `POST /api/matches` returns stay between the arena and the browser that asked.
 *
 * Identity passes through too: the session cookie and bearer tokens go to the arena, its
 * Set-Cookie comes back, and the browser's Origin goes with the host it addressed
 * (X-Forwarded-Host) so the arena can refuse cross-site writes (see server/src/auth/guard.ts).
 */
import { SEAT_TOKEN_HEADER } from '@parley/protocol';
import { arenaUrl } from '../../../lib/arena';

export const dynamic = 'force-dynamic';

const FORWARDED_REQUEST_HEADERS = [
  'content-type',
  'accept',
  'cookie',
  'authorization',
  'origin',
  'sec-fetch-site',
  // A seat's token, for what only that seat may read (its own cards in past hands).
  SEAT_TOKEN_HEADER,
];
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-disposition', 'set-cookie'];

async function forward(request: Request, path: string[]): Promise<Response> {
  const url = new URL(request.url);
  const target = `${arenaUrl()}/api/${path.map(encodeURIComponent).join('/')}${url.search}`;
  const headers = new Headers();
  for (const h of FORWARDED_REQUEST_HEADERS) {
    const v = request.headers.get(h);
    if (v) headers.set(h, v);
  }
  const host = request.headers.get('host');
  if (host) headers.set('x-forwarded-host', host);
  headers.set('x-forwarded-proto', request.headers.get('x-forwarded-proto') ?? url.protocol.replace(':', ''));
  try {
    const upstream = await fetch(target, {
      method: request.method,
      headers,
      // An empty body is no body (a DELETE from a browser), not an empty JSON document.
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : (await request.text()) || undefined,
      cache: 'no-store',
      signal: AbortSignal.timeout(30_000),
    });
    const out = new Headers({ 'cache-control': 'no-store' });
    for (const h of FORWARDED_RESPONSE_HEADERS) {
      const v = upstream.headers.get(h);
      if (v) out.set(h, v);
    }
    // Buffered: the arena answers whole JSON documents with a content length.
    const body = await upstream.arrayBuffer();
    return new Response(body, { status: upstream.status, headers: out });
  } catch (error) {
    return Response.json(
      {
        code: 'arena/unreachable',
        message: `cannot reach the arena: ${error instanceof Error ? error.message : String(error)}`,
      },
      { status: 502 },
    );
  }
}

type Context = { params: Promise<{ path: string[] }> };

export async function GET(request: Request, context: Context) {
  return forward(request, (await context.params).path);
}

export async function POST(request: Request, context: Context) {
  return forward(request, (await context.params).path);
}

export async function DELETE(request: Request, context: Context) {
  return forward(request, (await context.params).path);
}
