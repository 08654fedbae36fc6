/** JSON over HTTP for tests; the body is whatever the API answered (tests assert its shape). */
// biome-ignore lint/suspicious/noExplicitAny: test responses are checked by assertions, not types
export async function fetchJson(url: string, init?: RequestInit): Promise<any> {
  return (await fetch(url, init)).json();
}

export const postJson = (url: string, body: unknown) =>
  fetchJson(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
