/**
 * How a match record is kept as store events, and rebuilt from them. An `action` event's payload
 * is the runtime's `ActionRecord`, a `message` event's payload its `MessageRecord`; a message
 * sent before action n (its `seq` is n) is stored before that action's event. Model calls are
 * stored apart, with `actionSeq` for the record's `seq`. Other event kinds (phase results,
 * clocks, notes) are for viewers and are not part of the record.
 *
 * The match service writes with `actionEvent` / `messageEvent` / `storedModelCall` as the match
 * runs; `recordOf` rebuilds the record from what was stored; `eventsOf` turns a record into
 * events (to import a record file, or in tests).
 */
import type { ModelCall } from '@parley/agents';
import type { ActionRecord, MatchRecord, MessageRecord, ModelCallRecord } from '../runtime/record';
import { RECORD_FORMAT, RECORD_VERSION } from '../runtime/record';
import { StoreError } from './checks';
import type { MatchEvent, MatchStore, MatchWithEvents, SeatKind, StoredModelCall } from './types';

export const actionEvent = (seq: number, action: ActionRecord, at: number): MatchEvent => ({
  seq,
  kind: 'action',
  payload: action,
  at,
});

export const messageEvent = (seq: number, message: MessageRecord, at: number): MatchEvent => ({
  seq,
  kind: 'message',
  payload: message,
  at,
});

export function storedModelCall(call: ModelCallRecord, at: number): StoredModelCall {
  const { seq, seat, ...rest } = call;
  return { ...rest, actionSeq: seq, seat, at };
}

/** The events and model calls that store `record`, every one stamped `at`. */
export function eventsOf(record: MatchRecord, at = 0): { events: MatchEvent[]; modelCalls: StoredModelCall[] } {
  const events: MatchEvent[] = [];
  let m = 0;
  const messagesUpTo = (n: number) => {
    for (; m < record.messages.length && record.messages[m]!.seq <= n; m++)
      events.push(messageEvent(events.length, record.messages[m]!, at));
  };
  for (const action of record.actions) {
    messagesUpTo(action.seq);
    events.push(actionEvent(events.length, action, at));
  }
  messagesUpTo(Number.POSITIVE_INFINITY);
  return { events, modelCalls: record.modelCalls.map((c) => storedModelCall(c, at)) };
}

/**
 * Stores a finished record as a finished match under `id` (an import, a branch's continuation):
 * its events stamped `at`, its model calls, its returns and final hash.
 */
export async function saveFinishedRecord(
  store: MatchStore,
  record: MatchRecord,
  match: { id: string; seatKind: (seat: number) => SeatKind; settings: unknown; at: number },
): Promise<void> {
  await store.createMatch({
    id: match.id,
    game: record.game,
    params: record.params,
    seed: record.seed,
    seats: record.seats.map((s) => ({ seat: s.seat, agent: { name: s.agent, kind: match.seatKind(s.seat) } })),
    settings: match.settings,
  });
  const { events, modelCalls } = eventsOf(record, match.at);
  await store.appendEvents(match.id, events);
  if (modelCalls.length > 0) await store.appendModelCalls(match.id, modelCalls);
  await store.finishMatch(match.id, { status: 'finished', returns: record.returns, finalStateHash: record.finalStateHash });
  await store.flush();
}

/**
 * A record file's match as if it were stored (finished, under `id`), so every export format
 * reads records and stored matches alike. Seat kinds are not in a record: they read as `bot`.
 */
export function matchOfRecord(record: MatchRecord, id: string): MatchWithEvents {
  const { events, modelCalls } = eventsOf(record);
  return {
    id,
    game: record.game,
    params: record.params,
    seed: record.seed,
    status: 'finished',
    returns: record.returns,
    seats: record.seats.map((s) => ({ seat: s.seat, agent: { name: s.agent, kind: 'bot' } })),
    settings: null,
    tournamentId: null,
    demo: null,
    createdAt: 0,
    finishedAt: 0,
    finalStateHash: record.finalStateHash,
    eventCount: events.length,
    events,
    modelCalls,
  };
}

