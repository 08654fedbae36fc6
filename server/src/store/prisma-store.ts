/**
 * The `MatchStore` over the database (PGlite or PostgreSQL), through the generated Prisma client.
 *
 * Events and model calls go through a `WriteBatcher`: one transaction per batch inserts every
 * queued row and moves each match's `eventCount`, and a caller's promise resolves once its rows
 * have committed. Ordering is checked before anything is queued: each running match has a cursor
 * (the next seq, loaded from `eventCount` the first time a match is touched after a restart), so
 * a gap, a repeat or an append to a finished match fails at once, for that caller only.
 * Reads see what has been acknowledged; `flush()` writes the rest first.
 */
import { type BatchOptions, type BatchStats, WriteBatcher } from './batcher';
import { checkNewMatch, demoWhere, normaliseEvents, normaliseModelCalls, pageOf, StoreError } from './checks';
import type { Database } from './database';
import { Prisma } from './generated/prisma/client';
import {
  agentInfo,
  callRow,
  exactReturns,
  hasDriverCause,
  isUniqueViolation,
  json,
  jsonOrNull,
  summary,
  withEvents,
  withEverything,
  withSeats,
} from './prisma-rows';
import type {
  AgentInfo,
  DemoFilter,
  LadderApplied,
  LadderFilter,
  LadderPlayerKind,
  LadderPool,
  LadderRating,
  LadderUpdate,
  MatchEvent,
  MatchFilter,
  MatchStatus,
  MatchStore,
  MatchSummary,
  MatchWithEvents,
  NewMatch,
  StoredModelCall,
} from './types';

type Write = { event: MatchEvent } | { call: StoredModelCall };

interface Cursor {
  next: number;
  /** Set when a write of the match failed or the match is being finished: reload or refuse. */
  dead?: boolean;
  finishing?: boolean;
}

/** Model-call rows per INSERT statement, well under PostgreSQL's 65,535 bind parameters. */
const ROWS_PER_STATEMENT = 1000;

export class PrismaStore implements MatchStore {
  private readonly cursors = new Map<string, Promise<Cursor>>();
  /**
   * Agents this store has upserted (name → row id, and kind and config as stored), so a new match
   * whose seats name them as they are skips the upserts: a busy arena creates many matches for
   * the same few agents. Forgotten on any failed creation.
   */
  private readonly agents = new Map<string, { id: number; key: string }>();
  private readonly batcher: WriteBatcher<Write>;
  /** Appends checking their input or loading their match's cursor, not yet queued (see `append`). */
  private readonly preparing = new Set<Promise<Write[]>>();
  /** Close the database with the store (false when several stores share one database). */
  private readonly ownsDatabase: boolean;
  private closed = false;

  constructor(
    readonly db: Database,
    options: BatchOptions & { ownsDatabase?: boolean } = {},
  ) {
    this.ownsDatabase = options.ownsDatabase ?? true;
    this.batcher = new WriteBatcher<Write>(
      (batch) => this.write(batch),
      (matchId) => this.forget(matchId),
      options,
    );
  }

  /** Transactions written and rows in them, for tests and benchmarks. */
  get stats(): Readonly<BatchStats> {
    return this.batcher.stats;
  }

  async createMatch(match: NewMatch): Promise<void> {
    this.open();
    checkNewMatch(match);
    if (this.cursors.has(match.id)) throw new StoreError('store/duplicate-match', `match ${match.id} exists`);
    const creation = this.create(match);
    const cursor = creation.then((): Cursor => ({ next: 0 }));
    this.cursors.set(match.id, cursor);
    cursor.catch(() => this.cursors.get(match.id) === cursor && this.cursors.delete(match.id));
    await creation;
  }

