/**
 * The LLM agent in real matches, against a local server that speaks the providers' protocols.
 * Each scenario scripts the server's replies (malformed, illegal, slow, 429, 500) and checks
 * that the match completes, what the record's model calls show, and where fallbacks happen.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kuhn, leduc } from '@parley/games';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMatch } from '../../../server/src/runtime';
import { callBot } from '../bots/call';
import { createAgent } from '../registry';
import { llmAgent } from './agent';
import type { LlmConfig } from './config';
import { type FakeProvider, type Responder, type Scripted, startFakeProvider } from './testing/fake-provider';
import { passiveAnswer, TEST_KEY, testConfig } from './testing/scripts';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider(passiveAnswer);
});
afterAll(() => fake.close());

/** Replies from `script` in order (a function may look at the request), then the passive player. */
function scripted(script: (Scripted | Responder)[]): Responder {
  return (request) => {
    const step = script.shift();
    if (step === undefined) return passiveAnswer(request);
    return typeof step === 'function' ? step(request) : step;
  };
}

async function play(
  config: LlmConfig,
  script: (Scripted | Responder)[],
  game: typeof kuhn | typeof leduc = kuhn,
  deadlineMs = 120_000, // the runtime's deadline is a guard here; budgets are what these tests exercise
) {
  fake.setResponder(scripted(script));
  const first = fake.requests.length;
  const { record } = await runMatch({
    game: game as typeof kuhn,
    params: game.descriptor.defaultParams as never,
    seed: 7,
    agents: [llmAgent(config, game.descriptor.id), callBot()],
    deadlineMs,
  });
  return { record, requests: fake.requests.slice(first), decisions: record.actions.filter((a) => a.actor === 0) };
}

