/**
 * Tournaments as the arena stores them (server/src/tournament/stored.ts: the CLI's and the
 * arena's alike), read through its HTTP API: GET /api/tournaments and /api/tournaments/:id.
 * Server-side only (it calls the arena at PARLEY_ARENA_URL).
 */
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Leaderboard, TournamentDetail, TournamentReport } from '@parley/protocol';
import type { PooledModelMeasures } from './analysis';
import { arenaGet, type Fetched } from './arena';

/** The report as this app reads it: Diplomacy's per-model measures pooled, as the analysis page shows them. */
type Report = TournamentReport<PooledModelMeasures>;

export interface Tournament {
  /** The id in URLs (a CLI tournament's results directory name, an arena tournament's uuid). */
  id: string;
  name: string;
  game: string;
  description?: string;
  /** ISO time of the report (or of the tournament's creation). */
  generatedAt: string;
  leaderboard: Leaderboard | null;
  report: Report | null;
}

function repoRoot(): string {
  const cwd = process.cwd();
  return basename(cwd) === 'web' && existsSync(join(cwd, '..', 'package.json')) ? resolve(cwd, '..') : cwd;
}

/** The arena's data directory on this machine (the analysis page reads solver output there). */
export function dataDir(): string {
  return process.env.PARLEY_DATA_DIR ? resolve(process.env.PARLEY_DATA_DIR) : join(repoRoot(), '.parley-data');
}

function fromReply(t: TournamentDetail<PooledModelMeasures>): Tournament | null {
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
  const got = await arenaGet<TournamentDetail<PooledModelMeasures>>(`/api/tournaments/${encodeURIComponent(id)}`);
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
