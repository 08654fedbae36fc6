/**
 * The route and room-message tables, walked role by role against a live arena: every route the
 * API serves has an entry, each role is let through where the table says and gets 401 (guests)
 * or 403 (anyone else) where it does not; cross-site writes with a session are refused; rooms
 * let seats act and nobody else.
 */
import { randomBot } from '@parley/agents';
import { describe, expect, it } from 'vitest';
import { AgentRegistry } from '../agents-registry/registry';
import { useArena } from '../arena/testing/arena';
import { join, until } from '../arena/testing/clients';
import { createApi } from '../http/api';
import { ROOM_MESSAGES, ROUTES } from './policy';
import type { Role } from './principal';

const OPERATOR_TOKEN = 'policy-test-operator-token';
// An operator's LLM configuration (played by a random bot here: nothing is called).
const registry = new AgentRegistry();
registry.addLlm({ id: 'house-llm', description: 'a model the operator pays for', dailyCapUsd: 1, create: () => randomBot() });
// Real identities: no test principal, so the guard reads credentials.
const test = useArena({ operatorToken: OPERATOR_TOKEN, agents: registry, principalOf: undefined });

const GUARD_CODES = new Set(['auth/sign-in', 'auth/forbidden', 'auth/no-policy']);

async function call(method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  const res = await fetch(`${test.base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });
  const text = await res.text();
  let json: { code?: string } = {};
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, code: json.code, json: json as Record<string, unknown>, cookie: res.headers.get('set-cookie') };
}

async function signUp(name: string): Promise<string> {
  const res = await call('POST', '/api/auth/signup', {}, { name, password: 'a fine password' });
  expect(res.status).toBe(201);
  const cookie = /parley_session=([^;]+)/.exec(res.cookie ?? '')?.[1];
  if (!cookie) throw new Error('no session cookie');
  return `parley_session=${cookie}`;
}

/** A person with a bot account and one of its tokens. */
async function personWithBot(name: string) {
  const cookie = await signUp(name);
  const bot = `${name}-bot`;
  expect((await call('POST', '/api/bots', { cookie }, { name: bot })).status).toBe(201);
  const minted = await call('POST', `/api/bots/${bot}/tokens`, { cookie }, { label: 'test' });
  expect(minted.status).toBe(201);
  return { cookie, bot, token: minted.json.token as string, tokenId: minted.json.id as string };
}

describe('the route table', () => {
  it('names every route the API serves, and nothing it does not serve', () => {
    // Building the router touches no dependency until a request comes.
    const router = createApi({ service: { store: {} } } as unknown as Parameters<typeof createApi>[0]);
    const served = Object.values(router.endpoints).flatMap((e) => {
      const methods = [e.options.method].flat() as string[];
      return methods.map((m) => `${m} ${e.path}`);
    });
    expect(served.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('lets each role through where the table says and refuses it elsewhere, route by route', async () => {
    const owner = await personWithBot('walker');
    let personCookie = '';
    const credentials: Record<Role, () => Promise<Record<string, string>>> = {
      guest: async () => ({}),
      operator: async () => ({ authorization: `Bearer ${OPERATOR_TOKEN}` }),
      bot: async () => ({ authorization: `Bearer ${owner.token}` }),
      // One session, renewed after the table's sign-out ends it.
      person: async () => {
        if (!personCookie) {
          const res = await call('POST', '/api/auth/signin', {}, { name: 'walker', password: 'a fine password' });
          personCookie = /parley_session=[^;]+/.exec(res.cookie ?? '')?.[0] ?? '';
        }
        return { cookie: personCookie };
      },
    };
    // Parameters that name nothing, so an allowed call reaches its handler and changes nothing.
    const path = (pattern: string) =>
      pattern
        .replace(':id', 'no-such-id')
        .replace(':name', 'no-such-name')
        .replace(':tokenId', 'no-such-token')
        .replace(':branchId', 'no-such-branch');
    let checked = 0;
    for (const [key, allowed] of Object.entries(ROUTES)) {
      const [method, pattern] = key.split(' ') as [string, string];
      for (const role of ['guest', 'person', 'bot', 'operator'] as Role[]) {
        const res = await call(method, path(pattern), await credentials[role]());
        const what = `${role} ${key} → ${res.status} ${res.code}`;
        if (allowed.includes(role)) expect(GUARD_CODES.has(res.code ?? ''), what).toBe(false);
        else if (role === 'guest') expect([res.status, res.code], what).toEqual([401, 'auth/sign-in']);
        else expect([res.status, res.code], what).toEqual([403, 'auth/forbidden']);
        checked++;
        if (key === 'POST /api/auth/signout') personCookie = '';
      }
    }
    expect(checked).toBe(Object.keys(ROUTES).length * 4);
  });

  it('refuses an unknown or revoked bearer token outright', async () => {
    const { cookie, bot, token, tokenId } = await personWithBot('revoker');
    expect((await call('GET', '/api/bot/seats', { authorization: `Bearer ${token}` })).status).toBe(200);
    // As a browser sends it: no body, no content type.
    const revoked = await fetch(`${test.base}/api/bots/${bot}/tokens/${tokenId}`, { method: 'DELETE', headers: { cookie } });
    expect(revoked.status).toBe(200);
    expect(await call('GET', '/api/bot/seats', { authorization: `Bearer ${token}` })).toMatchObject({
      status: 401,
      code: 'auth/bad-token',
    });
    expect((await call('GET', '/api/health', { authorization: 'Bearer nonsense' })).status).toBe(401);
  });
});

describe('sessions and cross-site requests', () => {
  it('sets an httpOnly, SameSite session cookie, Secure behind https, and clears it on sign-out', async () => {
    const up = await call('POST', '/api/auth/signup', {}, { name: 'cookie-eater', password: 'a fine password' });
    expect(up.cookie).toMatch(/^parley_session=pss_[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    const cookie = /parley_session=[^;]+/.exec(up.cookie ?? '')?.[0] ?? '';
    expect((await call('GET', '/api/auth/me', { cookie })).json).toMatchObject({ role: 'person', name: 'cookie-eater' });
    const secure = await call(
      'POST',
      '/api/auth/signin',
      { 'x-forwarded-proto': 'https' },
      { name: 'cookie-eater', password: 'a fine password' },
    );
    expect(secure.cookie).toMatch(/; Secure$/);
    const out = await call('POST', '/api/auth/signout', { cookie });
    expect(out.cookie).toMatch(/Max-Age=0/);
    expect((await call('GET', '/api/auth/me', { cookie })).json).toMatchObject({ role: 'guest' });
  });

  it('refuses state-changing requests from another origin, unless they carry a bearer token', async () => {
    const cookie = await signUp('csrf-target');
    const host = new URL(test.base).host;
    const evil = { cookie, origin: 'http://localhost:9999' };
    expect(await call('POST', '/api/bots', evil, { name: 'stolen' })).toMatchObject({ status: 403, code: 'auth/cross-origin' });
    expect(await call('POST', '/api/bots', { cookie, 'sec-fetch-site': 'same-site' }, { name: 'stolen' })).toMatchObject({
      status: 403,
    });
    expect(await call('POST', '/api/auth/signin', { origin: 'https://evil.example' }, {})).toMatchObject({ status: 403 });
    expect((await call('POST', '/api/bots', { cookie, origin: `http://${host}` }, { name: 'mine-1' })).status).toBe(201);
    // The web front end's proxy says which host the browser addressed.
    const viaProxy = { cookie, origin: 'http://localhost:3000', 'x-forwarded-host': 'localhost:3000' };
    expect((await call('POST', '/api/bots', viaProxy, { name: 'mine-2' })).status).toBe(201);
    const bearer = { authorization: `Bearer ${OPERATOR_TOKEN}`, origin: 'https://elsewhere.example' };
    expect((await call('POST', '/api/matches', bearer, { game: 'kuhn', seats: ['random', 'random'] })).status).toBe(201);
    // Reading is never refused for its origin.
    expect((await call('GET', '/api/auth/me', evil)).json).toMatchObject({ role: 'person' });
  });
});