  private async create(match: NewMatch): Promise<void> {
    const prisma = this.db.prisma;
    // Agents upserted by this creation, remembered once it commits.
    const upserted = new Map<string, { id: number; key: string }>();
    const attempt = () =>
      prisma.$transaction(
        async (tx) => {
          const seats: { seat: number; agentId: number }[] = [];
          for (const { seat, agent } of match.seats) {
            const config = jsonOrNull(agent.config);
            const key = JSON.stringify([agent.kind, agent.config ?? null]);
            const known = upserted.get(agent.name) ?? this.agents.get(agent.name);
            if (known?.key === key) {
              seats.push({ seat, agentId: known.id });
              continue;
            }
            const row = await tx.agent.upsert({
              where: { name: agent.name },
              create: { name: agent.name, kind: agent.kind, config },
              update: { kind: agent.kind, config },
              select: { id: true },
            });
            upserted.set(agent.name, { id: row.id, key });
            seats.push({ seat, agentId: row.id });
          }
          await tx.match.create({
            data: {
              id: match.id,
              game: match.game,
              params: json(match.params),
              seed: BigInt(match.seed),
              settings: jsonOrNull(match.settings),
              tournamentId: match.tournamentId ?? null,
              demo: match.demo ?? null,
              createdAt: new Date(),
              seats: { create: seats },
            },
          });
        },
        { maxWait: 10_000, timeout: 30_000 },
      );
    try {
      await attempt();
      for (const [name, known] of upserted) this.agents.set(name, known);
    } catch (error) {
      // Perhaps a remembered agent is gone: forget them all, and upsert afresh if it is retried.
      this.agents.clear();
      upserted.clear();
      if (!isUniqueViolation(error)) throw error;
      if (await prisma.match.findUnique({ where: { id: match.id }, select: { id: true } }))
        throw new StoreError('store/duplicate-match', `match ${match.id} exists`);
      await attempt(); // two matches upserted a new agent at once on PostgreSQL: the agent exists now
      for (const [name, known] of upserted) this.agents.set(name, known);
    }
  }

  appendEvents(matchId: string, events: MatchEvent[]): Promise<void> {
    return this.append(matchId, async () => {
      if (events.length === 0) return [];
      const cursor = await this.cursorFor(matchId);
      const rows = normaliseEvents(matchId, cursor.next, events);
      cursor.next += rows.length;
      return rows.map((event) => ({ event }));
    });
  }

  appendModelCalls(matchId: string, calls: StoredModelCall[]): Promise<void> {
    return this.append(matchId, async () => {
      if (calls.length === 0) return [];
      const rows = normaliseModelCalls(matchId, calls);
      await this.cursorFor(matchId);
      return rows.map((call) => ({ call }));
    });
  }

  /**
   * Queues the writes `prepare` makes (after its checks and the match's cursor) and resolves once
   * they are committed. A close that comes meanwhile waits until they are queued, then writes
   * them: an append made before `close()` is never refused for the close.
   */
  private async append(matchId: string, prepare: () => Promise<Write[]>): Promise<void> {
    this.open();
    const prepared = prepare();
    this.preparing.add(prepared);
    try {
      const writes = await prepared;
      if (writes.length > 0) await this.batcher.enqueue(matchId, writes);
    } finally {
      this.preparing.delete(prepared);
    }
  }

  async finishMatch(
    matchId: string,
    result: { status: Exclude<MatchStatus, 'running'>; returns: number[] | null; finalStateHash: string | null },
  ): Promise<void> {
    this.open();
    const closing = Promise.resolve<Cursor>({ next: -1, finishing: true });
    this.cursors.set(matchId, closing); // appends from here on are refused
    try {
      await this.batcher.flush();
      const { count } = await this.db.prisma.match.updateMany({
        where: { id: matchId, status: 'running' },
        data: {
          status: result.status,
          returns: jsonOrNull(result.returns && exactReturns(result.returns)),
          finalStateHash: result.finalStateHash,
          finishedAt: new Date(),
        },
      });
      if (count === 0) {
        const exists = await this.db.prisma.match.findUnique({ where: { id: matchId }, select: { id: true } });
        if (!exists) throw new StoreError('store/unknown-match', `no match ${matchId}`);
        throw new StoreError('store/match-finished', `match ${matchId} is already finished`);
      }
    } finally {
      if (this.cursors.get(matchId) === closing) this.cursors.delete(matchId);
    }
  }

  async getMatch(matchId: string): Promise<MatchWithEvents | null> {
    this.open();
    const row = await this.db.prisma.match.findUnique({ where: { id: matchId }, include: withEverything });
    return row ? withEvents(row) : null;
  }

