/**
 * Reads an arena response body to its end, even when the arena never ends it.
 *
 * Workaround: the arena's HTTP router (Colyseus → better-call `setResponse`) writes a body larger
 * than the socket's buffer, waits for `drain`, and then forgets to call `res.end()`; the response
 * carries no content-length either, so an ordinary `await res.text()` waits for ever on any large
 * match (a Diplomacy game's events). JSON bodies are complete once they parse, so this stops
 * reading there; other bodies stop after a short silence. Harmless once the arena is fixed.
 */

const QUIET_MS = 1500;

export async function readBody(res: Response, timeoutMs = 30_000): Promise<string> {
  if (!res.body) return '';
  const declared = Number(res.headers.get('content-length'));
  const json = (res.headers.get('content-type') ?? '').includes('json');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const wait = Math.min(deadline - Date.now(), bytes > 0 && !json ? QUIET_MS : timeoutMs);
      if (wait <= 0) break;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const next = await Promise.race([
        reader.read(),
        new Promise<'quiet'>((resolve) => {
          timer = setTimeout(() => resolve('quiet'), wait);
        }),
      ]);
      clearTimeout(timer);
      if (next === 'quiet' || next.done) break;
      bytes += next.value.byteLength;
      text += decoder.decode(next.value, { stream: true });
      if (Number.isFinite(declared) && declared > 0 && bytes >= declared) break;
      if (json && /[}\]]\s*$/.test(text)) {
        try {
          JSON.parse(text);
          break;
        } catch {
          // not complete yet
        }
      }
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return text + decoder.decode();
}
