/**
 * Tournaments started through the API: validated like tournament files, played in this process
 * (in the background, one thread) with their results in a directory under the data dir, and,
 * when they end, their leaderboard and report stored as ratings and analyses beside the matches.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Leaderboard } from '../ratings/leaderboard';
import type { ResultsStore } from '../store/results';
import { runTournament } from '../tournament/run';
import { resolveSpec } from '../tournament/spec';

export interface TournamentProgress {
  played: number;
  error?: string;
}

export class TournamentService {
  readonly progress = new Map<string, TournamentProgress>();
  private readonly running = new Map<string, { abort: AbortController; done: Promise<void> }>();

  constructor(
    private readonly results: ResultsStore,
    private readonly dataDir: string,
  ) {}

  /** Starts a tournament from a spec (the tournament file's shape); throws on an invalid spec. */
  async start(raw: unknown): Promise<string> {
    const spec = resolveSpec(raw);
    const id = randomUUID();
    await this.results.saveTournament({ id, name: spec.name, spec, status: 'running' });
    const progress: TournamentProgress = { played: 0 };
    this.progress.set(id, progress);
    const abort = new AbortController();
    const done = runTournament(spec, {
      out: join(this.dataDir, 'tournaments', id),
      workers: 0,
      progress: false,
      log: () => {},
      signal: abort.signal,
      onResult: () => {
        progress.played++;
      },
    })
      .then(async (outcome) => {
        await this.results.saveRatings(id, outcome.leaderboard);
        await this.results.saveAnalysis({ matchId: null, tournamentId: id, kind: 'leaderboard', result: outcome.leaderboard });
        await this.results.saveAnalysis({ matchId: null, tournamentId: id, kind: 'report', result: outcome.report });
        await this.results.saveTournament({ id, name: spec.name, spec, status: outcome.complete ? 'finished' : 'aborted' });
      })
      .catch(async (error) => {
        progress.error = error instanceof Error ? error.message : String(error);
        await this.results.saveTournament({ id, name: spec.name, spec, status: 'aborted' }).catch(() => undefined);
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, { abort, done });
    return id;
  }

  async leaderboard(id: string): Promise<Leaderboard | null> {
    const [row] = await this.results.analyses({ tournamentId: id, kind: 'leaderboard' });
    return (row?.result as Leaderboard | undefined) ?? null;
  }

  /** Stops what is running (their results so far stay in their directories). */
  async close(): Promise<void> {
    for (const { abort } of this.running.values()) abort.abort();
    await Promise.all([...this.running.values()].map((r) => r.done));
  }
}