  async listMatches(filter: MatchFilter): Promise<{ matches: MatchSummary[]; total: number; page: number; pageSize: number }> {
    this.open();
    const { page, pageSize } = pageOf(filter);
    const where: Prisma.MatchWhereInput = {
      game: filter.game,
      status: filter.status,
      tournamentId: filter.tournamentId,
      ...demoWhere(filter.demo),
      ...(filter.agent !== undefined ? { seats: { some: { agent: { name: filter.agent } } } } : {}),
    };
    const [total, rows] = await Promise.all([
      this.db.prisma.match.count({ where }),
      this.db.prisma.match.findMany({
        where,
        include: withSeats,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
    ]);
    return { matches: rows.map(summary), total, page, pageSize };
  }

  async unfinishedMatches(): Promise<MatchWithEvents[]> {
    this.open();
    const rows = await this.db.prisma.match.findMany({
      where: { status: 'running' },
      include: withEverything,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(withEvents);
  }

  async listAgents(options: { demo?: DemoFilter } = {}): Promise<(AgentInfo & { matches: number })[]> {
    this.open();
    const demo =
      options.demo === 'exclude'
        ? Prisma.sql`WHERE m."demo" IS NULL`
        : options.demo === 'only'
          ? Prisma.sql`WHERE m."demo" IS NOT NULL`
          : Prisma.empty;
    const [agents, counts] = await Promise.all([
      this.db.prisma.agent.findMany({ orderBy: { name: 'asc' } }),
      // Distinct matches: self-play seats one agent twice in the same match.
      this.db.prisma.$queryRaw<{ agentId: number; matches: number }[]>`
        SELECT s."agentId", COUNT(DISTINCT s."matchId")::int AS matches
        FROM "Seat" s JOIN "Match" m ON m."id" = s."matchId" ${demo} GROUP BY s."agentId"`,
    ]);
    const byId = new Map(counts.map((c) => [Number(c.agentId), Number(c.matches)]));
    return agents.map((a) => ({ ...agentInfo(a), matches: byId.get(a.id) ?? 0 }));
  }

  async pruneDemoMatches(keep: number): Promise<string[]> {
    this.open();
    // Rank each demo table's finished matches newest first; everything past `keep` goes.
    const rows = await this.db.prisma.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM (
        SELECT "id", ROW_NUMBER() OVER (PARTITION BY "demo" ORDER BY "createdAt" DESC, "id" DESC) AS rank
        FROM "Match" WHERE "demo" IS NOT NULL AND "status" <> 'running'
      ) ranked WHERE rank > ${keep}`;
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return [];
    await this.db.prisma.$transaction([
      this.db.prisma.analysis.deleteMany({ where: { matchId: { in: ids } } }),
      // Events, seats and model calls go with their match (ON DELETE CASCADE).
      this.db.prisma.match.deleteMany({ where: { id: { in: ids }, demo: { not: null }, status: { not: 'running' } } }),
    ]);
    return ids;
  }

  async ladderRatings(filter: LadderFilter): Promise<LadderRating[]> {
    this.open();
    const rows = await this.db.prisma.ladderRating.findMany({
      where: {
        game: filter.game,
        pool: filter.pool,
        kind: filter.kind,
        name: filter.name,
        ...(filter.players !== undefined && { player: { in: filter.players } }),
      },
      orderBy: [{ ordinal: 'desc' }, { name: 'asc' }],
    });
    return rows.map((r) => ({
      ...r,
      pool: r.pool as LadderPool,
      kind: r.kind as LadderPlayerKind,
      updatedAt: r.updatedAt.getTime(),
    }));
  }

  async applyLadderUpdate(update: LadderUpdate): Promise<LadderApplied> {
    this.open();
    const { prisma } = this.db;
    if (await prisma.ladderMatch.findUnique({ where: { matchId: update.matchId }, select: { matchId: true } }))
      return 'already-rated';
    // Rows in one order, so two updates sharing players lock them in the same order (no deadlock).
    const ratings = [...update.ratings].sort((a, b) => (ladderRowKey(a) < ladderRowKey(b) ? -1 : 1));
    try {
      await prisma.$transaction(async (tx) => {
        await tx.ladderMatch.create({
          data: { matchId: update.matchId, game: update.game, scoring: update.scoring, scores: json(update.scores) },
        });
        for (const r of ratings) {
          const data = { ...r, updatedAt: new Date(r.updatedAt) };
          if (r.version === 1) {
            // A second process creating the same entry waits for this one, then fails on the key.
            await tx.ladderRating.create({ data });
            continue;
          }
          // Compare-and-set: an update committed since this one read the entry left another version.
          const moved = await tx.ladderRating.updateMany({
            where: { game: r.game, pool: r.pool, player: r.player, version: r.version - 1 },
            data,
          });
          if (moved.count !== 1) throw new LadderConflict();
        }
      });
      return 'applied';
    } catch (error) {
      if (error instanceof LadderConflict || isWriteConflict(error)) return 'conflict';
      if (isUniqueViolation(error))
        return (await prisma.ladderMatch.findUnique({ where: { matchId: update.matchId } })) ? 'already-rated' : 'conflict';
      throw error;
    }
  }

  async ladderMatch(matchId: string): Promise<Omit<LadderUpdate, 'ratings'> | null> {
    this.open();
    const row = await this.db.prisma.ladderMatch.findUnique({ where: { matchId } });
    return row ? { matchId: row.matchId, game: row.game, scoring: row.scoring, scores: row.scores as number[] } : null;
  }

  flush(): Promise<void> {
    return this.batcher.flush();
  }

  async close(): Promise<void> {
    this.closed = true;
    try {
      await Promise.allSettled([...this.preparing]);
      await this.batcher.close();
    } finally {
      if (this.ownsDatabase) await this.db.close();
    }
  }

  private open(): void {
    if (this.closed) throw new StoreError('store/closed', 'the store is closed');
  }

  /** The cursor of a running match, loading it from the database the first time. */
  private async cursorFor(matchId: string): Promise<Cursor> {
    for (;;) {
      let pending = this.cursors.get(matchId);
      if (!pending) {
        pending = this.loadCursor(matchId);
        this.cursors.set(matchId, pending);
        const loaded = pending;
        loaded.catch(() => this.cursors.get(matchId) === loaded && this.cursors.delete(matchId));
      }
      const cursor = await pending;
      if (cursor.finishing) throw new StoreError('store/match-finished', `match ${matchId} is finished`);
      if (!cursor.dead) return cursor;
      if (this.cursors.get(matchId) === pending) this.cursors.delete(matchId);
    }
  }

  private async loadCursor(matchId: string): Promise<Cursor> {
    const row = await this.db.prisma.match.findUnique({ where: { id: matchId }, select: { status: true, eventCount: true } });
    if (!row) throw new StoreError('store/unknown-match', `no match ${matchId}`);
    if (row.status !== 'running') throw new StoreError('store/match-finished', `match ${matchId} is ${row.status}`);
    return { next: row.eventCount };
  }

  /** A write of the match failed: what the cursor assumed is no longer true. */
  private forget(matchId: string): void {
    const pending = this.cursors.get(matchId);
    this.cursors.delete(matchId);
    pending?.then((c) => (c.dead = true)).catch(() => undefined);
  }

  /**
   * One transaction: every event and model call of the batch, and each match's new event count.
   * Events go in as one INSERT … SELECT FROM unnest(arrays): five parameters whatever the batch
   * size, and about three times faster than createMany on PGlite.
   */
  private async write(batch: ReadonlyMap<string, Write[]>): Promise<void> {
    const prisma = this.db.prisma;
    const ev = {
      matchId: [] as string[],
      seq: [] as number[],
      kind: [] as string[],
      payload: [] as string[],
      at: [] as string[],
    };
    const calls: Prisma.ModelCallCreateManyInput[] = [];
    const counts = { id: [] as string[], next: [] as number[] };
    for (const [matchId, writes] of batch) {
      let next = -1;
      for (const w of writes) {
        if ('event' in w) {
          ev.matchId.push(matchId);
          ev.seq.push(w.event.seq);
          ev.kind.push(w.event.kind);
          ev.payload.push(JSON.stringify(w.event.payload));
          ev.at.push(new Date(w.event.at).toISOString()); // UTC, as Prisma keeps DateTime
          next = w.event.seq + 1;
        } else calls.push(callRow(matchId, w.call));
      }
      if (next >= 0) {
        counts.id.push(matchId);
        counts.next.push(next);
      }
    }
    const statements: Prisma.PrismaPromise<unknown>[] = [];
    if (ev.seq.length > 0)
      statements.push(
        prisma.$executeRaw`INSERT INTO "Event" ("matchId", "seq", "kind", "payload", "at")
          SELECT * FROM unnest(${ev.matchId}::text[], ${ev.seq}::int[], ${ev.kind}::text[], ${ev.payload}::jsonb[], ${ev.at}::timestamp(3)[])`,
      );
    for (let i = 0; i < calls.length; i += ROWS_PER_STATEMENT)
      statements.push(prisma.modelCall.createMany({ data: calls.slice(i, i + ROWS_PER_STATEMENT) }));
    if (counts.id.length > 0)
      statements.push(
        prisma.$executeRaw`UPDATE "Match" AS m SET "eventCount" = v.n
          FROM unnest(${counts.id}::text[], ${counts.next}::int[]) AS v(id, n) WHERE m.id = v.id`,
      );
    await prisma.$transaction(statements);
  }
}

const ladderRowKey = (r: LadderRating) => `${r.game}\u0000${r.pool}\u0000${r.player}`;

/** Thrown inside a ladder transaction to roll it back when an entry moved since it was read. */
class LadderConflict extends Error {}

/** A transaction PostgreSQL aborted for a write conflict or a deadlock (Prisma's P2034, SQLSTATE 40001 or 40P01). */
function isWriteConflict(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2034';
  return hasDriverCause(error, 'TransactionWriteConflict', '40001') || hasDriverCause(error, 'TransactionWriteConflict', '40P01');
}
