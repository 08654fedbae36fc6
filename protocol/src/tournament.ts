/**
 * A tournament's results as the arena serves them (GET /api/tournaments/:id and its leaderboard)
 * and writes them to a results directory: the leaderboard, the report and the small figures they
 * carry. The server computes them (ratings/leaderboard.ts, tournament/report.ts) and the web reads
 * them; both name these types, so neither keeps a copy. Only the format is a schema (it is part
 * of a tournament file too); the rest, like every reply, is a type: the web trusts its own server.
 *
 * Reports stored before a field existed lack it, so a reader guards the newer parts.
 */
import { z } from 'zod';

export const RATING_METHODS = ['bradley-terry', 'elo', 'openskill', 'mbb', 'mean-payoff'] as const;
export type RatingMethod = (typeof RATING_METHODS)[number];

/** What an interval is: a confidence interval (bootstrap or normal) or a Bayesian credible band. */
export type IntervalKind = 'bootstrap-ci' | 'normal-ci' | 'credible-band';

/** How games scored by centres turn a board into scores (docs/scoring.md). */
export const SCORING_SYSTEMS = ['sum-of-squares', 'draw-size', 'centre-count', 'solo-only'] as const;
export type ScoringSystem = (typeof SCORING_SYSTEMS)[number];

/** Why a seat's answer was replaced: late, illegal, unparsable, the provider failed, or none came. */
export const FALLBACK_CAUSES = ['late', 'illegal', 'unparsable', 'providerError', 'missing'] as const;
export type FallbackCause = (typeof FALLBACK_CAUSES)[number];
export type FallbackCounts = Record<FallbackCause, number>;

/** A value of a budget sweep's setting. */
export type Scalar = string | number | boolean;

const rounds = z.number().int().min(1).max(2_000_000).default(1);

/** How a tournament pairs its participants (a tournament file's `format`). */
export const tournamentFormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('round-robin'), rounds }).strict(),
  z
    .object({
      type: z.literal('gauntlet'),
      /** Participant names, or sweep entries' names (all their settings). */
      challengers: z.array(z.string()).min(1),
      /** The fixed field; everyone who is not a challenger by default. */
      field: z.array(z.string()).min(1).optional(),
      rounds,
    })
    .strict(),
  z
    .object({
      type: z.literal('swiss'),
      rounds: z.number().int().min(1).max(2_000_000),
      gamesPerPairing: z.number().int().min(1).max(1000).default(2),
    })
    .strict(),
  // The schedule is built in memory: its size is capped here, before anything is allocated.
  z.object({ type: z.literal('population'), matches: z.number().int().min(1).max(2_000_000) }).strict(),
]);
export type TournamentFormat = z.output<typeof tournamentFormatSchema>;

export interface Estimate {
  value: number;
  lo: number | null;
  hi: number | null;
  /** What lo–hi is; absent when there is no interval. */
  interval?: IntervalKind;
}

/** Weng–Lin (OpenSkill) rating: mean μ, deviation σ, and the ordinal μ − zσ it ranks by. */
export interface OpenSkillRating {
  mu: number;
  sigma: number;
  /** μ − zσ (z = 3 unless the options say otherwise). */
  ordinal: number;
}

/** Milli-big-blinds per hand, with its 95% interval. */
export interface MbbEstimate {
  mean: number;
  /** The 95% interval; null with fewer than two observations. */
  lo: number | null;
  hi: number | null;
  /** Observations: matches (raw) or complete duplicate groups. */
  n: number;
  /** Sampling units the interval is computed over (duplicate groups, or matches outside any group). */
  units: number;
  /** Every unit gave the same value, so there is no spread to measure: "identical in duplicate". */
  identical?: true;
}

export interface PokerRating {
  raw: MbbEstimate | null;
  duplicate: MbbEstimate | null;
}

export interface LeaderboardRow {
  rank: number;
  name: string;
  matches: number;
  provisional: boolean;
  /** The primary method's figure and 95% interval; null when unrated. */
  rating: Estimate | null;
  /** Paired results against other participants (a seat ahead, level, behind). */
  wins: number;
  draws: number;
  losses: number;
  meanPayoff: Estimate | null;
  bradleyTerry?: Estimate | null;
  elo?: number;
  openskill?: OpenSkillRating;
  mbb?: PokerRating;
  /** Games scored by centres: mean centres at the end and mean years on the board, per match. */
  centres?: Estimate | null;
  yearsSurvived?: number | null;
}

export interface Leaderboard {
  primary: RatingMethod;
  /** What the primary figure is, in words (for tables and reports). */
  basis: string;
  /** What the primary figure's interval is. */
  interval: IntervalKind | null;
  /** The scoring system the ratings were computed from (games scored by centres). */
  scoring?: ScoringSystem;
  methods: RatingMethod[];
  provisionalBelow: number;
  matches: number;
  rows: LeaderboardRow[];
}

