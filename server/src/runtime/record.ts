/**
 * The match record: everything needed to replay a match through the pure engine and prove it
 * reproduced it (the final-state hash). Chance outcomes are ordinary actions with actor
 * `chance`, so a replay needs no RNG. Version bumps when the shape changes.
 */
import type { Commitment, ModelCall } from '@parley/agents';
import type { Seat } from '@parley/games';

export const RECORD_FORMAT = 'parley.match';
export const RECORD_VERSION = 1;

/** Why the runtime played something other than what the agent said. */
export type Fallback = 'timeout' | 'illegal' | 'error' | 'missing';

export interface ActionRecord {
  seq: number;
  actor: Seat | 'chance';
  action: string;
  /** Milliseconds the agent took for the decision this action belongs to (0 for chance). */
  ms: number;
  /** Present when the runtime substituted the game's default. */
  fallback?: Fallback;
  /** What the agent proposed, when it was rejected. */
  proposed?: string;
  /** The validation error or failure message, when there was one. */
  error?: string;
}

export interface SeatRecord {
  seat: Seat;
  agent: string;
}

/** A press message as delivered, with the action count at the time it was sent. */
export interface MessageRecord {
  /** Number of actions applied before it was sent: it sits between action seq-1 and seq. */
  seq: number;
  phase: string;
  from: Seat;
  to: Seat[] | 'all';
  text: string;
  commitments?: Commitment[];
}

/** A model call, placed before the action it led to (`seq`). */
export interface ModelCallRecord extends ModelCall {
  seq: number;
  seat: Seat;
}

/** Where a continuation left its parent: the turn it forked at, opened after `seq` actions. */
export interface BranchOrigin {
  parentSeed: number;
  parentHash: string;
  at: string;
  seq: number;
  /** Which continuation of the fork (0 keeps the parent's seed). */
  index: number;
}

export interface MatchRecord<P = unknown> {
  format: typeof RECORD_FORMAT;
  version: typeof RECORD_VERSION;
  game: string;
  params: P;
  seed: number;
  seats: SeatRecord[];
  actions: ActionRecord[];
  messages: MessageRecord[];
  modelCalls: ModelCallRecord[];
  returns: number[];
  finalStateHash: string;
  /**
   * Present on a fork's continuation (branch.ts): where it left its parent. Everything before
   * that point was carried over from the parent, so measures of the continuation start there.
   */
  branch?: BranchOrigin;
  /** The seed's commitment and salt, revealed with the seed once an arena match is over (fairness.ts). */
  fairness?: { scheme: string; commitment: string; salt: string };
}
