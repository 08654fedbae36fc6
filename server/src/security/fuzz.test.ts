/**
 * Property-based fuzzing (fast-check) of every HTTP route and every room message with random and
 * hostile input: wrong types, huge strings, unicode, NUL bytes, malformed percent-encoding,
 * prototype keys, file paths and URLs. Every answer must be a 2xx or a 4xx, never a 5xx, and the
 * arena must still be serving (and playing) afterwards, with Object.prototype untouched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { join, until } from '../arena/testing/clients';
import { call, type TestRole, useRoleArena } from './testing';

const test = useRoleArena();

const HOSTILE = [
  '',
  '%00',
  '\u0000',
  '__proto__',
  'constructor',
  'prototype',
  '../../../../etc/passwd',
  'policy:/etc/passwd',
  'llm:/etc/shadow?__proto__.polluted=1',
  'llm:examples/agents/openai.yaml?apiKeyEnv=PATH',
  'http://127.0.0.1:9/',
  '%E0%A4%A',
  '\uD800',
  '💥',
  'x'.repeat(5000),
  '1e309',
  '-1',
  'human',
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'game', 'seats', 'seed', 'params'),
  fc.string({ maxLength: 8 }),
);
const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A body as raw text: JSON of a hostile value, a prototype-polluting document, or not JSON at all. */
const hostileBody = fc.oneof(
  hostileValue.map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom(
    '{"__proto__":{"polluted":1},"game":"kuhn","seats":["random","call"]}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '{"game":"kuhn","seats":["random","call"],"params":{"__proto__":{"polluted":1}}}',
    '{"name":"t","game":"kuhn","participants":["random",{"agent":"call","overrides":{"__proto__.polluted":1}}],"format":{"type":"population","matches":1e9}}',
    '{"game":"diplomacy","params":{"lastYear":9999},"seats":["random","random","random","random","random","random","random"]}',
    'not json',
    '{',
    '\u0000',
  ),
  fc
    .record({ game: fc.constantFrom('kuhn', 'leduc', 'nlhe', 'diplomacy'), seats: fc.array(hostileString, { maxLength: 8 }) })
    .map((b) => JSON.stringify(b)),
);

/** A path segment: encoded hostile text, or raw bytes the URL parser must cope with. */
const segment = fc.oneof(
  hostileString.map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '?'))),
  fc.constantFrom('%00', '%E0%A4%A', '%ZZ', '..%2F..%2Fetc%2Fpasswd', 'policy%3A%2Fetc%2Fpasswd'),
);
const query = fc
  .dictionary(fc.constantFrom('game', 'agent', 'status', 'tournament', 'page', 'pageSize', 'format', '__proto__', 'x'), segment, {
    maxKeys: 4,
  })
  .map((q) =>
    Object.entries(q)
      .map(([k, v]) => `${k}=${v}`)
      .join('&'),
  );
const role = fc.constantFrom<TestRole>('guest', 'person', 'bot', 'operator');

const ROUTES: { method: string; path: (id: string) => string; body?: boolean }[] = [
  { method: 'GET', path: () => '/api/health' },
  { method: 'GET', path: () => '/api/matches' },
  { method: 'GET', path: (id) => `/api/matches/${id}` },
  { method: 'GET', path: (id) => `/api/matches/${id}/export` },
  { method: 'GET', path: (id) => `/api/matches/${id}/verify` },
  { method: 'GET', path: (id) => `/api/matches/${id}/analysis` },
  { method: 'GET', path: (id) => `/api/matches/${id}/hands` },
  { method: 'POST', path: () => '/api/matches', body: true },
  { method: 'GET', path: () => '/api/agents' },
  { method: 'GET', path: () => '/api/registry' },
  { method: 'GET', path: (id) => `/api/agents/${id}/exploitability` },
  { method: 'POST', path: () => '/api/tournaments', body: true },
  { method: 'GET', path: () => '/api/tournaments' },
  { method: 'GET', path: (id) => `/api/tournaments/${id}` },
  { method: 'DELETE', path: (id) => `/api/tournaments/${id}` },
  { method: 'GET', path: (id) => `/api/tournaments/${id}/leaderboard` },
];

describe('fuzzing the HTTP API', () => {
  it.each(ROUTES.map((r) => [`${r.method} ${r.path(':id')}`, r] as const))(
    '%s answers 2xx or 4xx to hostile input',
    async (_name, route) => {
      await fc.assert(
        fc.asyncProperty(segment, query, hostileBody, role, async (id, q, body, who) => {
          const path = `${route.path(id)}${q ? `?${q}` : ''}`;
          const res = await call(test.base, route.method, path, { role: who, ...(route.body ? { raw: body } : {}) });
          if (res.status >= 500)
            throw new Error(`${route.method} ${path} (${who}) answered ${res.status}: ${res.text.slice(0, 200)}`);
          if (route.body && res.status < 300) {
            // Something valid slipped through (a real match or tournament): fine, but never a polluted one.
            expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
          }
        }),
        { numRuns: 25, seed: 12 },
      );
      expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
      expect((await call(test.base, 'GET', '/api/health')).status).toBe(200);
    },
  );
});

describe('fuzzing room messages', () => {
  it('survives hostile messages from a seat and a spectator, and the match still plays to its end', async () => {
    const created = await call(test.base, 'POST', '/api/matches', {
      role: 'operator',
      body: { game: 'leduc', seats: ['human', 'call'], clock: { actionMs: 600_000, bankMs: 0 } },
    });
    const seat = await join(test.port, created.json.matchId, created.json.seats[0].token);
    const spectator = await join(test.port, created.json.matchId);
    const type = fc.oneof(
      fc.constantFrom('act', 'press', 'ready', '__proto__', 'constructor', 'toString', '*'),
      fc.string({ maxLength: 10 }),
    );
    const small = hostileValue.filter((v) => (JSON.stringify(v) ?? '').length < 4000);
    fc.assert(
      fc.property(type, small, fc.boolean(), (t, payload, fromSeat) => {
        (fromSeat ? seat : spectator).room.send(t, payload);
      }),
      { numRuns: 150, seed: 34 },
    );
    // The seat (still connected, still its own) plays its hand out against the bot. The flood
    // has emptied its rate-limit bucket, so an answer the limiter dropped is sent again.
    expect((await call(test.base, 'GET', '/api/health')).status).toBe(200);
    let polls = 0;
    await until(
      async () => {
        const view = [...(seat.room.state.views ?? [])][0] as { decision: number; legal: string } | undefined;
        if (view && view.decision >= 0 && polls++ % 20 === 0)
          seat.room.send('act', { decision: view.decision, actions: [JSON.parse(view.legal)[0]] });
        return (await call(test.base, 'GET', `/api/matches/${created.json.matchId}`)).json.status === 'finished';
      },
      60_000,
      'the fuzzed match to finish',
    );
    expect(seat.errors.some((e) => e.code === 'message/invalid')).toBe(true);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    await seat.room.leave();
    await spectator.room.leave();
  });
});