describe('who may seat what', () => {
  it('lets guests play built-in bots only, people and bots seat bot accounts, and the operator anything', async () => {
    const { cookie, bot } = await personWithBot('seater');
    const kuhn = (seats: string[]) => ({ game: 'kuhn', seats, clock: { actionMs: 50, bankMs: 0 } });
    expect((await call('POST', '/api/matches', {}, kuhn(['human', 'random']))).status).toBe(201);
    expect(await call('POST', '/api/matches', {}, kuhn(['human', `bot/${bot}`]))).toMatchObject({
      status: 401,
      code: 'match/seat-forbidden',
    });
    expect(await call('POST', '/api/matches', {}, kuhn(['house-llm', 'random']))).toMatchObject({ status: 401 });
    // A URL or a file is no registered agent, whoever asks.
    for (const spec of ['http:http://127.0.0.1:1/', 'policy:/etc/passwd'])
      expect(
        await call('POST', '/api/matches', { authorization: `Bearer ${OPERATOR_TOKEN}` }, kuhn([spec, 'random'])),
      ).toMatchObject({
        status: 400,
      });
    expect((await call('POST', '/api/matches', { cookie }, kuhn(['human', `bot/${bot}`]))).status).toBe(201);
    expect(await call('POST', '/api/matches', { cookie }, kuhn(['house-llm', 'random']))).toMatchObject({
      status: 403,
      code: 'match/seat-forbidden',
    });
    expect(await call('POST', '/api/matches', { cookie }, kuhn(['bot/nobody-here', 'random']))).toMatchObject({
      status: 400,
      code: 'match/invalid',
    });
    const operator = { authorization: `Bearer ${OPERATOR_TOKEN}` };
    expect((await call('POST', '/api/matches', operator, kuhn(['house-llm', `bot/${bot}`]))).status).toBe(201);
    expect(
      await call(
        'POST',
        '/api/matches',
        { cookie },
        { ...kuhn(['human', 'random']), seats: [{ agent: 'human', name: `bot/${bot}` }, 'random'] },
      ),
    ).toMatchObject({ status: 400 });
  });
});

