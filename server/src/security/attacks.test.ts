/**
 * Every attack issue 12 reported against a fresh arena, as a test: each one is refused or made
 * harmless. The last test searches every answer the suite got for stack traces, file contents
 * and environment values.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoPlay, join, until } from '../arena/testing/clients';
import { verifyRecord } from '../runtime/fairness';
import { answers, call, useRoleArena } from './testing';

// A secret in the environment, as an operator's API key would be; no answer may ever contain it.
const SECRET = `sk-parley-test-${Math.random().toString(36).slice(2)}`;
process.env.PARLEY_TEST_SECRET = SECRET;

const test = useRoleArena();
const base = () => test.base;

// A listener standing for a thief's server: no request may ever reach it.
let thief: Server;
let thiefHits = 0;
let thiefUrl = '';
beforeAll(async () => {
  thief = createServer((_req, res) => {
    thiefHits++;
    res.end('{}');
  });
  await new Promise<void>((r) => thief.listen(0, '127.0.0.1', r));
  thiefUrl = `http://127.0.0.1:${(thief.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => thief.close(() => r())));

const match = (seats: unknown[], extra: Record<string, unknown> = {}) => ({ game: 'kuhn', seats, ...extra });

describe('agents come from the registry only', () => {
  it('refuses an LLM seat that would send the operator key elsewhere, or any environment variable', async () => {
    for (const seat of [
      `llm:examples/agents/openai.yaml?baseUrl=${thiefUrl}/v1`,
      `llm:examples/agents/openai.yaml?baseUrl=${thiefUrl}/v1&apiKeyEnv=PARLEY_TEST_SECRET`,
      { agent: `llm:examples/agents/openai.yaml?apiKeyEnv=PATH`, name: 'x' },
    ]) {
      const res = await call(base(), 'POST', '/api/matches', { body: match([seat, 'call']) });
      expect(res.status).toBe(400);
      expect(res.json.code).toBe('match/invalid');
    }
    expect(thiefHits).toBe(0);
  });

  it('refuses file paths as seats and as agent names, showing nothing of the files', async () => {
    for (const seat of ['policy:/etc/passwd', 'policy:../../../../etc/passwd', 'llm:/etc/shadow', 'llm:/etc/passwd']) {
      const res = await call(base(), 'POST', '/api/matches', { body: match([seat, 'call']), role: 'operator' });
      expect(res.status).toBe(400);
      expect(res.text).not.toMatch(/root:|daemon|nologin/);
    }
    const exp = await call(base(), 'GET', '/api/agents/policy%3A%2Fetc%2Fpasswd/exploitability?game=kuhn');
    expect(exp.status).toBe(400);
    expect(exp.text).not.toMatch(/root:|daemon/);
  });

  it('refuses webhook seats naming any address, loopback included', async () => {
    for (const seat of [`http:${thiefUrl}/act`, 'http:http://169.254.169.254/latest', 'http://10.0.0.1/']) {
      const res = await call(base(), 'POST', '/api/matches', { body: match([seat, 'call']), role: 'operator' });
      expect(res.status).toBe(400);
    }
    expect(thiefHits).toBe(0);
  });

  it('refuses prototype keys in overrides and stays alive, Object.prototype untouched', async () => {
    for (const seat of ['llm:examples/agents/openai.yaml?__proto__.polluted=1', 'llm:x.yaml?constructor.prototype.polluted=1']) {
      const res = await call(base(), 'POST', '/api/matches', { body: match([seat, 'call']) });
      expect(res.status).toBe(400);
    }
    const tournament = await call(base(), 'POST', '/api/tournaments', {
      role: 'operator',
      raw: '{"name":"t","game":"kuhn","participants":[{"agent":"random","overrides":{"__proto__.polluted":1}},"call"],"format":{"type":"round-robin"}}',
    });
    expect(tournament.status).toBe(400);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((await call(base(), 'GET', '/api/health')).status).toBe(200);
  });

  it('lists what may be seated, without paths, URLs or keys', async () => {
    const res = await call(base(), 'GET', '/api/registry');
    expect(res.status).toBe(200);
    expect(res.json.agents.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(['random', 'call', 'tag']));
    expect(res.text).not.toMatch(/\.yaml|https?:|apiKey/);
  });
});

describe('bad URLs', () => {
  it('answer 400, never 500, for NUL bytes and malformed percent-encoding', async () => {
    for (const path of [
      '/api/matches?agent=%00',
      '/api/matches?game=a%00b',
      '/api/agents/%E0%A4%A/exploitability?game=kuhn',
      '/api/matches/%E0%A4%A',
      '/api/matches/abc%00',
      '/api/tournaments/%ZZ',
    ]) {
      const res = await call(base(), 'GET', path);
      expect(res.status, path).toBe(400);
      expect(res.json.code).toBe('http/bad-url');
    }
  });
});

describe('provably fair chance', () => {
  it("hides a running match's seed, publishes its commitment, and reveals a seed that verifies at the end", async () => {
    const created = await call(base(), 'POST', '/api/matches', {
      body: match(['human', 'call'], { clock: { actionMs: 60_000, bankMs: 0 } }),
    });
    expect(created.status).toBe(201);
    const id = created.json.matchId as string;
    const running = await call(base(), 'GET', `/api/matches/${id}`);
    const listed = await call(base(), 'GET', '/api/matches?status=running');
    expect(running.json.status).toBe('running');
    expect(running.json.seed).toBeNull();
    expect(running.json.settings.seed).toBeUndefined();
    expect(running.json.fairness.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(running.json.fairness.salt).toBeUndefined();
    const row = listed.json.matches.find((m: { id: string }) => m.id === id);
    expect(row.seed).toBeNull();
    expect(row.fairness.commitment).toBe(running.json.fairness.commitment);

    const seat = await join(test.port, id, created.json.seats[0].token);
    autoPlay(seat);
    await until(async () => (await call(base(), 'GET', `/api/matches/${id}`)).json.status === 'finished', 30_000, 'the end');
    const done = await call(base(), 'GET', `/api/matches/${id}`);
    expect(typeof done.json.seed).toBe('number');
    expect(done.json.fairness.salt).toMatch(/^[0-9a-f]{32}$/);
    for (const before of [running.text, listed.text]) {
      expect(before).not.toContain(done.json.fairness.salt);
      expect(before).not.toMatch(new RegExp(`"seed":${done.json.seed}\\b`));
    }
    const record = (await call(base(), 'GET', `/api/matches/${id}/export`)).json;
    expect(verifyRecord(record)).toMatchObject({ ok: true });
    const checked = await call(base(), 'GET', `/api/matches/${id}/verify`);
    expect(checked.json).toMatchObject({ ok: true, commitment: running.json.fairness.commitment });
    // A stacked deck does not verify: change the first card dealt.
    const deal = record.actions.findIndex((a: { actor: unknown }) => a.actor === 'chance');
    const other = ['J', 'Q', 'K'].find((c) => !String(record.actions[deal].action).includes(c));
    const tampered = structuredClone(record);
    tampered.actions[deal].action = String(record.actions[deal].action).replace(/[JQK]/, other as string);
    expect(verifyRecord(tampered).ok).toBe(false);
    expect(verifyRecord({ ...record, seed: record.seed + 1 }).ok).toBe(false);
    await seat.room.leave();
  });

  it('lets only the operator choose a seed', async () => {
    const guest = await call(base(), 'POST', '/api/matches', { body: match(['random', 'call'], { seed: 7 }) });
    expect(guest.status).toBe(400);
    expect(guest.json.code).toBe('match/seed');
    const operator = await call(base(), 'POST', '/api/matches', {
      role: 'operator',
      body: match(['random', 'call'], { seed: 7 }),
    });
    expect(operator.status).toBe(201);
  });
});

describe('limits', () => {
  it('refuses huge tournaments in every format, and tournaments from guests', async () => {
    const spec = (format: unknown, participants: unknown[] = ['random', 'call']) => ({
      name: 'big',
      game: 'kuhn',
      participants,
      format,
    });
    const population = await call(base(), 'POST', '/api/tournaments', {
      role: 'operator',
      body: spec({ type: 'population', matches: 1_000_000_000 }),
    });
    expect(population.status).toBe(400);
    for (const format of [
      { type: 'population', matches: 500_000 },
      { type: 'round-robin', rounds: 1_000_000 },
      { type: 'swiss', rounds: 5000, gamesPerPairing: 1000 },
      { type: 'gauntlet', challengers: ['random'], rounds: 1_000_000 },
    ]) {
      const res = await call(base(), 'POST', '/api/tournaments', { role: 'operator', body: spec(format) });
      expect(res.status, JSON.stringify(format)).toBe(400);
    }
    const person = await call(base(), 'POST', '/api/tournaments', {
      role: 'person',
      body: spec({ type: 'population', matches: 5000 }),
    });
    expect(person.status).toBe(400);
    expect(person.json.code).toBe('limits/tournament-size');
    const guest = await call(base(), 'POST', '/api/tournaments', { body: spec({ type: 'round-robin' }) });
    // A guest is asked to sign in (auth/policy.ts): 401, where a signed-in role without the right gets 403.
    expect(guest.status).toBe(401);
    expect((await call(base(), 'GET', '/api/health')).status).toBe(200);
  });

  it('keeps people to registered built-ins, without overrides, in their tournaments', async () => {
    for (const participants of [
      ['policy:/etc/passwd', 'call'],
      [{ agent: 'random', overrides: { x: 1 } }, 'call'],
      ['llm:examples/agents/openai.yaml', 'call'],
    ]) {
      const res = await call(base(), 'POST', '/api/tournaments', {
        role: 'person',
        body: { name: 't', game: 'kuhn', participants, format: { type: 'round-robin' } },
      });
      expect(res.status).toBe(400);
      expect(res.text).not.toMatch(/root:/);
    }
  });

  it('refuses Diplomacy years and clocks beyond the caps', async () => {
    const dip = (params: unknown, clock?: unknown) => ({
      game: 'diplomacy',
      params,
      seats: Array.from({ length: 7 }, () => 'random'),
      ...(clock ? { clock } : {}),
    });
    const years = await call(base(), 'POST', '/api/matches', { role: 'operator', body: dip({ lastYear: 9999 }) });
    expect(years.status).toBe(400);
    const guestYears = await call(base(), 'POST', '/api/matches', { body: dip({ lastYear: 1990 }) });
    expect(guestYears.status).toBe(400);
    expect(guestYears.json.code).toBe('limits/last-year');
    const day = 86_400_000;
    const clocks = await call(base(), 'POST', '/api/matches', {
      body: dip({ lastYear: 1901 }, { pressMs: day, ordersMs: day, retreatMs: day, adjustMs: day }),
    });
    expect(clocks.status).toBe(400);
    expect(clocks.json.code).toBe('limits/clock');
  });

  it('refuses bodies over the role limit', async () => {
    const big = { ...match(['random', 'call']), padding: 'x'.repeat(20_000) };
    const res = await call(base(), 'POST', '/api/matches', { body: big });
    expect(res.status).toBe(413);
    const huge = await call(base(), 'POST', '/api/matches', { role: 'operator', raw: `"${'x'.repeat(1_100_000)}"` });
    expect(huge.status).toBe(413);
  });

  it('lets the owner or the operator cancel a tournament, nobody else', async () => {
    const spec = { name: 'long', game: 'leduc', participants: ['random', 'call'], format: { type: 'round-robin', rounds: 1000 } };
    const started = await call(base(), 'POST', '/api/tournaments', { role: 'person', body: spec });
    expect(started.status).toBe(202);
    const again = await call(base(), 'POST', '/api/tournaments', { role: 'person', body: spec });
    expect(again.status).toBe(429);
    expect(again.json.message).toMatch(/tournaments running/);
    const id = started.json.id as string;
    expect((await call(base(), 'DELETE', `/api/tournaments/${id}`)).status).toBe(401);
    expect((await call(base(), 'DELETE', `/api/tournaments/${id}`, { role: 'person2' })).status).toBe(403);
    expect((await call(base(), 'GET', '/api/health')).status).toBe(200);
    const cancelled = await call(base(), 'DELETE', `/api/tournaments/${id}`, { role: 'person' });
    expect(cancelled.status).toBe(200);
    expect((await call(base(), 'GET', `/api/tournaments/${id}`)).json.status).toBe('aborted');
    expect((await call(base(), 'DELETE', `/api/tournaments/${id}`, { role: 'operator' })).status).toBe(409);
    expect((await call(base(), 'DELETE', '/api/tournaments/nonesuch', { role: 'operator' })).status).toBe(404);
    const op = await call(base(), 'POST', '/api/tournaments', {
      role: 'operator',
      body: { ...spec, participants: ['random', { agent: 'call', name: 'caller', overrides: { x: 1 } }] },
    });
    // What the operator's tournament names (files, overrides) is the operator's to see.
    expect((await call(base(), 'GET', `/api/tournaments/${op.json.id}`)).text).not.toMatch(/call:\?x=1|overrides/);
    expect((await call(base(), 'GET', `/api/tournaments/${op.json.id}`, { role: 'operator' })).text).toMatch(/overrides/);
    expect((await call(base(), 'DELETE', `/api/tournaments/${op.json.id}`, { role: 'operator' })).status).toBe(200);
  });
});

describe('stopping a match', () => {
  it('lets its owner or the operator stop a running match, nobody else', async () => {
    // A person's match with a seat of their own: it waits on them, so it is still running.
    const slow = { ...match(['human', 'call']), clock: { actionMs: 600_000, bankMs: 0 } };
    const created = await call(base(), 'POST', '/api/matches', { role: 'person', body: slow });
    expect(created.status).toBe(201);
    const id = created.json.matchId as string;
    expect((await call(base(), 'DELETE', `/api/matches/${id}`)).status).toBe(401);
    expect((await call(base(), 'DELETE', `/api/matches/${id}`, { role: 'person2' })).status).toBe(403);
    expect((await call(base(), 'GET', `/api/matches/${id}`)).json.status).toBe('running');
    const stopped = await call(base(), 'DELETE', `/api/matches/${id}`, { role: 'person' });
    expect(stopped.status).toBe(200);
    expect((await call(base(), 'GET', `/api/matches/${id}`)).json.status).toBe('aborted');
    expect((await call(base(), 'DELETE', `/api/matches/${id}`, { role: 'operator' })).status).toBe(409);
    expect((await call(base(), 'DELETE', '/api/matches/nonesuch', { role: 'operator' })).status).toBe(404);

    const other = await call(base(), 'POST', '/api/matches', { role: 'person2', body: slow });
    const otherId = other.json.matchId as string;
    expect((await call(base(), 'DELETE', `/api/matches/${otherId}`, { role: 'operator' })).status).toBe(200);
    expect((await call(base(), 'GET', `/api/matches/${otherId}`)).json.status).toBe('aborted');
  });
});

describe('error bodies', () => {
  it('never contain a stack trace, a file, or an environment value', () => {
    const errors = answers.filter((a) => a.status >= 400);
    expect(errors.length).toBeGreaterThan(20);
    const envValues = Object.values(process.env).filter((v): v is string => !!v && v.length >= 8);
    for (const { status, text } of errors) {
      expect(status).toBeLessThan(500);
      expect(text).not.toMatch(/\n\s+at |node:internal|\.ts:\d+|root:x:0|nologin/);
      expect(text).not.toContain(SECRET);
      for (const value of envValues) expect(text.includes(value), `an environment value in ${text.slice(0, 80)}`).toBe(false);
    }
  });
});
