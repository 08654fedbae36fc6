/**
 * One decision's conversation with a model, within its budget: wall clock (the config's
 * `decisionMs`, never past the runtime's deadline), tokens, and a number of further attempts.
 *
 * Provider failures that may pass (429, 5xx, dropped connections, a hung attempt) are retried
 * after a backoff, or after `retry-after` when the provider sends one that fits in the time left.
 * An answer that does not parse is sent back with exactly what was wrong, and the model answers
 * again. Every request is recorded, failures included. Nothing here throws: the result is a value.
 */
import type { ModelCall } from '../agent';
import { type Clock, clockTimeout, systemClock } from '../clock';
import { costUsd, type LlmConfig } from './config';
import type { Parsed, ParseError } from './parse/action';
import { type ChatClient, type ChatTurn, thinkingTokens } from './providers';

export interface SessionOptions<T> {
  readonly config: LlmConfig;
  readonly client: ChatClient;
  readonly purpose: 'decide' | 'negotiate' | 'summarize' | 'reflect' | 'judge';
  readonly system: string;
  readonly user: string;
  readonly parse: (raw: string) => Parsed<T>;
  /** What of a parsed answer goes on the record as `parsed` (default: all of it). */
  readonly recordable?: (value: T) => unknown;
  /** The message that tells the model what was wrong with its answer. */
  readonly correction: (error: ParseError, truncated: boolean) => string;
  /** The runtime's deadline for this decision. */
  readonly deadlineMs: number;
  readonly signal?: AbortSignal;
  readonly record?: (call: ModelCall) => void;
  /** The clock the budget, attempt timers and backoffs run on (default: the system's). */
  readonly clock?: Clock;
}

export interface SessionFailure {
  readonly code: string;
  readonly message: string;
  readonly raw?: string;
  readonly partial?: unknown;
}

export type SessionResult<T> = { ok: true; value: T } | { ok: false; error: SessionFailure };

/** Time kept back from the runtime's deadline, so the agent answers (and records) before it. */
export const deadlineMargin = (deadlineMs: number): number => Math.min(500, Math.max(25, Math.round(deadlineMs * 0.05)));
const BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 8000;
/** Below this many tokens left there is no point in asking. */
const MIN_TOKENS = 16;

export async function runSession<T>(o: SessionOptions<T>): Promise<SessionResult<T>> {
  const { config, client } = o;
  const clock = o.clock ?? systemClock;
  const started = clock.now();
  const endAt = started + Math.min(config.budget.decisionMs, Math.max(0, o.deadlineMs - deadlineMargin(o.deadlineMs)));
  const left = () => endAt - clock.now();
  const turns: ChatTurn[] = [{ role: 'user', content: o.user }];
  let tokensSpent = 0;
  let failures = 0;
  let last: SessionFailure = { code: 'agent/out-of-time', message: 'no time was left to ask the model' };
  const attempts = 1 + config.budget.retries;

  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (o.signal?.aborted) return { ok: false, error: { code: 'agent/aborted', message: 'the runtime stopped waiting' } };
    if (left() <= 0) return { ok: false, error: outOfTime(last) };
    const tokensLeft = config.budget.tokens - tokensSpent;
    if (tokensLeft < MIN_TOKENS) {
      return {
        ok: false,
        error: { code: 'agent/token-budget', message: `spent ${tokensSpent} of ${config.budget.tokens} tokens` },
      };
    }
    const attemptCap = config.budget.attemptMs ?? Number.POSITIVE_INFINITY;
    /** Whether this attempt's timer is the decision budget itself rather than `attemptMs`. */
    const cappedByBudget = attemptCap >= left();
    const attemptMs = Math.min(left(), attemptCap);
    const timer = clockTimeout(clock, Math.max(1, Math.floor(attemptMs)));
    const signal = o.signal ? AbortSignal.any([o.signal, timer.signal]) : timer.signal;
    const prompt = { system: o.system, messages: turns.map((t) => ({ ...t })) };
    const base = {
      provider: client.provider,
      model: client.model,
      purpose: attempt === 1 ? o.purpose : ('retry' as const),
      prompt,
      attempt,
    };
    const t0 = clock.now();
    const result = await client
      .send({
        system: o.system,
        turns,
        maxTokens: Math.min(config.maxTokens + thinkingTokens(config), tokensLeft),
        signal,
      })
      .finally(timer.clear);
    const latencyMs = Math.round(clock.now() - t0);

    if (!result.ok) {
      const f = result.failure;
      const aborted = f.code === 'provider/aborted';
      const budgetGone = cappedByBudget || left() <= 1;
      const attemptTimedOut = aborted && !o.signal?.aborted && !budgetGone;
      last = !aborted
        ? { code: f.code, message: f.status ? `HTTP ${f.status}: ${f.message}` : f.message }
        : o.signal?.aborted
          ? { code: 'agent/aborted', message: 'the runtime stopped waiting (deadline passed or match stopped)' }
          : budgetGone
            ? { code: 'agent/out-of-time', message: `the decision budget (${Math.round(endAt - started)} ms) ran out` }
            : {
                code: 'provider/timeout',
                message: `the attempt took longer than budget.attemptMs (${config.budget.attemptMs} ms)`,
              };
      o.record?.({
        ...base,
        reply: null,
        tokensIn: 0,
        tokensOut: 0,
        latencyMs,
        costUsd: 0,
        error: `${last.code}: ${last.message}`,
      });
      if (!f.retryable && !attemptTimedOut) return { ok: false, error: last };
      if (attemptTimedOut) continue;
      failures++;
      const wait = f.retryAfterMs ?? Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** (failures - 1));
      if (attempt === attempts) break;
      if (wait >= left()) {
        return { ok: false, error: { ...last, message: `${last.message} (waiting ${wait} ms would pass the decision budget)` } };
      }
      await sleep(clock, wait, o.signal);
      continue;
    }

    const { text, tokensIn, tokensOut, truncated } = result.reply;
    tokensSpent += tokensIn + tokensOut;
    const parsed = o.parse(text);
    const cost = costUsd(config, tokensIn, tokensOut);
    o.record?.({
      ...base,
      reply: text,
      tokensIn,
      tokensOut,
      latencyMs,
      costUsd: cost,
      ...(parsed.ok
        ? { parsed: o.recordable ? o.recordable(parsed.value) : parsed.value }
        : { error: `${parsed.error.code}: ${parsed.error.message}` }),
    });
    if (parsed.ok) return parsed;
    const { code, message, partial } = parsed.error;
    last = partial === undefined ? { code, message, raw: text } : { code, message, raw: text, partial };
    turns.push({ role: 'assistant', content: text.trim() === '' ? '(empty reply)' : text });
    turns.push({ role: 'user', content: o.correction(parsed.error, truncated) });
  }
  return { ok: false, error: { ...last, message: `${last.message} (after ${attempts} attempts)` } };
}

function outOfTime(last: SessionFailure): SessionFailure {
  return { code: 'agent/out-of-time', message: `the decision budget ran out; last problem: ${last.code}: ${last.message}` };
}

function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = clock.setTimeout(done, ms);
    function done() {
      clock.clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
