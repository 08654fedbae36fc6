import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  actRequestSchema,
  commitmentSchema,
  type MatchRecord,
  matchRecordSchema,
  parseClientMessage,
  parseMatchRecord,
  serverMessageSchema,
  storedModelCallSchema,
  webhookSchemaText,
} from './index';

/** A record of the shape the runner writes: a chance deal, a fallback, press with a commitment, a model call. */
const RECORD: MatchRecord = {
  format: 'parley.match',
  version: 1,
  game: 'kuhn',
  params: { players: 2 },
  seed: 7,
  seats: [
    { seat: 0, agent: 'llm:examples/agents/openai.yaml' },
    { seat: 1, agent: 'random' },
  ],
  actions: [
    { seq: 0, actor: 'chance', action: 'deal 0 K', ms: 0 },
    { seq: 1, actor: 0, action: 'check', ms: 1200, fallback: 'illegal', proposed: 'raise 9', error: 'action/illegal: no' },
  ],
  messages: [{ seq: 1, phase: 'S1901M', from: 0, to: [1], text: 'hold', commitments: [{ kind: 'no-attack', target: 1 }] }],
  modelCalls: [
    {
      provider: 'openai',
      model: 'gpt',
      purpose: 'decide',
      prompt: [{ role: 'user', content: 'act' }],
      reply: '{"action":"raise 9"}',
      tokensIn: 10,
      tokensOut: 4,
      latencyMs: 1200,
      costUsd: 0.0001,
      attempt: 0,
      parsed: 'raise 9',
      seq: 1,
      seat: 0,
    },
  ],
  returns: [1, -1],
  finalStateHash: 'ab'.repeat(32),
};

describe('match records', () => {
  it('parses a record and gives back the same JSON', () => {
    const text = JSON.stringify(RECORD);
    const parsed = parseMatchRecord(JSON.parse(text));
    expect(parsed).toEqual({ ok: true, record: RECORD });
    if (parsed.ok) expect(JSON.stringify(parsed.record)).toBe(text);
  });

  it('refuses a malformed record, naming the fields', () => {
    const bad = { ...RECORD, actions: [{ ...RECORD.actions[0], actor: -1 }], returns: 'none' };
    const parsed = parseMatchRecord(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(/^not a parley\.match v1 record: /);
      expect(parsed.error).toContain('actions.0.actor');
      expect(parsed.error).toContain('returns');
    }
    expect(matchRecordSchema.safeParse({ ...RECORD, format: 'other' }).success).toBe(false);
  });

  it('refuses a model call with a purpose it does not know', () => {
    const call = { ...RECORD.modelCalls[0], actionSeq: 1, at: 0 };
    expect(storedModelCallSchema.safeParse(call).success).toBe(true);
    expect(storedModelCallSchema.safeParse({ ...call, purpose: 'gossip' }).success).toBe(false);
  });
});

describe('commitments', () => {
  it('accepts each kind and refuses other shapes', () => {
    for (const c of [
      { kind: 'support', order: 'A PAR S A MAR - BUR' },
      { kind: 'move', order: 'A PAR - BUR' },
      { kind: 'demilitarise', province: 'BUR' },
      { kind: 'no-attack', target: 'BUR' },
      { kind: 'no-attack', target: 2 },
    ])
      expect(commitmentSchema.parse(c)).toEqual(c);
    for (const c of [{ kind: 'alliance' }, { kind: 'move' }, { kind: 'no-attack', target: -1 }])
      expect(commitmentSchema.safeParse(c).success).toBe(false);
  });
});

describe('room messages', () => {
  it('parses each client message and turns anything else into unexpected', () => {
    expect(parseClientMessage('act', { decision: 3, actions: ['call'] })).toEqual({
      type: 'act',
      payload: { decision: 3, actions: ['call'] },
    });
    expect(parseClientMessage('ready', undefined)).toEqual({ type: 'ready', payload: {} });
    expect(parseClientMessage('press', { to: 'all', text: 'hi', extra: 1 })).toMatchObject({ type: 'unexpected' });
    expect(parseClientMessage('__proto__', {})).toMatchObject({ type: 'unexpected', reason: expect.stringContaining('unknown') });
    expect(parseClientMessage('act', { decision: 0, actions: ['x'.repeat(20_000)] })).toMatchObject({
      type: 'unexpected',
      reason: expect.stringContaining('exceeds'),
    });
  });

  it('describes every server message', () => {
    for (const m of [
      { type: 'error', code: 'seat/spectator', message: 'no' },
      { type: 'ack', decision: 2, applied: 1 },
      { type: 'seat', seat: null, role: 'spectator' },
      { type: 'finished', returns: [1, -1] },
    ])
      expect(serverMessageSchema.parse(m)).toEqual(m);
    expect(serverMessageSchema.safeParse({ type: 'seat', seat: 0, role: 'owner' }).success).toBe(false);
  });
});

describe('webhook', () => {
  it('keeps examples/webhook/schema.json equal to the schema generated from the protocol', () => {
    const file = readFileSync(new URL('../../examples/webhook/schema.json', import.meta.url), 'utf8');
    expect(file, 'examples/webhook/schema.json is stale: run npm run webhook-schema -w protocol').toBe(webhookSchemaText());
  });

  it('refuses an act request of another protocol version', () => {
    const request = {
      kind: 'act',
      protocol: 'parley.webhook',
      version: 1,
      gameId: 'kuhn',
      seat: 0,
      observation: { card: 'K' },
      deadlineMs: 1000,
      inbox: [],
      legalActions: ['bet', 'check'],
      simultaneous: false,
    };
    expect(actRequestSchema.parse(request)).toEqual(request);
    expect(actRequestSchema.safeParse({ ...request, version: 2 }).success).toBe(false);
  });
});
