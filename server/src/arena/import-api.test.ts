/** POST /api/imports/diplomacy: the operator imports a saved game; anyone else is refused. */
import { diplomacy } from '@parley/games';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUEST, OPERATOR, type Principal } from '../auth/principal';

const PERSON: Principal = { role: 'person', accountId: 'acct-1', name: 'alice' };

import { stateHash } from '../runtime/canonical';
import type { MatchRecord } from '../runtime/record';
import { matchOfRecord } from '../store/events';
import { exportMatch } from '../store/export';
import { MemoryStore } from '../store/memory-store';
import { type Arena, createArena } from './server';
import { fetchJson } from './testing/http';

let arena: Arena;
let base: string;
beforeAll(async () => {
  arena = await createArena({
    port: 0,
    host: '127.0.0.1',
    store: new MemoryStore(),
    principalOf: (request) => {
      const role = request?.headers.get('x-test-role');
      return role === 'operator' ? OPERATOR : role === 'person' ? PERSON : GUEST;
    },
  });
  base = `http://127.0.0.1:${arena.port}`;
});
afterAll(async () => {
  await arena?.close();
});

/** Spring 1901 with every unit holding, as a saved game. */
function savedGame() {
  let s = diplomacy.newInitialState({ lastYear: null });
  const actions = [];
  while (s.lastPhase === null)
    for (const seat of diplomacy.actingSeats(s)) {
      const action = diplomacy.defaultAction(s, seat);
      s = diplomacy.applyAction(s, seat, action);
      actions.push({ seq: actions.length, actor: seat, action, ms: 0 });
    }
  const record = {
    format: 'parley.match',
    version: 1,
    game: 'diplomacy',
    params: { lastYear: null },
    seed: 1,
    seats: [0, 1, 2, 3, 4, 5, 6].map((seat) => ({ seat, agent: 'call' })),
    actions,
    messages: [],
    modelCalls: [],
    returns: [...diplomacy.returns(s)],
    finalStateHash: stateHash(s),
  } as MatchRecord;
  return JSON.parse(exportMatch(matchOfRecord(record, 'g'), 'diplomacy').text);
}

const post = (role: string, body: unknown) =>
  fetchJson(`${base}/api/imports/diplomacy`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-test-role': role },
    body: JSON.stringify(body),
  });

describe('importing saved games through the API', () => {
  it('is for the operator only', async () => {
    // The route table (auth/policy.ts) lets only the operator import: a guest must sign in, a person may not.
    expect((await post('guest', savedGame())).code).toBe('auth/sign-in');
    expect((await post('person', savedGame())).code).toBe('auth/forbidden');
  });

  it('stores a saved game that replays, and names the disagreement of one that does not', async () => {
    const game = savedGame();
    const created = await post('operator', game);
    expect(created).toMatchObject({ phases: 2, orders: 22, messages: 0, refused: [] });
    const again = await fetchJson(`${base}/api/matches/${created.matchId}/export?format=diplomacy`);
    expect(again.phases.map((p: { name: string }) => p.name)).toEqual(['S1901M', 'F1901M']);
    game.phases[1].state.units.FRANCE = ['A BUR', 'A MAR', 'F BRE'];
    const refused = await post('operator', game);
    expect(refused.code).toBe('import/disagreement');
    expect(refused.message).toContain('F1901M: A BUR: expected FRANCE');
  });
});
