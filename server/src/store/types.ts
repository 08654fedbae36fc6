/**
 * The one persistence port of the arena. The match service, rooms, tournaments and the HTTP API
 * talk to a `MatchStore`; the Prisma store (PGlite embedded, or PostgreSQL with DATABASE_URL)
 * and the in-memory store implement it. Every event of a match is appended in order with its
 * `seq`, so a match can be replayed, exported, or resumed after a crash from what was stored.
 */
import type { LadderPlayerKind, LadderPool, LadderRating, MatchStatus, SeatKind, StoredModelCall } from '@parley/protocol';

export type { MatchStatus, SeatKind, StoredModelCall };

export interface AgentInfo {
  /** Unique, stable name: `random`, `llm:gpt-4o@high`, `http:…`. */
  name: string;
  kind: SeatKind;
  /** Configuration with secrets removed (no API keys). */
  config?: unknown;
}

export interface SeatInfo {
  seat: number;
  agent: AgentInfo;
}

export interface NewMatch {
  /** Chosen by the caller (a room id or a UUID), so a room can be found again after a restart. */
  id: string;
  game: string;
  params: unknown;
  seed: number;
  seats: SeatInfo[];
  /** Clocks, press settings, spectator delay…: whatever the runner needs to resume. */
  settings?: unknown;
  tournamentId?: string;
  /** The demo table this match is played on (its game id): demo matches are marked and pruned. */
  demo?: string;
}

/**
 * Events, in one order per match (`seq` from 0, no gaps): actions (chance included), press
 * messages, phase results, clock events, who took a person's seat. The payload is plain JSON.
 */
export type MatchEventKind = 'action' | 'message' | 'phase' | 'clock' | 'note' | 'seat';

export interface MatchEvent {
  seq: number;
  kind: MatchEventKind;
  payload: unknown;
  /** Milliseconds since the epoch, when it happened. */
  at: number;
}

export interface MatchSummary {
  id: string;
  game: string;
  params: unknown;
  seed: number;
  status: MatchStatus;
  returns: number[] | null;
  seats: SeatInfo[];
  settings: unknown;
  tournamentId: string | null;
  /** The demo table it was played on, null for a person's, an API client's or a tournament's match. */
  demo: string | null;
  createdAt: number;
  finishedAt: number | null;
  finalStateHash: string | null;
  eventCount: number;
}

export interface MatchWithEvents extends MatchSummary {
  events: MatchEvent[];
  modelCalls: StoredModelCall[];
}

/** How a list treats demo matches: all of them (labelled), none, or only them. */
export type DemoFilter = 'include' | 'exclude' | 'only';

export interface MatchFilter {
  game?: string;
  /** Default `include`. */
  demo?: DemoFilter;
  agent?: string;
  status?: MatchStatus;
  tournamentId?: string;
  /** 1-based page and page size (max 200). */
  page?: number;
  pageSize?: number;
}

/** The living ladder (ratings/ladder.ts): who is rated, in which pool (the protocol's shapes). */
export type { LadderPlayerKind, LadderPool, LadderRating };

export interface LadderFilter {
  game?: string;
  pool?: LadderPool;
  kind?: LadderPlayerKind;
  players?: string[];
  name?: string;
}

/**
 * One rated match's effect on the ladder, applied at once. Each rating carries the version it
 * becomes: the stored entry must be one version older (absent for version 1), or nothing is applied.
 */
export interface LadderUpdate {
  matchId: string;
  game: string;
  /** The scoring system the ranking used (games scored by centres), else null. */
  scoring: string | null;
  scores: number[];
  ratings: LadderRating[];
}

export type LadderApplied = 'applied' | 'already-rated' | 'conflict';

export interface MatchStore {
  /** Creates the match and its seats (upserting agents by name). */
  createMatch(match: NewMatch): Promise<void>;
  /**
   * Queues events for writing; they are written in batches. The promise resolves once these
   * events are durable, so a caller that must acknowledge something to a client awaits it.
   */
  appendEvents(matchId: string, events: MatchEvent[]): Promise<void>;
  appendModelCalls(matchId: string, calls: StoredModelCall[]): Promise<void>;
  finishMatch(
    matchId: string,
    result: { status: Exclude<MatchStatus, 'running'>; returns: number[] | null; finalStateHash: string | null },
  ): Promise<void>;
  getMatch(matchId: string): Promise<MatchWithEvents | null>;
  listMatches(filter: MatchFilter): Promise<{ matches: MatchSummary[]; total: number; page: number; pageSize: number }>;
  /** Matches still `running`: what a restarted server resumes. */
  unfinishedMatches(): Promise<MatchWithEvents[]>;
  /** Every agent with the number of matches it played (leaving demo matches out with `exclude`). */
  listAgents(options?: { demo?: DemoFilter }): Promise<(AgentInfo & { matches: number })[]>;
  /**
   * Deletes finished demo matches beyond the newest `keep` of each demo table (and their events,
   * seats, model calls). Never touches a match that is not a demo, nor a running one. Returns the
   * ids deleted.
   */
  pruneDemoMatches(keep: number): Promise<string[]>;
  /** Ladder ratings, best (highest μ − 3σ) first. */
  ladderRatings(filter: LadderFilter): Promise<LadderRating[]>;
  /**
   * Applies a rated match's new ratings in one transaction: `already-rated` if that match was
   * applied before, `conflict` (nothing written) if another update moved one of its ratings since
   * they were read.
   */
  applyLadderUpdate(update: LadderUpdate): Promise<LadderApplied>;
  /** How a match was scored on the ladder, if it was rated. */
  ladderMatch(matchId: string): Promise<Omit<LadderUpdate, 'ratings'> | null>;
  /** Writes everything queued. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
