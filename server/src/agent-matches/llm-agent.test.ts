/**
 * The LLM agent in real matches, against a local server that speaks the providers' protocols.
 * Each scenario scripts the server's replies (malformed, illegal, slow, 429, 500) and checks
 * that the match completes, what the record's model calls show, and where fallbacks happen.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callBot, createAgent, type LlmConfig, llmAgent } from '@parley/agents';
import { passiveAnswer, type Responder, type Scripted, TEST_KEY, testConfig } from '@parley/agents/testing';
import { kuhn, leduc } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { runMatch } from '../runtime';
import { FakeClock } from '../testing/fake-clock';
import { useFakeProvider } from '../testing/fake-provider';

const fake = useFakeProvider(passiveAnswer);

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
  clock?: FakeClock, // the runtime's and the agent's time, when the test drives it
) {
  fake.setResponder(scripted(script));
  const first = fake.requests.length;
  const { record } = await runMatch({
    game: game as typeof kuhn,
    params: game.descriptor.defaultParams as never,
    seed: 7,
    agents: [llmAgent(config, game.descriptor.id, undefined, clock), callBot()],
    deadlineMs,
    clock,
  });
  return { record, requests: fake.requests.slice(first), decisions: record.actions.filter((a) => a.actor === 0) };
}

/** Waits, on real I/O and not on time, until `check` holds (the fake provider answering, a timer armed). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let turns = 0; !check(); turns++) {
    if (turns > 100_000) throw new Error(`never saw ${what}`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The longest wait a session arms between attempts (its backoff cap); attempt timers here are far longer. */
const LONGEST_WAIT_MS = 8000;

/** Settles `played`, moving the clock through every wait the agent arms between attempts (and nothing else). */
async function waitsOut<T>(clock: FakeClock, played: Promise<T>): Promise<T> {
  let settled = false;
  const done = played.finally(() => {
    settled = true;
  });
  for (;;) {
    const waiting = () => {
      const due = clock.nextDue();
      return due !== undefined && due - clock.now() <= LONGEST_WAIT_MS;
    };
    await until(() => settled || waiting(), 'the match to end or the agent to wait');
    if (settled) return done;
    await clock.advance((clock.nextDue() as number) - clock.now());
  }
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
    const clock = new FakeClock();
    const played = play(
      config,
      [{ status: 429, headers: { 'retry-after': '1' }, message: `rate limited for key ${TEST_KEY}` }, { status: 500 }],
      kuhn,
      120_000,
      clock,
    );
    const { record, requests, decisions } = await waitsOut(clock, played);
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
    const clock = new FakeClock();
    const first = fake.requests.length;
    const played = play(
      config,
      [{ status: 429, headers: { 'retry-after-ms': '300' } }, { text: '{"action": "bet"}' }],
      kuhn,
      120_000,
      clock,
    );
    // The 429 has come back when the agent's next timer is its 300 ms wait, not the attempt's.
    await until(() => fake.requests.length === first + 1 && clock.nextDue() === clock.now() + 300, 'the retry wait armed');
    await clock.advance(299);
    await until(() => clock.nextDue() === clock.now() + 1, 'the wait still pending');
    expect(fake.requests.length).toBe(first + 1);
    await clock.advance(1);
    await until(() => fake.requests.length === first + 2, 'the retry');
    // The rest of the match answers at once: no timer on the test's clock needs to fall due.
    const { decisions } = await played;
    expect(decisions[0]).toMatchObject({ action: 'bet' });

    // Waiting 60 s would pass the 2 s budget: the agent gives up without waiting (no timer is advanced here).
    const { decisions: gaveUp, record } = await play(
      config,
      [{ status: 429, headers: { 'retry-after': '60' } }],
      kuhn,
      120_000,
      new FakeClock(),
    );
    expect(gaveUp[0]).toMatchObject({ fallback: 'error', error: expect.stringContaining('would pass the decision budget') });
    expect(record.modelCalls.filter((c) => c.seq === gaveUp[0]?.seq)).toHaveLength(1);
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
    const clock = new FakeClock();
    const first = fake.requests.length;
    // The reply would take 5 s of real time; the 400 ms deadline passes on the test's clock first.
    const played = play(config, [{ text: '{"action": "bet"}', delayMs: 5000 }], kuhn, 400, clock);
    await until(() => fake.requests.length === first + 1, 'the request');
    await clock.advance(400);
    const { record, decisions } = await played;
    expect(['error', 'timeout']).toContain(decisions[0]?.fallback);
    expect(decisions[0]?.action).toBe('pass');
    const call = record.modelCalls[0];
    expect(call).toMatchObject({ attempt: 1, reply: null, error: expect.stringMatching(/^agent\/(out-of-time|aborted): /) });
    // It waited for the reply until the deadline came near (400 ms less the agent's 25 ms margin).
    expect(call?.latencyMs).toBe(375);
    expect(record.returns.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('abandons one hung attempt after budget.attemptMs and retries in time', async () => {
    const config = testConfig(fake.url, { budget: { decisionMs: 3000, attemptMs: 250 } });
    const clock = new FakeClock();
    const first = fake.requests.length;
    const played = play(config, [{ text: '{"action": "bet"}', delayMs: 5000 }], kuhn, 120_000, clock);
    await until(() => fake.requests.length === first + 1, 'the first attempt');
    await clock.advance(250); // the attempt's own timer, not the decision's
    const { record, decisions } = await played;
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
