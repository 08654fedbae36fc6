/**
 * `http:URL`: a bot in any language behind a webhook. For each decision the agent POSTs an
 * `act` request and reads `{"action": …}` or `{"actions": [...]}`; before Diplomacy orders it
 * POSTs `negotiate` requests and reads `{"messages": [...]}`. The request is aborted when the
 * runtime's deadline passes. A non-2xx status, a body that is not the protocol, or a network
 * error is thrown as an error naming it, and the runtime plays the default and records why.
 */
import { findGame } from '@parley/games';
import {
  type ActRequest,
  actResponseSchema,
  type NegotiateRequest,
  negotiateEnvelopeSchema,
  PROTOCOL,
  PROTOCOL_VERSION,
} from '@parley/protocol';
import type { z } from 'zod';
import type { Agent, DecisionInput, PressInput, PressMessage } from '../agent';

export class WebhookError extends Error {
  constructor(
    readonly code: 'http/status' | 'http/body' | 'http/network',
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'WebhookError';
  }
}

/** `http:URL` accepts `http://…`, `https://…`, and `//host:port/…` (when the spec was written `http://…`). */
export function normalizeUrl(arg: string): string {
  const url = arg.startsWith('//') ? `http:${arg}` : arg;
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`http agent needs an http(s) URL, got '${arg}'`);
  return parsed.toString();
}

async function post<T>(url: string, body: unknown, schema: z.ZodType<T>, signal: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    const reason = signal.aborted
      ? 'the deadline passed'
      : error instanceof Error
        ? (error.cause as Error)?.message || error.message
        : String(error);
    throw new WebhookError('http/network', `POST ${url} failed: ${reason}`);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new WebhookError('http/status', `the bot answered HTTP ${res.status}: ${text.slice(0, 200)}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WebhookError('http/body', `the answer is not JSON: ${text.slice(0, 200)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WebhookError(
      'http/body',
      `the answer does not fit the protocol (${issue?.path.join('.') || 'body'}: ${issue?.message})`,
    );
  }
  return parsed.data;
}

/** The request times out a little after the deadline even if the runtime gave no signal. */
const signalFor = (input: { signal?: AbortSignal; deadlineMs: number }) => {
  const backstop = AbortSignal.timeout(input.deadlineMs + 1000);
  return input.signal ? AbortSignal.any([input.signal, backstop]) : backstop;
};

export function httpAgent(arg: string, gameId: string): Agent {
  const url = normalizeUrl(arg);
  const simultaneous = findGame(gameId)?.descriptor.traits.dynamics === 'simultaneous';
  const common = (input: DecisionInput | PressInput) => ({
    protocol: PROTOCOL,
    version: PROTOCOL_VERSION,
    gameId: input.gameId,
    seat: input.seat,
    observation: input.observation,
    deadlineMs: input.deadlineMs,
    inbox: (input.inbox ?? []).map(({ to, commitments, ...m }) => ({
      ...m,
      to: to === 'all' ? ('all' as const) : [...to],
      ...(commitments ? { commitments: [...commitments] } : {}),
    })),
  });
  return {
    name: `http:${url}`,
    async act(input) {
      const body: ActRequest = {
        kind: 'act',
        ...common(input),
        legalActions: [...input.legalActions],
        simultaneous,
        ...(input.infoStateKey === undefined ? {} : { infoStateKey: input.infoStateKey }),
      };
      const answer = await post(url, body, actResponseSchema, signalFor(input));
      return 'action' in answer ? answer.action : answer.actions;
    },
    async negotiate(input) {
      const body: NegotiateRequest = {
        kind: 'negotiate',
        ...common(input),
        recipients: [...input.recipients],
        round: input.round,
      };
      // Only the envelope is parsed here: each message meets the press check every sender meets, in
      // the runtime (its sender is always this seat), so one malformed message is refused alone,
      // with the same error a person would get. `negotiateResponseSchema` documents the messages.
      const answer = await post(url, body, negotiateEnvelopeSchema, signalFor(input));
      return answer.messages as readonly PressMessage[];
    },
  };
}
