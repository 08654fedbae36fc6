/**
 * The security suite's arena: one per test file, where a test names the role it acts as with a
 * header the test arena alone reads (production resolves principals from sessions and tokens).
 * Every response is kept, so a test can search all of them for what must never be shown.
 */

import { useArena } from '../arena/testing/arena';
import { GUEST, OPERATOR, type Principal } from '../auth/principal';

export type TestRole = 'guest' | 'person' | 'person2' | 'bot' | 'operator';

const PRINCIPALS: Record<TestRole, Principal> = {
  guest: GUEST,
  person: { role: 'person', accountId: 'p1', name: 'ann' },
  person2: { role: 'person', accountId: 'p2', name: 'bo' },
  bot: { role: 'bot', accountId: 'b1', name: 'bot' },
  operator: OPERATOR,
};

export const TEST_ROLE_HEADER = 'x-test-role';

export function useRoleArena(options: Parameters<typeof useArena>[0] = {}) {
  return useArena({
    principalOf: (request) => PRINCIPALS[(request?.headers.get(TEST_ROLE_HEADER) ?? 'guest') as TestRole] ?? GUEST,
    ...options,
  });
}

export interface Answer {
  status: number;
  text: string;
  json: any;
}

/** Every answer the suite received, for the checks that no body leaks anything. */
export const answers: Answer[] = [];

export async function call(
  base: string,
  method: string,
  path: string,
  options: { role?: TestRole; body?: unknown; raw?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { [TEST_ROLE_HEADER]: options.role ?? 'guest' };
  let body: string | undefined;
  if (options.raw !== undefined || options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = options.raw ?? JSON.stringify(options.body);
  }
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const answer = { status: res.status, text, json };
  answers.push(answer);
  return answer;
}
