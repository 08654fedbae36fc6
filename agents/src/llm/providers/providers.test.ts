import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LlmConfig, parseLlmConfig } from '../config';
import { type FakeProvider, type Scripted, startFakeProvider } from '../testing/fake-provider';
import { createChatClient, retryAfter } from '.';

const KEY = 'sk-test-SECRET-4242';
let fake: FakeProvider;
let next: Scripted[] = [];
/** Called as each request reaches the fake provider (before it answers). */
let onRequest: () => void = () => {};
beforeAll(async () => {
  fake = await startFakeProvider(() => {
    onRequest();
    return next.shift() ?? { text: 'default' };
  });
});
afterAll(() => fake.close());

const config = (over: Record<string, unknown>): LlmConfig => {
  const r = parseLlmConfig({ provider: 'openai', model: 'test-model', baseUrl: fake.url, apiKey: KEY, ...over });
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
};
const ask = (c: LlmConfig, signal = new AbortController().signal) =>
  createChatClient(c).send({ system: 'be brief', turns: [{ role: 'user', content: 'hello' }], maxTokens: 100, signal });

describe.each([
  ['openai', false],
  ['openai', true],
  ['anthropic', false],
  ['anthropic', true],
] as const)('%s client (stream %s) through the official SDK', (provider, stream) => {
  it('returns the text and the token usage, and sends the key and the model', async () => {
    next = [{ text: 'ACTION: call', tokensIn: 321, tokensOut: 9, thinking: 'hmm' }];
    const before = fake.requests.length;
    const result = await ask(config({ provider, stream, temperature: 0.3 }));
    expect(result).toEqual({ ok: true, reply: { text: 'ACTION: call', tokensIn: 321, tokensOut: 9, truncated: false } });
    const seen = fake.requests[before];
    expect(seen?.dialect).toBe(provider);
    expect(seen?.stream).toBe(stream);
    expect(seen?.body.model).toBe('test-model');
    expect(seen?.body.temperature).toBe(0.3);
    if (provider === 'openai') {
      expect(seen?.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(seen?.body.messages[0]).toEqual({ role: 'system', content: 'be brief' });
      expect(seen?.body.max_tokens).toBe(100);
      if (stream) expect(seen?.body.stream_options).toEqual({ include_usage: true });
    } else {
      // This SDK version sends the key as a bearer token; older ones used x-api-key.
      expect(seen?.headers['x-api-key'] ?? seen?.headers.authorization).toMatch(new RegExp(`^(Bearer )?${KEY}$`));
      expect(seen?.body.system).toBe('be brief');
      expect(seen?.body.max_tokens).toBe(100);
    }
  });

  it('classifies 429 with retry-after, 500 and 400, without the key in the message', async () => {
    next = [{ status: 429, headers: { 'retry-after': '2' }, message: `slow down (key ${KEY})` }];
    const limited = await ask(config({ provider, stream }));
    expect(limited).toMatchObject({
      ok: false,
      failure: { code: 'provider/rate-limited', status: 429, retryAfterMs: 2000, retryable: true },
    });
    expect(JSON.stringify(limited)).not.toContain(KEY);
    next = [{ status: 500 }];
    expect(await ask(config({ provider, stream }))).toMatchObject({
      ok: false,
      failure: { code: 'provider/server', retryable: true },
    });
    next = [{ status: 400, message: 'bad model' }];
    expect(await ask(config({ provider, stream }))).toMatchObject({
      ok: false,
      failure: { code: 'provider/client', retryable: false },
    });
  });

  it('stops when the signal aborts, and reports a truncated answer', async () => {
    // The provider would answer after 5 s; the signal aborts as soon as the request reaches it.
    next = [{ text: 'late', delayMs: 5000 }];
    const controller = new AbortController();
    onRequest = () => controller.abort();
    try {
      expect(await ask(config({ provider, stream }), controller.signal)).toMatchObject({
        ok: false,
        failure: { code: 'provider/aborted' },
      });
    } finally {
      onRequest = () => {};
    }
    next = [{ text: '{"action": "ca', truncated: true }];
    expect(await ask(config({ provider, stream }))).toMatchObject({ ok: true, reply: { truncated: true } });
  });
});

describe('provider specifics', () => {
  it('OpenAI: reasoning_effort, and max_completion_tokens on api.openai.com or when asked', async () => {
    next = [{ text: 'ok' }];
    const before = fake.requests.length;
    await ask(config({ reasoningEffort: 'high', maxTokensParam: 'max_completion_tokens' }));
    expect(fake.requests[before]?.body).toMatchObject({ reasoning_effort: 'high', max_completion_tokens: 100 });
    expect(fake.requests[before]?.body.max_tokens).toBeUndefined();
  });

  it('Anthropic: reasoning effort becomes a thinking budget, without temperature; thinking text is not the answer', async () => {
    next = [{ text: 'ACTION: fold', thinking: 'secret musings' }];
    const before = fake.requests.length;
    const c = config({ provider: 'anthropic', reasoningEffort: 'medium', temperature: 0.5 });
    const result = await createChatClient(c).send({
      system: 's',
      turns: [{ role: 'user', content: 'u' }],
      maxTokens: 5000,
      signal: new AbortController().signal,
    });
    expect(result).toMatchObject({ ok: true, reply: { text: 'ACTION: fold' } });
    expect(fake.requests[before]?.body).toMatchObject({ thinking: { type: 'enabled', budget_tokens: 4096 }, max_tokens: 5000 });
    expect(fake.requests[before]?.body.temperature).toBeUndefined();
  });

  it('reads retry-after-ms, seconds and HTTP dates', () => {
    expect(retryAfter({ 'retry-after-ms': '150' })).toBe(150);
    expect(retryAfter({ 'retry-after': '3' })).toBe(3000);
    expect(retryAfter({ 'retry-after': new Date(10_000).toUTCString() }, 4000)).toBe(6000);
    expect(retryAfter({})).toBeUndefined();
  });
});