export interface HeadToHead {
  names: string[];
  /** games[i][j]: paired comparisons of i against j. */
  games: number[][];
  /** winRate[i][j]: i's score against j (wins + ½ draws) / games; null when they never met. */
  winRate: (number | null)[][];
  /** meanPayoff[i][j]: i's mean return in matches with j. */
  meanPayoff: (number | null)[][];
}

export interface Usage {
  name: string;
  matches: number;
  failed: number;
  fallbacks: number;
  modelCalls: number;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  costPerMatch: number;
  /** Answers given (per action), thinking time, and the per-match and per-decision figures. */
  decisions: number;
  thinkMs: number;
  tokensPerMatch: number;
  tokensPerDecision: number;
  costPerDecision: number;
  msPerMatch: number;
  msPerDecision: number;
  /** Fallbacks per decision, and by cause. */
  fallbackRate: number;
  fallbacksByCause: FallbackCounts;
}

/** Rating against cost per match, with the Pareto front (nobody rated higher for less). */
export interface BudgetPoint {
  name: string;
  rating: number | null;
  costPerMatch: number;
  tokensPerMatch: number;
  onFront: boolean;
}

/**
 * One budget sweep: an agent's rating at each setting. `M` is the per-model measures of games
 * the analyzer reads (Diplomacy's, which stay the analyzer's shape).
 */
export interface SweepSeries<M = unknown> {
  agent: string;
  base: string;
  metric: RatingMethod;
  points: {
    name: string;
    label: string;
    overrides: Record<string, Scalar>;
    rating: number | null;
    lo: number | null;
    hi: number | null;
    matches: number;
    costPerMatch: number;
    tokensPerMatch: number;
    /** Answers the runtime replaced, per decision; late ones show what a tighter clock costs. */
    fallbackRate: number;
    lateDecisions: number;
    /** The per-model measures at this setting (null when the game has none, or it never played). */
    measures: M | null;
  }[];
}

/** Nash averaging: the maximum-entropy Nash mixture over participants and each one's payoff against it. */
export interface NashAveraging {
  names: string[];
  weights: number[];
  /** (A p)_i: each participant's expected payoff against the mixture (0 in the support). */
  ratings: number[];
  /** False only when the fallback was taken (an equilibrium, but maybe not of maximum entropy). */
  maxEntropy: boolean;
}

/** α-Rank: the stationary mass of each participant under the evolutionary dynamics. */
export interface AlphaRank {
  names: string[];
  /** Stationary mass per participant (sums to 1). */
  mass: number[];
  alpha: number;
  populationSize: number;
}

/** The meta-game over the head-to-head score rates: Nash averaging and α-Rank. */
export interface MetaGame {
  basis: string;
  nashAveraging: NashAveraging;
  alphaRank: AlphaRank;
}

export interface TournamentReport<M = unknown> {
  format: 'parley.tournament-report';
  version: 1;
  name: string;
  description?: string;
  game: string;
  params: unknown;
  seats: number;
  tournamentFormat: TournamentFormat;
  duplicate: boolean;
  fingerprint: string;
  generatedAt: string;
  matches: { scheduled: number; finished: number; failed: number; actions: number; fallbacks: number };
  leaderboard: Leaderboard;
  headToHead: HeadToHead;
  metaGame: MetaGame;
  usage: Usage[];
  budget: BudgetPoint[];
  /** The leaderboard without the matches in which any seat fell back (a harness failure). */
  harnessClean: { excluded: number; leaderboard: Leaderboard } | null;
  sweeps: SweepSeries<M>[];
  /** Per-model measures per participant, for games the analyzer reads (empty otherwise). */
  modelMeasures: M[];
  errors: { id: string; error: string }[];
}

export type TournamentStatus = 'running' | 'finished' | 'aborted';

/** A participant's stored rating by one method. */
export interface TournamentRating {
  agentName: string;
  method: string;
  rating: number;
  lo: number | null;
  hi: number | null;
  matches: number;
  provisional: boolean;
}

/** GET /api/tournaments/:id. */
export interface TournamentDetail<M = unknown> {
  id: string;
  name: string;
  status: TournamentStatus;
  createdAt: number;
  /** The tournament file as given; for anyone but the operator, with participants' names only. */
  spec: { game?: string; description?: string; [field: string]: unknown } | null;
  progress: { played: number; error?: string } | null;
  ratings: TournamentRating[];
  /** Null while it runs, or when it stopped before a report. */
  report: TournamentReport<M> | null;
}