describe('LLM agent in matches', () => {
  it.each([
    ['openai', false],
    ['openai', true],
    ['anthropic', false],
    ['anthropic', true],
  ] as const)('plays Leduc through %s (stream %s): one call per decision, with tokens and cost', async (provider, stream) => {
    const config = testConfig(fake.url, { provider, stream });
    const { record, decisions } = await play(config, [], leduc);
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.every((d) => d.fallback === undefined)).toBe(true);
    expect(record.modelCalls).toHaveLength(decisions.length);
    record.modelCalls.forEach((call, i) => {
      expect(call).toMatchObject({
        provider,
        model: 'scripted-model',
        purpose: 'decide',
        attempt: 1,
        seat: 0,
        parsed: decisions[i]?.action,
      });
      expect(call.tokensIn).toBeGreaterThan(50);
      expect(call.tokensOut).toBeGreaterThan(0);
      expect(call.costUsd).toBeCloseTo((call.tokensIn * 3 + call.tokensOut * 15) / 1e6, 12);
      expect(call.prompt).toMatchObject({ system: expect.stringContaining("Leduc Hold'em") });
    });
    expect(JSON.stringify(record)).not.toContain(TEST_KEY);
  });

  it('is created from a config file by createAgent(llm:PATH), with the key from the environment', async () => {
    const path = join(tmpdir(), `parley-llm-${process.pid}.yaml`);
    writeFileSync(
      path,
      `provider: anthropic\nmodel: from-file\nbaseUrl: ${fake.url}\napiKeyEnv: PARLEY_AGENT_TEST_KEY\nstream: true\n`,
    );
    process.env.PARLEY_AGENT_TEST_KEY = TEST_KEY;
    fake.setResponder(passiveAnswer);
    const first = fake.requests.length;
    const { record } = await runMatch({
      game: kuhn,
      params: kuhn.descriptor.defaultParams,
      seed: 3,
      agents: [createAgent(`llm:${path}`, 'kuhn'), createAgent(`llm:${path}`, 'kuhn')],
    });
    delete process.env.PARLEY_AGENT_TEST_KEY;
    expect(record.seats.map((s) => s.agent)).toEqual(['llm:from-file', 'llm:from-file']);
    expect(record.actions.filter((a) => a.actor !== 'chance').every((a) => !a.fallback)).toBe(true);
    expect(record.modelCalls.map((c) => c.model)).toEqual(record.modelCalls.map(() => 'from-file'));
    expect(fake.requests.slice(first).every((r) => r.dialect === 'anthropic' && r.stream)).toBe(true);
  });

  it('recovers from prose and broken JSON, telling the model what was wrong', async () => {
    const config = testConfig(fake.url);
    const { record, requests, decisions } = await play(config, [
      { text: 'Hmm, a jack. Let me think about the ranges here, my opponent is probably loose.' },
      { text: '{"action": "pa' },
    ]);
    expect(decisions[0]).toMatchObject({ action: 'pass' });
    expect(decisions[0]?.fallback).toBeUndefined();
    const calls = record.modelCalls.filter((c) => c.seq === decisions[0]?.seq);
    expect(calls.map((c) => [c.attempt, c.purpose, c.error?.split(':')[0] ?? 'ok'])).toEqual([
      [1, 'decide', 'agent/unparseable'],
      [2, 'retry', 'agent/unparseable'],
      [3, 'retry', 'ok'],
    ]);
    // The retries carry the conversation and say exactly what was wrong.
    expect(requests[1]?.lastUser).toContain('Your previous reply could not be used: no action could be found in the reply.');
    expect(requests[1]?.body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(requests[2]?.body.messages).toHaveLength(6);
    expect(calls[2]?.tokensIn).toBeGreaterThan(calls[0]?.tokensIn ?? 0);
  });

  it('explains an illegal action and takes the corrected one; falls back when the model insists', async () => {
    const config = testConfig(fake.url);
    const fixed = await play(config, [{ text: '{"action": "raise"}' }]);
    expect(fixed.requests[1]?.lastUser).toContain("'raise' is not a legal action here; the legal actions are: bet, pass");
    expect(fixed.decisions[0]?.fallback).toBeUndefined();
    expect(fixed.record.modelCalls[0]).toMatchObject({ attempt: 1, error: expect.stringContaining('agent/illegal') });
    expect(fixed.record.modelCalls[0]?.parsed).toBeUndefined();

    const stubborn = await play(config, [
      { text: '{"action": "shove"}' },
      { text: '{"action": "shove"}' },
      { text: '{"action": "shove"}' },
    ]);
    expect(stubborn.decisions[0]).toMatchObject({
      action: 'pass',
      fallback: 'error',
      error: expect.stringMatching(/^agent\/illegal: 'shove' is not a legal action.*\(after 3 attempts\)$/),
    });
    expect(stubborn.record.modelCalls.filter((c) => c.seq === stubborn.decisions[0]?.seq)).toHaveLength(3);
    expect(stubborn.record.returns.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('waits out a 429 with retry-after and backs off after a 500, within the budget', async () => {
    const config = testConfig(fake.url, { budget: { retries: 3 } });
    const { record, requests, decisions } = await play(config, [
      { status: 429, headers: { 'retry-after': '1' }, message: `rate limited for key ${TEST_KEY}` },
      { status: 500 },
    ]);
    expect(decisions[0]?.fallback).toBeUndefined();
    const calls = record.modelCalls.filter((c) => c.seq === decisions[0]?.seq);
    expect(calls.map((c) => c.error?.replace(/:.*/, '') ?? 'ok')).toEqual(['provider/rate-limited', 'provider/server', 'ok']);
    expect(calls[0]).toMatchObject({
      reply: null,
      tokensIn: 0,
      tokensOut: 0,
      costUsd: 0,
      error: expect.stringContaining('HTTP 429'),
    });
    expect(calls[1]?.error).toContain('HTTP 500');
    // The same request is sent again after a provider error: no correction is added.
    expect(requests[1]?.body.messages).toEqual(requests[0]?.body.messages);
    expect(JSON.stringify(record)).not.toContain(TEST_KEY);
    expect(JSON.stringify(record)).toContain('[redacted]');
  });

  it('measures the waits: retry-after honoured, and a retry-after longer than the budget gives up at once', async () => {
    const config = testConfig(fake.url, { budget: { decisionMs: 2000 } });
    const times: number[] = [];
    const stamp =
      (s: Scripted): Responder =>
      () => {
        times.push(performance.now());
        return s;
      };
    await play(config, [stamp({ status: 429, headers: { 'retry-after-ms': '300' } }), stamp({ text: '{"action": "bet"}' })]);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(290);

    // Waiting 60 s would pass the 2 s budget: the agent gives up without waiting (the test would time out otherwise).
    const { decisions, record } = await play(config, [{ status: 429, headers: { 'retry-after': '60' } }]);
    expect(decisions[0]).toMatchObject({ fallback: 'error', error: expect.stringContaining('would pass the decision budget') });
    expect(record.modelCalls.filter((c) => c.seq === decisions[0]?.seq)).toHaveLength(1);
  });

  it('retries a malformed response body (not JSON) and records it', async () => {
    for (const provider of ['openai', 'anthropic'] as const) {
      const { record, decisions } = await play(testConfig(fake.url, { provider }), [{ raw: '<html>502 Bad Gateway</html>' }]);
      expect(decisions[0]?.fallback).toBeUndefined();
      const calls = record.modelCalls.filter((c) => c.seq === decisions[0]?.seq);
      expect(calls[0]).toMatchObject({ attempt: 1, reply: null, error: expect.stringMatching(/^provider\/malformed: /) });
      expect(calls[1]).toMatchObject({ attempt: 2, purpose: 'retry', parsed: 'pass' });
    }
  });

  it('does not retry a 401, and records it', async () => {
    const { decisions, record } = await play(testConfig(fake.url), [{ status: 401, message: 'invalid api key' }]);
    expect(decisions[0]).toMatchObject({ fallback: 'error', error: expect.stringContaining('provider/client: HTTP 401') });
    expect(record.modelCalls.filter((c) => c.seq === decisions[0]?.seq)).toHaveLength(1);
  });

  it('stops a reply that runs past the deadline, falls back, and plays on', async () => {
    const config = testConfig(fake.url, { stream: true });
    const { record, decisions } = await play(config, [{ text: '{"action": "bet"}', delayMs: 5000 }], kuhn, 400);
    expect(['error', 'timeout']).toContain(decisions[0]?.fallback);
    expect(decisions[0]?.action).toBe('pass');
    const first = record.modelCalls[0];
    expect(first).toMatchObject({ attempt: 1, reply: null, error: expect.stringMatching(/^agent\/(out-of-time|aborted): /) });
    // It waited for the reply until the deadline came near, and no longer than the 5 s reply took.
    expect(first?.latencyMs).toBeGreaterThanOrEqual(300);
    expect(first?.latencyMs).toBeLessThan(5000);
    expect(record.returns.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('abandons one hung attempt after budget.attemptMs and retries in time', async () => {
    const config = testConfig(fake.url, { budget: { decisionMs: 3000, attemptMs: 250 } });
    const { record, decisions } = await play(config, [{ text: '{"action": "bet"}', delayMs: 5000 }]);
    expect(decisions[0]).toMatchObject({ action: 'pass' });
    expect(decisions[0]?.fallback).toBeUndefined();
    const calls = record.modelCalls.filter((c) => c.seq === decisions[0]?.seq);
    expect(calls[0]?.error).toBe('provider/timeout: the attempt took longer than budget.attemptMs (250 ms)');
    expect(calls[1]).toMatchObject({ attempt: 2, parsed: 'pass' });
  });

  it('keeps to the token budget: lowers max tokens, then stops', async () => {
    const config = testConfig(fake.url, { maxTokens: 500, budget: { tokens: 700 } });
    const { record, requests, decisions } = await play(config, [
      { text: 'no idea', tokensIn: 400, tokensOut: 100 },
      { text: 'still no idea', tokensIn: 150, tokensOut: 60 },
    ]);
    expect(requests[0]?.body.max_tokens).toBe(500);
    expect(requests[1]?.body.max_tokens).toBe(200);
    expect(decisions[0]).toMatchObject({ fallback: 'error', error: expect.stringContaining('agent/token-budget') });
    expect(record.modelCalls.filter((c) => c.seq === decisions[0]?.seq)).toHaveLength(2);
  });

  it('adds or replaces the system prompt as configured', async () => {
    const added = await play(testConfig(fake.url, { systemPrompt: 'Play tight.' }), []);
    expect(added.requests[0]?.body.messages[0].content).toMatch(/Kuhn poker[\s\S]*Play tight\.$/);
    const replaced = await play(testConfig(fake.url, { systemPrompt: 'Only this.', systemPromptMode: 'replace' }), []);
    expect(replaced.requests[0]?.body.messages[0].content).toBe('Only this.');
  });
});
