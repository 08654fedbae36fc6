/**
 * The one way the HTTP API answers with an error: JSON `{code, message}`. A message says what
 * went wrong in the caller's terms; it never carries a stack trace, a file's contents or an
 * environment value. Messages built from thrown errors go through `publicMessage`, which keeps
 * the first line, caps its length and blanks anything equal to an environment value; errors the
 * API did not expect become a bare 500 whose details go to the server log only.
 */

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const fail = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  json(status, { code, message: publicMessage(message) }, headers);

const MAX_MESSAGE = 400;
/** Environment values shorter than this are too common (`1`, `true`, `/root`) to mean a secret. */
const MIN_SECRET = 8;

/**
 * The first line of a message, capped, with any environment value (and any of `secrets`, such as
 * a model configuration's API key that came from a file) blanked out.
 */
export function publicMessage(text: string, env: NodeJS.ProcessEnv = process.env, secrets: readonly unknown[] = []): string {
  let line = (text.split('\n')[0] ?? '').slice(0, MAX_MESSAGE);
  for (const value of [...Object.values(env), ...secrets]) {
    if (typeof value === 'string' && value.length >= MIN_SECRET && line.includes(value))
      line = line.split(value).join('[redacted]');
  }
  return line;
}

/**
 * A thrown value's message, fit for a response body or a log line: its first line only (no
 * stack, no cause), with environment values and the given `secrets` blanked out.
 */
export function errorMessage(error: unknown, secrets: readonly unknown[] = []): string {
  return publicMessage(error instanceof Error ? error.message : String(error), process.env, secrets);
}

/** An error nobody anticipated: logged in full on the server, a bare 500 for the caller. */
export function internalError(error: unknown, log: (line: string) => void = (l) => console.error(l)): Response {
  log(`api: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return json(500, { code: 'http/internal', message: 'the server failed to answer this request' });
}
