/**
 * Tournaments started through the API: validated like tournament files, played in this process
 * (in the background, one thread) with their working results directory under the data dir, and,
 * when they end, recorded in the store (tournament/stored.ts) like the CLI's.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AgentRegistry } from '../agents-registry/registry';
import { OPERATOR, type Principal } from '../auth/principal';
import type { Leaderboard } from '../ratings/leaderboard';
import type { ResultsStore } from '../store/results';
import { runTournament } from '../tournament/run';
import { type ResolvedSpec, resolveSpec } from '../tournament/spec';
import { importTournamentDirs, recordTournamentDir } from '../tournament/stored';
import { checkTournament, GLOBAL_LIMITS, ROLE_LIMITS } from './limits';
import { Refused } from './refused';

/** A refusal with the HTTP status it deserves. */
export class TournamentRefused extends Refused<400 | 403 | 404 | 409 | 429> {}

export interface StartOptions {
  principal?: Principal;
  /** Whose quota it counts against. */
  quotaKey?: string;
}

export interface TournamentProgress {
  played: number;
  error?: string;
}

export class TournamentService {
  readonly progress = new Map<string, TournamentProgress>();
  private readonly running = new Map<
    string,
    { abort: AbortController; done: Promise<void>; owner: string; accountId: string | null }
  >();

  constructor(
    private readonly results: ResultsStore,
    private readonly dataDir: string,
    private readonly registry?: AgentRegistry,
  ) {}

  /**
   * Starts a tournament from a spec (the tournament file's shape) within the caller's quotas.
   * The operator's tournaments are trusted like files it runs from the CLI (any agent spec, budget
   * sweeps); everyone else names registered built-in agents only, without overrides.
   * Throws a SpecError (invalid spec) or a TournamentRefused.
   */
  async start(raw: unknown, options: StartOptions = {}): Promise<string> {
    const principal = options.principal ?? OPERATOR;
    const key = options.quotaKey ?? `${principal.role}:${principal.accountId ?? 'local'}`;
    const limits = ROLE_LIMITS[principal.role];
    if (limits.tournaments === 0)
      throw new TournamentRefused(403, 'limits/tournaments', `a ${principal.role} may not start tournaments`);
    const spec = resolveSpec(raw);
    if (principal.role !== 'operator') this.checkParticipants(spec);
    const checked = checkTournament(spec, principal.role);
    if (!checked.ok) throw new TournamentRefused(checked.status, checked.code, checked.message);
    if (this.running.size >= GLOBAL_LIMITS.tournaments)
      throw new TournamentRefused(
        429,
        'limits/busy',
        `the arena is running its maximum of ${GLOBAL_LIMITS.tournaments} tournaments; try again later`,
      );
    const mine = [...this.running.values()].filter((r) => r.owner === key).length;
    if (mine >= limits.tournaments)
      throw new TournamentRefused(
        429,
        'limits/tournaments',
        `you have ${mine} tournaments running, the most a ${principal.role} may; cancel one or wait`,
      );
    const id = randomUUID();
    await this.results.saveTournament({ id, name: spec.name, spec, status: 'running' });
    const progress: TournamentProgress = { played: 0 };
    this.progress.set(id, progress);
    const abort = new AbortController();
    const out = join(this.dataDir, 'tournaments', id);
    const done = runTournament(spec, {
      out,
      workers: 0,
      progress: false,
      log: () => {},
      signal: abort.signal,
      onResult: () => {
        progress.played++;
      },
    })
      .then(async (outcome) => {
        await recordTournamentDir(this.results, out, { id, status: outcome.complete ? 'finished' : 'aborted' });
      })
      .catch(async (error) => {
        progress.error = error instanceof Error ? error.message : String(error);
        await this.results.saveTournament({ id, name: spec.name, spec, status: 'aborted' }).catch(() => undefined);
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, { abort, done, owner: key, accountId: principal.accountId });
    return id;
  }

  private checkParticipants(spec: ResolvedSpec): void {
    spec.participants.forEach((p, i) => {
      if (p.overrides || p.sweep)
        throw new TournamentRefused(
          400,
          'tournament/overrides',
          `participants.${i}: overrides and sweeps are for the operator's tournaments`,
        );
      const entry = this.registry?.get(p.base);
      if (entry?.kind !== 'builtin')
        throw new TournamentRefused(
          400,
          'agent/unknown',
          `participants.${i}.agent: '${p.base.slice(0, 64)}' is not a registered built-in agent (GET /api/registry lists them)`,
        );
    });
  }

  /** Cancels a running tournament: its owner or the operator may. */
  async cancel(id: string, principal: Principal, quotaKey: string): Promise<void> {
    const run = this.running.get(id);
    if (!run) {
      const row = await this.results.getTournament(id);
      if (!row) throw new TournamentRefused(404, 'tournament/not-found', `no tournament ${id.slice(0, 100)}`);
      throw new TournamentRefused(409, 'tournament/not-running', 'the tournament is not running');
    }
    const owns = run.owner === quotaKey || (principal.accountId !== null && run.accountId === principal.accountId);
    if (principal.role !== 'operator' && !owns)
      throw new TournamentRefused(403, 'tournament/not-yours', "only the tournament's owner or the operator may cancel it");
    run.abort.abort();
    await run.done;
  }

  /** Records, once, the results directories under the data dir that the store does not hold. */
  importDirectories(): Promise<string[]> {
    return importTournamentDirs(this.results, join(this.dataDir, 'tournaments'));
  }

  /** Tournaments running now. */
  get inFlight(): number {
    return this.running.size;
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
