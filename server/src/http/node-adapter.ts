/**
 * Serves the API router on Node's HTTP server. Colyseus's own adapter for its router streams
 * bodies and never ends a response whose first write fills the socket buffer (bodies over about
 * 16 KB hang), so the API's `/api/*` requests are answered here, whole, with a content length;
 * every other request (matchmaking) goes to Colyseus as before.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { internalError } from './errors';

/** The largest body anyone may send; roles have smaller limits (see limits.ts). */
export const MAX_BODY = 1024 * 1024;
export const CLIENT_ADDRESS = 'x-parley-client-address';

interface FetchRouter {
  handler: (request: Request) => Promise<Response>;
}

export function mountApi(http: Server, router: FetchRouter, prefix = '/api/'): void {
  const others = http.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith(prefix)) {
      for (const listener of others) listener.call(http, req, res);
      return;
    }
    void answer(router, req, res).catch(async (error) => {
      const reply = internalError(error);
      if (!res.headersSent) res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(await reply.text());
    });
  });
}

/**
 * Paths and queries must decode: bad percent-encoding or a NUL byte anywhere is the caller's
 * mistake (400), caught here before a handler or the database could trip on it.
 */
export function badUrl(url: string): string | null {
  const [path = '', query = ''] = url.split('?', 2);
  try {
    const parts = [path, ...query.split(/[&=]/).map((p) => p.replace(/\+/g, ' '))];
    for (const part of parts) if (decodeURIComponent(part).includes('\0')) return 'the URL contains a NUL byte';
  } catch {
    return 'the URL has malformed percent-encoding';
  }
  return null;
}

function reply(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ code, message });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

async function answer(router: FetchRouter, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const urlProblem = badUrl(req.url ?? '/');
  if (urlProblem) return reply(res, 400, 'http/bad-url', urlProblem);
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  if (body === null) return reply(res, 413, 'http/too-large', `request bodies are limited to ${MAX_BODY} bytes`);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers))
    if (typeof value === 'string' && key !== CLIENT_ADDRESS) headers.set(key, value);
  // The peer's address, for per-client quotas; a caller cannot set it (the header is replaced).
  headers.set(CLIENT_ADDRESS, req.socket.remoteAddress ?? 'unknown');
  const response = await router.handler(
    new Request(`http://${req.headers.host ?? 'localhost'}${req.url}`, { method, headers, body }),
  );
  const bytes = Buffer.from(await response.arrayBuffer());
  const out: Record<string, string> = { 'access-control-allow-origin': '*', 'content-length': String(bytes.length) };
  response.headers.forEach((value, key) => {
    out[key] = value;
  });
  res.writeHead(response.status, out);
  res.end(bytes);
}

/**
 * Reads a body up to MAX_BODY. A larger one resolves to null once it has been read (so the client,
 * still sending, gets its 413 rather than a reset); past eight times the limit the connection is cut.
 */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 8 * MAX_BODY) {
        resolve(null);
        req.destroy();
      } else if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
