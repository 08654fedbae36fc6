/**
 * Tournaments as the arena stores them (server/src/tournament/stored.ts: the CLI's and the
 * arena's alike), read through its HTTP API: GET /api/tournaments and /api/tournaments/:id.
 * Server-side only (it calls the arena at PARLEY_ARENA_URL).
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { PooledModelMeasures } from './analysis';
import { arenaGet, type Fetched } from './arena';

export interface Estimate {
  value: number;
  lo: number | null;
  hi: number | null;
  /** What lo–hi is: bootstrap-ci, normal-ci or credible-band. */
  interval?: string;
}

export interface LeaderboardRow {
  rank: number;
  name: string;
  matches: number;
  provisional: boolean;
  rating: Estimate | null;
  wins: number;
  draws: number;
  losses: number;
  meanPayoff: Estimate | null;
  bradleyTerry?: Estimate | null;
  elo?: number;
  openskill?: { mu: number; sigma: number; ordinal: number };
  mbb?: {
    raw?: { mean: number; lo: number | null; hi: number | null; n: number; identical?: true } | null;
    duplicate?: { mean: number; lo: number | null; hi: number | null; identical?: true } | null;
  };
  centres?: Estimate | null;
  yearsSurvived?: number | null;
}

export interface Leaderboard {
  primary: string;
  basis: string;
  /** What the primary figure's interval is (older files lack it). */
  interval?: string | null;
  scoring?: string;
  methods: string[];
  provisionalBelow: number;
  matches: number;
  rows: LeaderboardRow[];
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
  /** Budget and harness figures (older reports lack them). */
  decisions?: number;
  tokensPerMatch?: number;
  tokensPerDecision?: number;
  costPerDecision?: number;
  msPerMatch?: number;
  msPerDecision?: number;
  fallbackRate?: number;
  fallbacksByCause?: { late: number; illegal: number; unparsable: number; providerError: number; missing: number };
}

export interface SweepSeries {
  agent: string;
  base: string;
  metric: string;
  points: {
    name: string;
    label: string;
    rating: number | null;
    lo: number | null;
    hi: number | null;
    matches: number;
    costPerMatch: number;
    tokensPerMatch: number;
    /** Per-model measures at this setting (Diplomacy; older reports lack them). */
    measures?: PooledModelMeasures | null;
  }[];
}

export interface TournamentReport {
  format: 'parley.tournament-report';
  name: string;
  description?: string;
  game: string;
  params: unknown;
  seats: number;
  tournamentFormat: { type: string; [k: string]: unknown };
  duplicate: boolean;
  generatedAt: string;
  matches: { scheduled: number; finished: number; failed: number; actions: number; fallbacks: number };
  leaderboard: Leaderboard;
  headToHead: { names: string[]; games: number[][]; winRate: (number | null)[][]; meanPayoff: (number | null)[][] };
  /** Nash averaging and α-Rank over the head-to-head matrix (older reports lack it). */
  metaGame?: {
    basis: string;
    nashAveraging: { names: string[]; weights: number[]; ratings: number[]; maxEntropy: boolean };
    alphaRank: { names: string[]; mass: number[]; alpha: number; populationSize: number };
  };
  usage: Usage[];
  budget?: { name: string; rating: number | null; costPerMatch: number; tokensPerMatch: number; onFront: boolean }[];
  harnessClean?: { excluded: number; leaderboard: Leaderboard } | null;
  sweeps: SweepSeries[];
  /** Per-model measures per participant (Diplomacy; older reports lack them). */
  modelMeasures?: PooledModelMeasures[];
  errors: { id: string; error: string }[];
}

export interface Tournament {
  /** The id in URLs (a CLI tournament's results directory name, an arena tournament's uuid). */
  id: string;
  name: string;
  game: string;
  description?: string;
  /** ISO time of the report (or of the tournament's creation). */
  generatedAt: string;
  leaderboard: Leaderboard | null;
  report: TournamentReport | null;
}

/** What GET /api/tournaments/:id answers (the fields read here). */
interface TournamentReply {
  id: string;
  name: string;
  status: 'running' | 'finished' | 'aborted';
  createdAt: number;
  spec: { game?: string; description?: string } | null;
  report: TournamentReport | null;
}

function repoRoot(): string {
  const cwd = process.cwd();
  return basename(cwd) === 'web' && existsSync(join(cwd, '..', 'package.json')) ? resolve(cwd, '..') : cwd;
}

/** The arena's data directory on this machine (the analysis page reads solver output there). */
export function dataDir(): string {
  return process.env.PARLEY_DATA_DIR ? resolve(process.env.PARLEY_DATA_DIR) : join(repoRoot(), '.parley-data');
}

function fromReply(t: TournamentReply): Tournament | null {
  if (!t.report) return null; // still running, or stopped before a report
  return {
    id: t.id,
    name: t.report.name ?? t.name,
    game: t.report.game ?? t.spec?.game ?? '?',
    description: t.report.description ?? t.spec?.description,
    generatedAt: t.report.generatedAt ?? new Date(t.createdAt).toISOString(),
    leaderboard: t.report.leaderboard ?? null,
    report: t.report,
  };
}

/** One tournament with a report, or null when the arena holds none by that id. */
export async function getTournament(id: string): Promise<Fetched<Tournament | null>> {
  const got = await arenaGet<TournamentReply>(`/api/tournaments/${encodeURIComponent(id)}`);
  if (!got.ok) return got.status === 404 ? { ok: true, data: null } : got;
  return { ok: true, data: fromReply(got.data) };
}

/** Every tournament with a report, newest first. */
export async function listTournaments(): Promise<Fetched<Tournament[]>> {
  const list = await arenaGet<{ tournaments: { id: string; status: string }[] }>('/api/tournaments');
  if (!list.ok) return list;
  const loaded = await Promise.all(list.data.tournaments.filter((t) => t.status !== 'running').map((t) => getTournament(t.id)));
  const tournaments = loaded.flatMap((t) => (t.ok && t.data ? [t.data] : []));
  return { ok: true, data: tournaments.sort((a, b) => (a.generatedAt < b.generatedAt ? 1 : -1)) };
}

/** What an interval is, in words (mirrors server/src/ratings/leaderboard.ts). */
export const INTERVAL_LABEL: Record<string, string> = {
  'bootstrap-ci': 'bootstrap 95% confidence interval',
  'normal-ci': '95% confidence interval (normal approximation)',
  'credible-band': 'Bayesian credible band μ ± 1.96σ (no coverage claimed)',
};

/** What a primary figure is called in tables. */
export const METHOD_LABEL: Record<string, string> = {
  'bradley-terry': 'rating',
  elo: 'Elo',
  openskill: 'μ',
  mbb: 'mbb/hand',
  'mean-payoff': 'payoff',
};
