/**
 * Between the store's API shapes and the database rows: JSON column inputs (SQL NULL or JSON
 * null for "nothing"), the row a model call becomes, and the summaries and full matches read
 * back. Kept apart from the store so the store reads as its protocol.
 */
import { toJson } from './checks';
import { Prisma } from './generated/prisma/client';
import type { AgentInfo, MatchEvent, MatchStatus, MatchSummary, MatchWithEvents, SeatKind, StoredModelCall } from './types';

export const withSeats = { seats: { include: { agent: true }, orderBy: { seat: 'asc' } } } as const;
export const withEverything = {
  ...withSeats,
  events: { orderBy: { seq: 'asc' } },
  modelCalls: { orderBy: { id: 'asc' } },
} as const;

export type MatchRow = Prisma.MatchGetPayload<{ include: typeof withSeats }>;
export type FullMatchRow = Prisma.MatchGetPayload<{ include: typeof withEverything }>;

/** A required JSON column's input: JSON null for undefined and null. */
export function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  const v = toJson(value);
  return v === undefined || v === null ? Prisma.JsonNull : (v as Prisma.InputJsonValue);
}

/** An optional JSON column's input: SQL NULL for undefined and null. */
export function jsonOrNull(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  const v = toJson(value);
  return v === undefined || v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue);
}

/** A stored model call as a row: the protocol's fields as columns, the JSON ones as jsonb. */
export function callRow(matchId: string, c: StoredModelCall): Prisma.ModelCallCreateManyInput {
  const { prompt, error, parsed, memory, at, ...columns } = c;
  return {
    ...columns,
    matchId,
    prompt: json(prompt),
    error: error ?? null,
    parsed: jsonOrNull(parsed),
    memory: jsonOrNull(memory),
    at: new Date(at),
  };
}

export function agentInfo(a: { name: string; kind: string; config: Prisma.JsonValue | null }): AgentInfo {
  return a.config === null
    ? { name: a.name, kind: a.kind as SeatKind }
    : { name: a.name, kind: a.kind as SeatKind, config: a.config };
}

export function summary(m: MatchRow): MatchSummary {
  return {
    id: m.id,
    game: m.game,
    params: m.params,
    seed: Number(m.seed),
    status: m.status as MatchStatus,
    returns: returnsOf(m.returns),
    seats: m.seats.map((s) => ({ seat: s.seat, agent: agentInfo(s.agent) })),
    settings: m.settings ?? null,
    tournamentId: m.tournamentId,
    demo: m.demo,
    createdAt: m.createdAt.getTime(),
    finishedAt: m.finishedAt?.getTime() ?? null,
    finalStateHash: m.finalStateHash,
    eventCount: m.eventCount,
  };
}

export function withEvents(m: FullMatchRow): MatchWithEvents {
  return {
    ...summary(m),
    events: m.events.map((e) => ({ seq: e.seq, kind: e.kind as MatchEvent['kind'], payload: e.payload, at: e.at.getTime() })),
    modelCalls: m.modelCalls.map(({ id: _id, matchId: _match, purpose, at, error, parsed, memory, ...columns }) => ({
      ...columns,
      purpose: purpose as StoredModelCall['purpose'],
      at: at.getTime(),
      // Absent rather than null, as the memory store keeps them.
      ...(error !== null ? { error } : {}),
      ...(parsed !== null ? { parsed } : {}),
      ...(memory !== null ? { memory } : {}),
    })),
  };
}

export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2002';
  return hasDriverCause(error, 'UniqueConstraintViolation', '23505');
}

/**
 * Inside an interactive transaction the PGlite adapter's error reaches the caller as it is, a
 * driver error whose cause names PostgreSQL's SQLSTATE, rather than as Prisma's coded error.
 */
export function hasDriverCause(error: unknown, kind: string, sqlState: string): boolean {
  const cause = (error as { cause?: { kind?: unknown; code?: unknown } } | null)?.cause;
  return cause?.kind === kind || (cause?.kind === 'postgres' && cause.code === sqlState);
}

/**
 * Returns are stored as the text of each number (JavaScript's shortest round-trip form), because
 * PostgreSQL's jsonb keeps numbers as numeric and gives back 0.1666666666666667 for a stored
 * 0.16666666666666666: a draw's shares would no longer match a replay. Older rows hold numbers.
 */
export function exactReturns(returns: readonly number[]): string[] {
  return returns.map((r) => String(r));
}

export function returnsOf(stored: unknown): number[] | null {
  if (!Array.isArray(stored)) return null;
  return stored.map((r) => (typeof r === 'string' ? Number(r) : (r as number)));
}
