/**
 * Tournaments, their ratings, and analyses, stored beside the matches: in the database's
 * Tournament, Rating and Analysis tables when the store is the database, in memory otherwise.
 * The HTTP API and the web read leaderboards and analyses from here.
 */
import type { Leaderboard, TournamentRating, TournamentStatus } from '@parley/protocol';
import { PrismaStore } from './prisma-store';
import { ThreadStore } from './thread-store';
import type { MatchStore } from './types';

export type { TournamentStatus };

export interface TournamentRow {
  id: string;
  name: string;
  spec: unknown;
  status: TournamentStatus;
  createdAt: number;
}

export type RatingRow = TournamentRating;

export interface AnalysisRow {
  matchId: string | null;
  tournamentId: string | null;
  kind: string;
  result: unknown;
  createdAt: number;
}

export interface ResultsStore {
  saveTournament(row: Omit<TournamentRow, 'createdAt'>): Promise<void>;
  listTournaments(): Promise<TournamentRow[]>;
  getTournament(id: string): Promise<TournamentRow | null>;
  /** Replaces the tournament's ratings with the leaderboard's primary figures. */
  saveRatings(tournamentId: string, leaderboard: Leaderboard): Promise<void>;
  ratings(tournamentId: string): Promise<RatingRow[]>;
  saveAnalysis(row: Omit<AnalysisRow, 'createdAt'>): Promise<void>;
  analyses(filter: { matchId?: string; tournamentId?: string; kind?: string }): Promise<AnalysisRow[]>;
}

export function ratingRows(leaderboard: Leaderboard): RatingRow[] {
  return leaderboard.rows
    .filter((r) => r.rating !== null)
    .map((r) => ({
      agentName: r.name,
      method: leaderboard.primary,
      rating: r.rating?.value ?? 0,
      lo: r.rating?.lo ?? null,
      hi: r.rating?.hi ?? null,
      matches: r.matches,
      provisional: r.provisional,
    }));
}

export function resultsFor(store: MatchStore): ResultsStore {
  if (store instanceof ThreadStore) return store.results;
  return store instanceof PrismaStore ? databaseResults(store) : memoryResults();
}

function memoryResults(): ResultsStore {
  const tournaments = new Map<string, TournamentRow>();
  const ratings = new Map<string, RatingRow[]>();
  const analyses: AnalysisRow[] = [];
  return {
    async saveTournament(row) {
      tournaments.set(row.id, { ...row, createdAt: tournaments.get(row.id)?.createdAt ?? Date.now() });
    },
    listTournaments: async () => [...tournaments.values()].sort((a, b) => b.createdAt - a.createdAt),
    getTournament: async (id) => tournaments.get(id) ?? null,
    async saveRatings(id, leaderboard) {
      ratings.set(id, ratingRows(leaderboard));
    },
    ratings: async (id) => ratings.get(id) ?? [],
    async saveAnalysis(row) {
      analyses.push({ ...row, createdAt: Date.now() });
    },
    analyses: async (f) =>
      analyses.filter(
        (a) =>
          (f.matchId === undefined || a.matchId === f.matchId) &&
          (f.tournamentId === undefined || a.tournamentId === f.tournamentId) &&
          (f.kind === undefined || a.kind === f.kind),
      ),
  };
}

function databaseResults(store: PrismaStore): ResultsStore {
  const db = store.db.prisma;
  const tournamentRow = (t: { id: string; name: string; spec: unknown; status: string; createdAt: Date }): TournamentRow => ({
    id: t.id,
    name: t.name,
    spec: t.spec,
    status: t.status as TournamentStatus,
    createdAt: t.createdAt.getTime(),
  });
  return {
    async saveTournament(row) {
      await db.tournament.upsert({
        where: { id: row.id },
        create: { id: row.id, name: row.name, spec: row.spec as object, status: row.status },
        update: { name: row.name, spec: row.spec as object, status: row.status },
      });
    },
    listTournaments: async () => (await db.tournament.findMany({ orderBy: { createdAt: 'desc' }, take: 500 })).map(tournamentRow),
    async getTournament(id) {
      const t = await db.tournament.findUnique({ where: { id } });
      return t ? tournamentRow(t) : null;
    },
    async saveRatings(tournamentId, leaderboard) {
      const rows = ratingRows(leaderboard);
      await db.$transaction([
        db.rating.deleteMany({ where: { tournamentId } }),
        db.rating.createMany({ data: rows.map((r) => ({ ...r, tournamentId })) }),
      ]);
    },
    ratings: async (tournamentId) =>
      (await db.rating.findMany({ where: { tournamentId }, orderBy: { rating: 'desc' } })).map(
        ({ agentName, method, rating, lo, hi, matches, provisional }) => ({
          agentName,
          method,
          rating,
          lo,
          hi,
          matches,
          provisional,
        }),
      ),
    async saveAnalysis(row) {
      await db.analysis.create({
        data: { matchId: row.matchId, tournamentId: row.tournamentId, kind: row.kind, result: row.result as object },
      });
    },
    analyses: async (f) =>
      (
        await db.analysis.findMany({
          where: { matchId: f.matchId, tournamentId: f.tournamentId, kind: f.kind },
          orderBy: { createdAt: 'desc' },
          take: 200,
        })
      ).map((a) => ({
        matchId: a.matchId,
        tournamentId: a.tournamentId,
        kind: a.kind,
        result: a.result,
        createdAt: a.createdAt.getTime(),
      })),
  };
}
