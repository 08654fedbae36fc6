/**
 * Where the arena is, for the Next.js server. The server talks to it at PARLEY_ARENA_URL
 * (default http://127.0.0.1:2567); browsers fetch HTTP through this app's /api proxy and open
 * WebSockets straight to PARLEY_PUBLIC_ARENA_URL, or, when that is unset, to the arena's port on
 * the host they loaded the page from.
 */
import type { ApiError } from '@parley/protocol';

export function arenaUrl(): string {
  const url = process.env.PARLEY_ARENA_URL || `http://127.0.0.1:${process.env.PARLEY_ARENA_PORT || '2567'}`;
  return url.replace(/\/+$/, '');
}

/** What a browser needs to reach the arena's WebSockets. */
export function arenaForBrowser(): { url: string | null; port: string } {
  const port = new URL(arenaUrl()).port || '80';
  return { url: process.env.PARLEY_PUBLIC_ARENA_URL?.replace(/\/+$/, '') || null, port };
}

export type Fetched<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError };

/** GET a JSON route of the arena, never cached; a dead arena becomes an error value. */
export async function arenaGet<T>(path: string): Promise<Fetched<T>> {
  try {
    const res = await fetch(`${arenaUrl()}${path}`, { cache: 'no-store', signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    if (!res.ok) {
      const err = (body ?? {}) as Partial<ApiError>;
      return {
        ok: false,
        status: res.status,
        error: { code: err.code ?? 'http/error', message: err.message ?? `the arena answered ${res.status}` },
      };
    }
    if (body === null)
      return {
        ok: false,
        status: 502,
        error: { code: 'arena/bad-response', message: 'the arena sent a response that is not JSON' },
      };
    return { ok: true, data: body as T };
  } catch (error) {
    return {
      ok: false,
      status: 503,
      error: {
        code: 'arena/unreachable',
        message: `cannot reach the arena at ${arenaUrl()}: ${error instanceof Error ? error.message : String(error)}`,
      },
    };
  }
}
