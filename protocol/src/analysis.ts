/**
 * The analyzer's outputs as they leave the server: a Diplomacy match's analysis (GET
 * /api/matches/:id/analysis, `parley analyze diplomacy`), the per-model measures pooled over
 * recent matches (GET /api/measures/diplomacy) and the checkpoints `parley solve` prints. The
 * server's analyzer builds these (analyzer/diplomacy, analyzer/solve-run.ts) and the web reads
 * them; both name these types, so neither keeps a copy. Types only, like every reply: the web
 * trusts its own server, but analyses stored or saved before a field existed lack it, so a
 * reader guards the newer parts.
 */
import type { Diplomacy } from '@parley/games';
import type { Commitment } from './commitment';
import type { ModelCall } from './record';

type Power = Diplomacy.Power;

export interface SupportTally extends Record<string, number> {
  given: number;
  givenSucceeded: number;
  received: number;
  receivedSucceeded: number;
}

export interface SupportReport {
  events: Diplomacy.SupportEvent[];
  perPower: Record<Power, SupportTally>;
  perAgent: Record<string, SupportTally>;
  /** matrix[a][b]: supports given by seat a to seat b (seat order). */
  matrix: number[][];
}

export interface AllianceReport {
  window: number;
  phases: { phase: string; pairs: [Power, Power][]; matrix: number[][] }[];
  /** `austria-italy` → movement phases allied. */
  pairs: Record<string, number>;
  /** Movement phases in which the power had at least one ally. */
  perPower: Record<Power, { alliedPhases: number }>;
  perAgent: Record<string, { alliedPhases: number }>;
}

export interface BetrayalEvent {
  phase: string;
  betrayer: Power;
  victim: Power;
  alliedAt: string;
  orders: string[];
  succeeded: boolean;
}

export interface BetrayalTally extends Record<string, number> {
  betrayals: number;
  betrayed: number;
}

export interface BetrayalReport {
  within: number;
  events: BetrayalEvent[];
  perPower: Record<Power, BetrayalTally>;
  perAgent: Record<string, BetrayalTally>;
}

/** A structured commitment checked against its sender's orders in the next movement phase. */
export interface CommitmentCheck {
  seq: number;
  sentIn: string;
  from: Power;
  to: Power[] | 'all';
  commitment: Commitment;
  checkedIn: string | null;
  verdict: Diplomacy.Verdict;
  reason: string;
}

export interface PromiseRates {
  kept: number;
  broken: number;
  notCheckable: number;
  /** kept / (kept + broken); null with neither. */
  keptRate: number | null;
}

export interface CommitmentReport {
  checks: CommitmentCheck[];
  perPower: Record<Power, PromiseRates>;
  perAgent: Record<string, PromiseRates>;
}

/**
 * A promise made in free text, as the judge read it, checked by the engine exactly as a structured
 * commitment is (its addressees are the message's, not part of the promise).
 */
export interface JudgedPromise extends Omit<CommitmentCheck, 'to'> {
  text: string;
  /** For broken promises the judge could read notes for. */
  intent?: 'lie' | 'change-of-plan' | 'unclear';
  intentReason?: string;
}

type HonestRates = PromiseRates & { lies: number; changesOfPlan: number };

export interface FreeTextReport {
  judge: { provider: string; model: string };
  promises: JudgedPromise[];
  perPower: Record<Power, HonestRates>;
  perAgent: Record<string, HonestRates>;
  /** Messages with text the judge could not read (its answer never parsed). */
  unread: number;
  calls: ModelCall[];
  costUsd: number;
}

/** Prompt sizes of one phase and purpose, in provider-counted tokens. */
export interface PromptSize {
  phase: string;
  purpose: string;
  calls: number;
  meanTokensIn: number;
  maxTokensIn: number;
}

/** One agent name's harness and table measures in one match; a rate is null with nothing under it. */
export interface ModelMeasures {
  seats: number[];
  decisions: number;
  firstTryInvalid: number | null;
  reasksPerDecision: number | null;
  fallbacks: Record<'timeout' | 'illegal' | 'error' | 'missing', number>;
  pressSent: number;
  pressReceived: number;
  pressAnswered: number | null;
  promisesKept: number | null;
  judgedPromisesKept: number | null;
  centresPerYear: number | null;
  tokensPerPhase: number;
  costPerPhase: number;
  promptTokens: PromptSize[];
}

export interface DiplomacyAnalysis {
  game: 'diplomacy';
  seed: number;
  params: unknown;
  seats: { seat: number; power: Power; agent: string; return: number | null }[];
  /** Movement phases measured: a continuation's from its fork (`measuredFrom`), else all. */
  movementPhases: number;
  /** On a fork's continuation: the turn its measures start at (what came before is its parent's). */
  measuredFrom?: string;
  supports: SupportReport;
  alliances: AllianceReport;
  betrayals: BetrayalReport;
  commitments: CommitmentReport;
  /** Promises made in free text, once a judge has run. */
  freeText?: FreeTextReport;
  /** Harness and table measures per agent name. */
  perModel: Record<string, ModelMeasures>;
}

/** One agent's measures pooled over matches: counts summed, each rate over its own denominator. */
export interface PooledModelMeasures extends Omit<ModelMeasures, 'seats'> {
  agent: string;
  /** Matches it played among those read, and how many of them a judge read. */
  matches: number;
  judgedMatches: number;
  lies: number;
  changesOfPlan: number;
}

/** A judged promise with the agent of the power that made it, and its match when pooled. */
export interface JudgedPromiseRow extends JudgedPromise {
  agent: string;
  matchId: string | null;
}

/** GET /api/measures/diplomacy. */
export interface MeasuresAnswer {
  matches: number;
  perModel: PooledModelMeasures[];
  promises: JudgedPromiseRow[];
}

/** One checkpoint of a solver run: a JSON line of `parley solve`. */
export interface SolvePoint {
  algorithm: string;
  iteration: number;
  nashConv: number;
  /** NashConv / 2, measured exactly on the average strategy. */
  exploitability: number;
  /** Seat 0's expected payoff under the average strategy. */
  value: number;
  /** Solver time so far (exploitability measurement left out), in seconds. */
  seconds: number;
}
