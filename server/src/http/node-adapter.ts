/**
 * Serves the API router on Node's HTTP server. Colyseus's own adapter for its router streams
 * bodies and never ends a response whose first write fills the socket buffer (bodies over about
 * 16 KB hang), so the API's `/api/*` requests are answered here, whole, with a content length;
 * every other request (matchmaking) goes to Colyseus as before.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

const MAX_BODY = 1024 * 1024;

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
    void answer(router, req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'http/internal', message: error instanceof Error ? error.message : String(error) }));
    });
  });
}

async function answer(router: FetchRouter, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req);
  if (body === null) {
    res.writeHead(413, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'http/too-large', message: `request bodies are limited to ${MAX_BODY} bytes` }));
    return;
  }
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value);
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

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
