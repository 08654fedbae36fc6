/**
 * The arena's HTTP replies as the web app reads them (server http/api.ts and store/types.ts
 * serve them). Types, and one header name: the web trusts its own server's replies; records and model calls
 * inside them are the schemas of record.ts.
 */
import type { LadderPlayerKind, LadderPool, MatchSettings, MatchStatus } from './http';
import type { StoredModelCall } from './record';

export type SeatKind = 'bot' | 'llm' | 'external' | 'human';

export interface SeatSummary {
  seat: number;
  agent: { name: string; kind: SeatKind };
}

export interface MatchSummary {
  id: string;
  game: string;
  params: unknown;
  /** Hidden (null) while the match runs; revealed once it is over. */
  seed: number | null;
  /** SHA-256 commitment to the seed, published at creation; the salt comes with the seed at the end. */
  fairness: { scheme: string; commitment: string; salt?: string } | null;
  status: MatchStatus;
  returns: number[] | null;
  seats: SeatSummary[];
  settings: MatchSettings | null;
  tournamentId: string | null;
  createdAt: number;
  finishedAt: number | null;
  finalStateHash: string | null;
  eventCount: number;
  /** A match the arena's demo started (bots playing for visitors to watch). */
  demo?: boolean;
}

export interface MatchEvent {
  seq: number;
  kind: 'action' | 'message' | 'phase' | 'clock' | 'note';
  payload: unknown;
  at: number;
}

export interface MatchDetail extends MatchSummary {
  events: MatchEvent[];
  modelCalls: StoredModelCall[];
}

export interface MatchPage {
  matches: MatchSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AgentRow {
  name: string;
  kind: SeatKind;
  matches: number;
  config?: unknown;
}

export interface CreatedMatch {
  matchId: string;
  roomId: string;
  seats: { seat: number; token?: string }[];
}

export interface ApiError {
  code: string;
  message: string;
}

/** A fork of a finished match (GET /api/matches/:id/branches/:branchId), as far as the web reads it. */
export interface BranchStatus {
  id: string;
  at: string;
  /** Actions before the fork; `times` continuations asked, `played` so far. */
  seq: number;
  times: number;
  played: number;
  seats: string[];
  status: 'running' | 'finished' | 'failed';
  continuations: string[];
  /** Each seat's return in the original against its distribution over the continuations. */
  report: {
    sameAsParent: number;
    continuations: number;
    perSeat: ({ seat: number; interval95: [number, number] } & Record<'parent' | 'mean' | 'min' | 'max', number>)[];
  } | null;
  error?: string;
}

/**
 * `GET /api/matches/:id/hands` reads a seat's token from this header (a header, so the token
 * stays out of addresses and logs); without one the caller reads as a spectator.
 */
export const SEAT_TOKEN_HEADER = 'x-parley-seat-token';

/** The finished hands of a match played in hands, each as the game's `finishedHands` writes it for the caller. */
export interface HandsReply {
  hands: unknown[];
}

/** One player's place on the living ladder (GET /api/ladder), as the store keeps it. */
export interface LadderRating {
  game: string;
  pool: LadderPool;
  /** `kind:id` (an account id, or an agent's registry id), unique per game and pool. */
  player: string;
  kind: LadderPlayerKind;
  name: string;
  /** OpenSkill μ and σ (the rating deviation); ordinal = μ − 3σ orders the ladder. */
  mu: number;
  sigma: number;
  ordinal: number;
  matches: number;
  provisional: boolean;
  /** When the player last played a rated match (σ grows while it does not). */
  updatedAt: number;
  /** 1 for a new entry, one more with every update: what makes concurrent updates safe. */
  version: number;
}

/** GET /api/ladder: what the figures are, and the ratings in ladder order. */
export interface LadderAnswer {
  basis: string;
  ratings: LadderRating[];
}
