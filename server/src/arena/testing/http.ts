/** JSON over HTTP for tests; the body is whatever the API answered (tests assert its shape). */
import { GUEST, OPERATOR, type Principal } from '../../auth/principal';
import type { Arena } from '../server';
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

/** For a test arena's `principalOf`: the role a request names in `x-test-role` (guest otherwise). */
export function roleFromHeader(request: Request | undefined): Principal {
  const role = request?.headers.get('x-test-role');
  return role === 'operator' ? OPERATOR : role === 'person' ? TEST_PERSON : GUEST;
}

export const TEST_PERSON: Principal = { role: 'person', accountId: 'acct-1', name: 'alice' };

/** POSTs JSON as `role` to an arena whose principals come from `roleFromHeader`. */
export const postAs = (base: string, role: 'guest' | 'person' | 'operator', path: string, body: unknown) =>
  fetchJson(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-role': role },
    body: JSON.stringify(body),
  });

/** A Diplomacy match played to its end in a test arena (as the operator), and stored. */
export async function playedDiplomacy(arena: Arena, base: string, seed: number, seats: readonly string[]): Promise<string> {
  const settings = { game: 'diplomacy', params: { lastYear: 1902 }, seed, seats, pressRounds: 1 };
  const { matchId } = await postAs(base, 'operator', '/api/matches', settings);
  await (await arena.service.open(matchId)).done;
  await arena.service.store.flush();
  return matchId;
}
