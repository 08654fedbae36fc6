/**
 * Webhook bots: the example Python bot (standard library only) plays Kuhn, Leduc and a short
 * Diplomacy game through the real runtime; a Node webhook shows what the runtime makes of
 * errors, bad bodies, slow answers and press.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { callBot, createAgent, normalizeUrl, requestSchema, type WebhookRequest, webhookSchemaText } from '@parley/agents';
import { diplomacy, kuhn, leduc } from '@parley/games';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMatch } from '../runtime';
import { FakeClock } from '../testing/fake-clock';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

let python: ChildProcess;
let botUrl: string;
beforeAll(async () => {
  python = spawn('python3', ['examples/webhook/bot.py', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  botUrl = await new Promise<string>((resolve, reject) => {
    python.once('error', reject);
    python.once('exit', (code) => reject(new Error(`bot.py exited with ${code}`)));
    python.stdout?.on('data', (chunk: Buffer) => {
      const m = /listening on (\S+)/.exec(chunk.toString());
      if (m?.[1]) resolve(m[1]);
    });
  });
});
afterAll(() => {
  python?.kill();
});

/** Diplomacy's 1901 with one press round, five seconds a decision. */
const diplomacyYear = (agents: Parameters<typeof runMatch>[0]['agents']) =>
  runMatch({ game: diplomacy, params: { lastYear: 1901 }, seed: 1, agents, deadlineMs: 5000, pressRounds: 1 });

describe('the example Python webhook bot', () => {
  it('plays Kuhn and Leduc matches to the end with no fallbacks', async () => {
    for (const game of [kuhn, leduc] as const) {
      for (let seed = 1; seed <= 5; seed++) {
        const { record } = await runMatch({
          game: game as typeof kuhn,
          params: game.descriptor.defaultParams as never,
          seed,
          agents: [createAgent(`http:${botUrl}`, game.descriptor.id), createAgent(`http:${botUrl}`, game.descriptor.id)],
          deadlineMs: 5000,
        });
        const decisions = record.actions.filter((a) => a.actor !== 'chance');
        expect(decisions.length).toBeGreaterThan(0);
        expect(decisions.filter((a) => a.fallback)).toEqual([]);
        expect(record.returns.reduce((a, b) => a + b, 0)).toBe(0);
      }
    }
  });

  it('holds every unit in a Diplomacy year, answering each phase with a list', async () => {
    const agents = Array.from({ length: 7 }, () => createAgent(`http:${botUrl}`, 'diplomacy'));
    const { record } = await diplomacyYear(agents);
    expect(record.actions.length).toBe(2 * 22);
    expect(record.actions.every((a) => / H$/.test(a.action) && !a.fallback)).toBe(true);
    expect(record.messages).toEqual([]);
  });
});

/** A Node webhook whose answer each test sets; it checks every request against the protocol. */
let node: Server;
let nodeUrl: string;
let answer: (req: WebhookRequest) => { status?: number; body: string; delayMs?: number } = () => ({ body: '{}' });
const seen: WebhookRequest[] = [];
const aborted: number[] = [];
let abortSeen: () => void = () => {};
/** Resolves once the bot's server has seen a request cancelled. */
const closed = () => (aborted.length > 0 ? Promise.resolve() : new Promise<void>((r) => (abortSeen = r)));
beforeAll(async () => {
  node = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    const parsed = requestSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return void res.writeHead(422).end(JSON.stringify(parsed.error.issues));
    seen.push(parsed.data);
    const a = answer(parsed.data);
    if (a.delayMs) {
      const closed = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), a.delayMs);
        res.on('close', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (closed) {
        aborted.push(seen.length);
        return abortSeen();
      }
    }
    res.writeHead(a.status ?? 200, { 'content-type': 'application/json' }).end(a.body);
  });
  await new Promise<void>((r) => node.listen(0, '127.0.0.1', r));
  nodeUrl = `http://127.0.0.1:${(node.address() as AddressInfo).port}/bot`;
});
afterAll(
  () =>
    new Promise<void>((r) => {
      node.closeAllConnections();
      node.close(() => r());
    }),
);

/** The runtime's deadline runs on a clock only a test moves: a slow machine cannot make the bot late. */
const kuhnAgainstCall = (deadlineMs = 2000, clock = new FakeClock()) =>
  runMatch({
    game: kuhn,
    params: { players: 2 },
    seed: 4,
    agents: [createAgent(`http:${nodeUrl}`, 'kuhn'), callBot()],
    deadlineMs,
    clock,
  });
const firstDecision = async (deadlineMs?: number, clock?: FakeClock) =>
  (await kuhnAgainstCall(deadlineMs, clock)).record.actions.find((a) => a.actor === 0);