describe('the room-message table', () => {
  it('lets a bot account take its seat with its token and act; spectators and strangers may not', async () => {
    const { cookie, bot, token } = await personWithBot('roomie');
    const other = await personWithBot('stranger');
    const created = await call(
      'POST',
      '/api/matches',
      { cookie },
      { game: 'kuhn', seats: [`bot/${bot}`, 'random'], clock: { actionMs: 60_000, bankMs: 0 } },
    );
    expect(created.status).toBe(201);
    const matchId = created.json.matchId as string;
    expect((await call('GET', '/api/bot/seats', { authorization: `Bearer ${token}` })).json).toMatchObject({
      seats: [{ matchId, seat: 0, game: 'kuhn' }],
    });
    await expect(join(test.port, matchId, { botToken: other.token })).rejects.toThrow(/no such seat/);
    await expect(join(test.port, matchId, { botToken: 'pbt_forged' })).rejects.toThrow(/unknown or revoked/);

    const seat = await join(test.port, matchId, { botToken: token });
    const spectator = await join(test.port, matchId);
    await until(() => [...(seat.room.state.views ?? [])][0]?.decision >= 0, 10_000, 'the bot seat to be asked');
    const decision = [...seat.room.state.views][0].decision as number;
    const payloads: Record<string, unknown> = {
      act: { decision, actions: ['pass'] },
      press: { to: 'all', text: 'hello' },
      ready: {},
      prefs: { muckLosing: false },
    };
    for (const [type, access] of Object.entries(ROOM_MESSAGES)) {
      if (type === 'join') continue;
      expect(access).toBe('seat');
      spectator.room.send(type, payloads[type]);
      await until(() => spectator.errors.length > 0, 5000, `a refusal of ${type}`);
      expect(spectator.errors.shift()?.code).toBe('seat/spectator');
    }
    seat.room.send('act', payloads.act);
    await until(() => seat.acks > 0, 5000, 'the bot seat acknowledged');
    expect(seat.errors.filter((e) => e.code === 'seat/spectator')).toEqual([]);
    await seat.room.leave();
    await spectator.room.leave();
  });
});
