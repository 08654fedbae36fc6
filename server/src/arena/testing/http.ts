/** JSON over HTTP for tests; the body is whatever the API answered (tests assert its shape). */
// biome-ignore lint/suspicious/noExplicitAny: test responses are checked by assertions, not types
export async function fetchJson(url: string, init?: RequestInit): Promise<any> {
  return (await fetch(url, init)).json();
}

/** POSTs JSON, as a guest or, with `bearer`, as the holder of that token. */
export const postJson = (url: string, body: unknown, bearer?: string) =>
  fetchJson(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
