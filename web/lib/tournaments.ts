/**
 * Tournament results as `parley tournament run` writes them (server/src/tournament/store.ts): one
 * directory per tournament holding tournament.json (the manifest), ratings.json (the leaderboard)
 * and report.json (the report). The web app reads them from PARLEY_TOURNAMENTS_DIR, by default
 * `.parley-data/tournaments` at the repository root (where the CLI writes them), at request time.
 * Server-side only (it reads the file system).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { PooledModelMeasures } from './analysis';

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
  /** The directory name: the id in URLs. */
  id: string;
  dir: string;
  name: string;
  game: string;
  description?: string;
  /** ISO time of the report (or of the ratings file). */
  generatedAt: string;
  leaderboard: Leaderboard | null;
  report: TournamentReport | null;
}

function repoRoot(): string {
  const cwd = process.cwd();
  return basename(cwd) === 'web' && existsSync(join(cwd, '..', 'package.json')) ? resolve(cwd, '..') : cwd;
}

export function dataDir(): string {
  return process.env.PARLEY_DATA_DIR ? resolve(process.env.PARLEY_DATA_DIR) : join(repoRoot(), '.parley-data');
}

export function tournamentsDir(): string {
  return process.env.PARLEY_TOURNAMENTS_DIR ? resolve(process.env.PARLEY_TOURNAMENTS_DIR) : join(dataDir(), 'tournaments');
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

function load(dir: string): Tournament | null {
  const report = readJson<TournamentReport>(join(dir, 'report.json'));
  const ratings = readJson<Leaderboard & { name?: string; game?: string }>(join(dir, 'ratings.json'));
  const manifest = readJson<{ spec?: { name?: string; game?: string; description?: string }; createdAt?: string }>(
    join(dir, 'tournament.json'),
  );
  if (!report && !ratings) return null;
  let generatedAt = report?.generatedAt ?? manifest?.createdAt;
  if (!generatedAt) {
    try {
      generatedAt = statSync(join(dir, 'ratings.json')).mtime.toISOString();
    } catch {
      generatedAt = new Date(0).toISOString();
    }
  }
  return {
    id: basename(dir),
    dir,
    name: report?.name ?? ratings?.name ?? manifest?.spec?.name ?? basename(dir),
    game: report?.game ?? ratings?.game ?? manifest?.spec?.game ?? '?',
    description: report?.description ?? manifest?.spec?.description,
    generatedAt,
    leaderboard: report?.leaderboard ?? ratings ?? null,
    report,
  };
}

/** Every tournament under the directory (and the directory itself if it is one), newest first. */
export function listTournaments(): Tournament[] {
  const root = tournamentsDir();
  if (!existsSync(root)) return [];
  const out: Tournament[] = [];
  const self = load(root);
  if (self) out.push(self);
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const t = load(join(root, entry.name));
    if (t) out.push(t);
  }
  return out.sort((a, b) => (a.generatedAt < b.generatedAt ? 1 : -1));
}

export function getTournament(id: string): Tournament | null {
  if (!/^[\w.-]+$/.test(id)) return null;
  return listTournaments().find((t) => t.id === id) ?? null;
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
