/**
 * How a match record is kept as store events, and rebuilt from them. An `action` event's payload
 * is the runtime's `ActionRecord`, a `message` event's payload its `MessageRecord`; a message
 * sent before action n (its `seq` is n) is stored before that action's event. Model calls are
 * stored apart, with `actionSeq` for the record's `seq`. Other event kinds (phase results,
 * clocks, notes) are for viewers and are not part of the record.
 *
 * A live match writes with `actionEvent` / `messageEvent` / `clockEvent` / `seatEvent` / `storedModelCall` as
 * it runs, and `resumeOf` reads back what it needs to continue after a restart; `recordOf`
 * rebuilds the record of a finished match; `eventsOf` turns a record into events (to import a
 * record file, or in tests). Every payload read back is checked, never cast: a corrupted one is
 * refused with a `StoreError` naming the event.
 */
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

/** A seat's time bank after a decision that overran its per-action time (sequential games). */
export interface ClockReading {
  seat: number;
  bank: number;
  spentMs: number;
}

export const clockEvent = (seq: number, reading: ClockReading, at: number): MatchEvent => ({
  seq,
  kind: 'clock',
  payload: reading,
  at,
});

/** Who took a person's seat (arena/seat-holders.ts): the ladder rates that account. */
export interface SeatBinding {
  seat: number;
  role: 'guest' | 'person' | 'bot' | 'operator';
  /** The person's account; null for the operator and guests. */
  accountId: string | null;
  name: string;
}

export const seatEvent = (seq: number, binding: SeatBinding, at: number): MatchEvent => ({
  seq,
  kind: 'seat',
  payload: binding,
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

/** What a running match needs to continue from its stored events (the live match's restore). */
export interface Resumption {
  actions: ActionRecord[];
  messages: (MessageRecord & { at: number })[];
  /** Time banks in the order they were stored: the last one per seat stands. */
  clocks: ClockReading[];
  /** Who took each person's seat, in the order they were bound. */
  seats: SeatBinding[];
  modelCalls: ModelCallRecord[];
  /** The `seq` of the next event to append. */
  nextSeq: number;
}

/** Reads back a running match's events. Throws `export/malformed` for a payload that is not what it says. */
export function resumeOf(match: Pick<MatchWithEvents, 'events' | 'modelCalls'>): Resumption {
  const { actions, messages } = actionsAndMessagesOf(match);
  const clocks: ClockReading[] = [];
  const seats: SeatBinding[] = [];
  let nextSeq = 0;
  for (const event of match.events) {
    if (event.kind === 'clock') clocks.push(clockOf(event));
    else if (event.kind === 'seat') seats.push(seatOf(event));
    nextSeq = Math.max(nextSeq, event.seq + 1);
  }
  return { actions, messages, clocks, seats, modelCalls: match.modelCalls.map(modelCallOf), nextSeq };
}

type Json = Record<string, unknown>;

const FALLBACKS: readonly unknown[] = ['timeout', 'illegal', 'error', 'missing'] satisfies ActionRecord['fallback'][];
const isSeatList = (to: unknown): to is number[] => Array.isArray(to) && to.every((s) => Number.isInteger(s) && s >= 0);
const isCommitmentList = (c: unknown): c is NonNullable<MessageRecord['commitments']> =>
  Array.isArray(c) && c.every((x) => typeof x === 'object' && x !== null && typeof (x as Json).kind === 'string');

function malformed(event: MatchEvent, what: string): StoreError {
  return new StoreError('export/malformed', `event ${event.seq} (${event.kind}): ${what}`);
}

const ROLES: readonly unknown[] = ['guest', 'person', 'bot', 'operator'] satisfies SeatBinding['role'][];

function seatOf(event: MatchEvent): SeatBinding {
  const p = event.payload as Json;
  if (!Number.isInteger(p?.seat) || (p.seat as number) < 0) throw malformed(event, 'no seat');
  if (!ROLES.includes(p.role)) throw malformed(event, 'unknown role');
  if (p.accountId !== null && typeof p.accountId !== 'string') throw malformed(event, 'accountId is not a string or null');
  if (typeof p.name !== 'string') throw malformed(event, 'no name');
  return { seat: p.seat as number, role: p.role as SeatBinding['role'], accountId: p.accountId, name: p.name };
}

function actionOf(event: MatchEvent, index: number): ActionRecord {
  const p = event.payload as Json;
  if (typeof p?.action !== 'string') throw malformed(event, 'no action text');
  if (p.actor !== 'chance' && !Number.isInteger(p.actor)) throw malformed(event, 'no actor');
  if (p.seq !== undefined && p.seq !== index) throw malformed(event, `action seq ${p.seq} where ${index} was expected`);
  if (p.ms !== undefined && typeof p.ms !== 'number') throw malformed(event, 'ms is not a number');
  if (p.fallback !== undefined && !FALLBACKS.includes(p.fallback)) throw malformed(event, 'unknown fallback');
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
  if (p.to !== 'all' && !isSeatList(p.to)) throw malformed(event, 'recipients are neither all nor a list of seats');
  if (p.commitments !== undefined && !isCommitmentList(p.commitments))
    throw malformed(event, 'commitments are not a list of kinds');
  const message: MessageRecord = {
    seq: p.seq as number,
    phase: String(p.phase ?? ''),
    from: p.from as number,
    to: p.to === 'all' ? 'all' : [...(p.to as number[])],
    text: p.text,
  };
  if (p.commitments !== undefined) message.commitments = p.commitments as MessageRecord['commitments'];
  return message;
}

function clockOf(event: MatchEvent): ClockReading {
  const p = event.payload as Json;
  if (!Number.isInteger(p?.seat) || typeof p.bank !== 'number') throw malformed(event, 'not a time bank');
  return { seat: p.seat as number, bank: p.bank, spentMs: Number(p.spentMs ?? 0) };
}

/** The inverse of `storedModelCall`: the call as its record carries it. */
function modelCallOf({ actionSeq, seat, at: _at, ...call }: StoredModelCall): ModelCallRecord {
  return { ...call, seq: actionSeq, seat };
}