describe('webhook agent', () => {
  it('sends the protocol’s act request', async () => {
    answer = () => ({ body: '{"action": "bet"}' });
    seen.length = 0;
    expect(await firstDecision()).toMatchObject({ action: 'bet' });
    expect(seen[0]).toMatchObject({
      protocol: 'parley.webhook',
      version: 1,
      kind: 'act',
      gameId: 'kuhn',
      seat: 0,
      legalActions: ['bet', 'pass'],
      simultaneous: false,
      deadlineMs: 2000,
      inbox: [],
      observation: { seat: 0, history: [] },
    });
  });

  it('turns non-2xx answers, non-JSON and off-protocol bodies into fallbacks that say why', async () => {
    answer = () => ({ status: 503, body: 'overloaded' });
    expect(await firstDecision()).toMatchObject({
      fallback: 'error',
      error: 'http/status: the bot answered HTTP 503: overloaded',
    });
    answer = () => ({ body: 'bet' });
    expect(await firstDecision()).toMatchObject({
      fallback: 'error',
      error: expect.stringContaining('http/body: the answer is not JSON'),
    });
    answer = () => ({ body: '{"move": "bet"}' });
    expect(await firstDecision()).toMatchObject({
      fallback: 'error',
      error: expect.stringContaining('does not fit the protocol'),
    });
    answer = () => ({ body: '{"action": "raise"}' });
    expect(await firstDecision()).toMatchObject({ fallback: 'illegal', proposed: 'raise' });
  });

  it('aborts the request when the deadline passes', async () => {
    // An hour: the bot never answers on its own within the test, so the cancelled request is the
    // only way it can end, however long a loaded machine takes to deliver the abort.
    answer = () => ({ body: '{"action": "bet"}', delayMs: 3_600_000 });
    aborted.length = 0;
    const before = seen.length;
    // The 200 ms deadline passes (on the test's clock), plays the default and cancels the request.
    const clock = new FakeClock();
    const decision = firstDecision(200, clock);
    while (seen.length === before) await new Promise<void>((r) => setImmediate(r));
    await clock.advance(200);
    expect(await decision).toMatchObject({ action: 'pass', fallback: 'timeout' });
    await closed();
    expect(aborted.length).toBeGreaterThan(0);
  });

  it('reports a bot that is not there', async () => {
    const agent = createAgent('http://127.0.0.1:9/nobody', 'kuhn');
    const { record } = await runMatch({
      game: kuhn,
      params: { players: 2 },
      seed: 1,
      agents: [agent, callBot()],
      deadlineMs: 2000,
    });
    expect(record.actions.find((a) => a.actor === 0)).toMatchObject({
      fallback: 'error',
      error: expect.stringContaining('http/network'),
    });
  });

  it('negotiates in Diplomacy: messages go out, and come back in the inbox', async () => {
    answer = (req) =>
      req.kind === 'negotiate'
        ? {
            body: JSON.stringify({
              messages: [{ to: 'all', text: `hello from ${req.seat}`, commitments: [{ kind: 'no-attack', target: 2 }] }],
            }),
          }
        : { body: JSON.stringify({ actions: req.legalActions.filter((a) => a.endsWith(' H')) }) };
    seen.length = 0;
    const agents = [createAgent(`http:${nodeUrl}`, 'diplomacy'), ...Array.from({ length: 6 }, () => callBot())];
    const { record } = await diplomacyYear(agents);
    expect(record.messages.map((m) => [m.phase, m.from, m.to, m.text])).toEqual([
      ['S1901M', 0, 'all', 'hello from 0'],
      ['F1901M', 0, 'all', 'hello from 0'],
    ]);
    expect(record.messages[0]?.commitments).toEqual([{ kind: 'no-attack', target: 2 }]);
    const negotiate = seen.find((r) => r.kind === 'negotiate');
    expect(negotiate).toMatchObject({ round: 0, recipients: [1, 2, 3, 4, 5, 6] });
    expect(negotiate && 'simultaneous' in negotiate).toBe(false);
    const lastAct = seen.filter((r) => r.kind === 'act').at(-1);
    expect(lastAct?.inbox.map((m) => m.text)).toEqual(['hello from 0', 'hello from 0']);
    expect(lastAct).toMatchObject({ simultaneous: true });
  });

  it('accepts http:URL in either spelling and refuses other schemes', () => {
    expect(normalizeUrl('//127.0.0.1:8000/x')).toBe('http://127.0.0.1:8000/x');
    expect(() => normalizeUrl('ftp://x')).toThrow(/http\(s\) URL/);
    expect(() => createAgent('http', 'kuhn')).toThrow(/http:URL/);
  });

  it('ships a schema.json that matches the protocol', () => {
    const file = readFileSync(new URL('../../../examples/webhook/schema.json', import.meta.url), 'utf8');
    expect(file, 'examples/webhook/schema.json is stale: run npm run webhook-schema -w protocol').toBe(webhookSchemaText());
  });
});