/** The match record of a finished match, from its stored events. Throws `export/…` errors. */
export function recordOf(match: MatchWithEvents): MatchRecord {
  if (match.status !== 'finished' || match.returns === null || match.finalStateHash === null)
    throw new StoreError('export/unfinished', `match ${match.id} is ${match.status}: only a finished match has a record`);
  const { actions, messages } = actionsAndMessagesOf(match);
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    game: match.game,
    params: match.params,
    seed: match.seed,
    seats: match.seats.map((s) => ({ seat: s.seat, agent: s.agent.name })),
    actions,
    messages: messages.map(({ at: _at, ...m }) => m),
    modelCalls: match.modelCalls.map(modelCallOf),
    returns: match.returns,
    finalStateHash: match.finalStateHash,
  };
}

/** The actions and messages of a match so far, in order; each message with when it was stored. */
export function actionsAndMessagesOf(match: Pick<MatchWithEvents, 'events'>): {
  actions: ActionRecord[];
  messages: (MessageRecord & { at: number })[];
} {
  const actions: ActionRecord[] = [];
  const messages: (MessageRecord & { at: number })[] = [];
  for (const event of match.events) {
    if (event.kind === 'action') actions.push(actionOf(event, actions.length));
    else if (event.kind === 'message') messages.push({ ...messageOf(event), at: event.at });
  }
  return { actions, messages };
}

type Json = Record<string, unknown>;

function malformed(event: MatchEvent, what: string): StoreError {
  return new StoreError('export/malformed', `event ${event.seq} (${event.kind}): ${what}`);
}

function actionOf(event: MatchEvent, index: number): ActionRecord {
  const p = event.payload as Json;
  if (typeof p?.action !== 'string') throw malformed(event, 'no action text');
  if (p.actor !== 'chance' && !Number.isInteger(p.actor)) throw malformed(event, 'no actor');
  if (p.seq !== undefined && p.seq !== index) throw malformed(event, `action seq ${p.seq} where ${index} was expected`);
  const record: ActionRecord = { seq: index, actor: p.actor as ActionRecord['actor'], action: p.action, ms: Number(p.ms ?? 0) };
  if (p.fallback !== undefined) record.fallback = p.fallback as ActionRecord['fallback'];
  if (p.proposed !== undefined) record.proposed = String(p.proposed);
  if (p.error !== undefined) record.error = String(p.error);
  return record;
}

function messageOf(event: MatchEvent): MessageRecord {
  const p = event.payload as Json;
  if (typeof p?.text !== 'string' || !Number.isInteger(p.from) || !Number.isInteger(p.seq))
    throw malformed(event, 'not a message');
  const message: MessageRecord = {
    seq: p.seq as number,
    phase: String(p.phase ?? ''),
    from: p.from as number,
    to: p.to === 'all' ? 'all' : ((p.to as number[]) ?? []),
    text: p.text,
  };
  if (Array.isArray(p.commitments)) message.commitments = p.commitments as MessageRecord['commitments'];
  return message;
}

function modelCallOf(c: StoredModelCall): ModelCallRecord {
  const call: ModelCall = {
    provider: c.provider,
    model: c.model,
    purpose: c.purpose,
    prompt: c.prompt,
    reply: c.reply,
    tokensIn: c.tokensIn,
    tokensOut: c.tokensOut,
    latencyMs: c.latencyMs,
    costUsd: c.costUsd,
    attempt: c.attempt,
    ...(c.error !== undefined ? { error: c.error } : {}),
    ...(c.parsed !== undefined ? { parsed: c.parsed } : {}),
    ...(c.memory !== undefined ? { memory: c.memory } : {}),
  };
  return { ...call, seq: c.actionSeq, seat: c.seat };
}
