/**
 * The input rules every `MatchStore` applies, in one place so the memory store and the database
 * store accept and return exactly the same things (the shared contract suite checks it).
 *
 * Values are normalised the way PostgreSQL will keep them: JSON round-tripped (undefined keys
 * dropped, NaN and Infinity become null), U+0000 replaced by U+FFFD (jsonb and text cannot hold
 * it), and times truncated to whole milliseconds. Errors carry a `store/…` code.
 */
import { storedModelCallSchema } from '@parley/protocol';
import type { DemoFilter, MatchEvent, MatchEventKind, MatchFilter, NewMatch, StoredModelCall } from './types';

export const EVENT_KINDS: readonly MatchEventKind[] = ['action', 'message', 'phase', 'clock', 'note', 'seat'];
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'StoreError';
  }
}

/** A refused account or credential change (a name in use): `code` says which. */
export class AccountError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A JSON value as the database will give it back. `undefined` stays undefined (SQL NULL). */
export function toJson(value: unknown): unknown {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  if (text === undefined) return undefined;
  // A `\u0000` escape is one preceded by an even run of backslashes (`\\u0000` is a backslash and `u0000`).
  return JSON.parse(text.includes('\\u0000') ? text.replace(NUL_ESCAPE, '$1\\ufffd') : text);
}

const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/** A text column's value as the database will give it back. */
export const toText = (value: string): string => (value.includes('\u0000') ? value.replaceAll('\u0000', '\ufffd') : value);

/** Milliseconds since the epoch, whole, as a timestamp(3) column keeps them. */
export function toMillis(at: number, what: string): number {
  const ms = new Date(at).getTime();
  if (!Number.isFinite(ms)) throw new StoreError('store/invalid', `${what}: ${at} is not a time`);
  return ms;
}

export function checkNewMatch(match: NewMatch): void {
  if (typeof match.id !== 'string' || match.id.length === 0) throw new StoreError('store/invalid', 'a match needs an id');
  if (typeof match.game !== 'string' || match.game.length === 0) throw new StoreError('store/invalid', 'a match needs a game');
  if (!Number.isSafeInteger(match.seed)) throw new StoreError('store/invalid', `seed ${match.seed} is not a safe integer`);
  const seats = new Set<number>();
  for (const { seat, agent } of match.seats) {
    if (!Number.isInteger(seat) || seat < 0 || seats.has(seat))
      throw new StoreError('store/invalid', `seat ${seat} is not a new non-negative integer`);
    if (typeof agent?.name !== 'string' || agent.name.length === 0)
      throw new StoreError('store/invalid', `seat ${seat} has no agent name`);
    seats.add(seat);
  }
}

/**
 * Checks that `events` continue the match's log at `next` with no gap, and returns them
 * normalised. Returns the next expected seq through `events.at(-1).seq + 1`.
 */
export function normaliseEvents(matchId: string, next: number, events: readonly MatchEvent[]): MatchEvent[] {
  return events.map((e, i) => {
    if (e.seq !== next + i)
      throw new StoreError('store/out-of-order', `match ${matchId}: event seq ${e.seq} given where ${next + i} was expected`);
    if (!EVENT_KINDS.includes(e.kind)) throw new StoreError('store/invalid', `match ${matchId}: unknown event kind '${e.kind}'`);
    return { seq: e.seq, kind: e.kind, payload: toJson(e.payload) ?? null, at: toMillis(e.at, `event ${e.seq}`) };
  });
}

/**
 * Model calls checked against the protocol's one definition of their fields, then normalised;
 * a missing reply or a null error is no reply or error (how the database gives them back).
 */
export function normaliseModelCalls(matchId: string, calls: readonly StoredModelCall[]): StoredModelCall[] {
  return calls.map((c) => {
    const checked = storedModelCallSchema.safeParse({ ...c, reply: c.reply ?? null, error: c.error ?? undefined });
    if (!checked.success) {
      const field = checked.error.issues[0]?.path[0] ?? 'shape';
      throw new StoreError('store/invalid', `match ${matchId}: model call ${String(field)} is invalid`);
    }
    const { provider, model, prompt, reply, error, parsed, memory, at, ...figures } = checked.data;
    const extra: { error?: string; parsed?: unknown; memory?: unknown } = {};
    if (error !== undefined) extra.error = toText(error);
    const json = { parsed: toJson(parsed), memory: toJson(memory) };
    if (json.parsed !== undefined && json.parsed !== null) extra.parsed = json.parsed;
    if (json.memory !== undefined && json.memory !== null) extra.memory = json.memory;
    return {
      ...figures,
      provider: toText(provider),
      model: toText(model),
      prompt: toJson(prompt) ?? null,
      reply: reply === null ? null : toText(reply),
      at: toMillis(at, 'model call'),
      ...extra,
    };
  });
}

/** The page and page size a filter asks for, clamped to 1… and 1…200. */
export function pageOf(filter: MatchFilter): { page: number; pageSize: number } {
  const page = Math.max(1, Math.floor(filter.page ?? 1) || 1);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(filter.pageSize ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE));
  return { page, pageSize };
}

/** Whether a list filtered by `filter` keeps a match whose demo mark is `demo`. */
export function demoKept(filter: DemoFilter | undefined, demo: string | null): boolean {
  return filter === 'exclude' ? demo === null : filter === 'only' ? demo !== null : true;
}

/** The Prisma `where` for a demo filter (nothing for `include`). */
export function demoWhere(filter: DemoFilter | undefined): { demo?: null | { not: null } } {
  return filter === 'exclude' ? { demo: null } : filter === 'only' ? { demo: { not: null } } : {};
}
