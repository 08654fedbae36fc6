/**
 * Branches started through the API: a finished match forked at a turn and played N more times
 * with the same or other registered agents, through `branchMatch` (runtime/branch.ts), as
 * `parley branch` does. Only the operator may start one, since continuations may seat model
 * agents that spend its money. They run in the background in this process; each continuation is
 * stored as a finished match (its settings name the parent and the branch), and once all are
 * played the branch, with its report (each seat's return in the parent against its distribution
 * over the continuations), is stored as an analysis of the parent, kind `branch`.
 *
 * Continuations are played with the parent's press rounds and clocks, so an unchanged fork
 * reproduces the parent. People's seats and WebSocket bots cannot be replayed: a branch of a
 * match they sat in must name registered agents for every seat.
 */
import { randomUUID } from 'node:crypto';
import { getGame } from '@parley/games';
import { BRANCH_TIMES_MAX, branchRequestSchema, clockSchema, type MatchSettings } from '@parley/protocol';
import { errorMessage } from '../http/errors';
import { type BranchReport, branchMatch, branchPoint, branchReport } from '../runtime/branch';
import { saveFinishedRecord } from '../store/events';
import { exportRecord } from '../store/export';
import type { ResultsStore } from '../store/results';
import type { SeatKind } from '../store/types';
import type { MatchService, StoredSettings } from './match-service';
import { Refused } from './refused';
import { HUMAN, phaseDeadline, seatAgentSpec } from './settings';

/** Continuations one branch may ask for (the protocol's bound), and branches running at once in this process. */
export const BRANCH_LIMITS = Object.freeze({ times: BRANCH_TIMES_MAX, running: 2 });

export interface BranchStatus {
  id: string;
  matchId: string;
  at: string;
  /** Actions before the fork. */
  seq: number;
  times: number;
  seats: string[];
  status: 'running' | 'finished' | 'failed';
  /** Continuations played so far. */
  played: number;
  /** The stored continuations' match ids, in order (continuation 0 keeps the parent's seed). */
  continuations: string[];
  report: BranchReport | null;
  error?: string;
}

/** A refusal with the HTTP status it deserves. */
export class BranchRefused extends Refused<400 | 404 | 409 | 422 | 429> {}

const BRANCH_KIND = 'branch';

export class BranchService {
  private readonly running = new Map<string, { status: BranchStatus; done: Promise<void> }>();
  private readonly abort = new AbortController();

  constructor(
    private readonly service: MatchService,
    private readonly results: ResultsStore,
  ) {}

  /** Checks the request and starts the continuations; throws a BranchRefused. */
  async start(matchId: string, raw: unknown): Promise<BranchStatus> {
    const parsed = branchRequestSchema.safeParse(raw ?? {});
    if (!parsed.success)
      throw new BranchRefused(
        400,
        'branch/invalid',
        parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      );
    const match = matchId.length <= 100 ? await this.service.store.getMatch(matchId) : null;
    if (!match) throw new BranchRefused(404, 'match/not-found', `no match ${matchId.slice(0, 100)}`);
    if (match.status !== 'finished') throw new BranchRefused(409, 'branch/not-finished', 'a match is forked once it is over');
    const game = getGame(match.game);
    if (!game.turnKey) throw new BranchRefused(400, 'branch/unsupported', `${match.game} has no turns to fork at`);
    if (this.running.size >= BRANCH_LIMITS.running)
      throw new BranchRefused(
        429,
        'limits/busy',
        `${BRANCH_LIMITS.running} branches are running, the most at once; wait for one`,
      );
    let record: ReturnType<typeof exportRecord>;
    try {
      record = exportRecord(match);
    } catch {
      throw new BranchRefused(422, 'branch/unreadable', 'the stored match does not replay, so it cannot be forked');
    }
    let point: ReturnType<typeof branchPoint>;
    try {
      point = branchPoint(game, record, parsed.data.at);
    } catch (error) {
      throw new BranchRefused(400, 'branch/at', error instanceof Error ? error.message : 'no such turn');
    }
    const parent = (match.settings as Partial<StoredSettings> | null)?.settings;
    const seats = parsed.data.seats ?? parent?.seats.map((s) => seatAgentSpec(s).spec) ?? [];
    const kinds = this.checkSeats(seats, match.game, match.seats.length);
    const clock = clockSchema.parse(parent?.clock ?? {});
    const pressRounds = parent?.pressRounds ?? 1;

    const id = randomUUID();
    const status: BranchStatus = {
      id,
      matchId,
      at: point.at,
      seq: point.seq,
      times: parsed.data.times,
      seats,
      status: 'running',
      played: 0,
      continuations: [],
      report: null,
    };
    const settings: MatchSettings | undefined = parent ? { ...parent, seats } : undefined;
    let writes = Promise.resolve();
    const done = branchMatch({
      game,
      record,
      at: point.at,
      times: status.times,
      agentsFor: () => seats.map((spec) => this.service.agents.create(spec, match.game)),
      clock: this.service.clock,
      signal: this.abort.signal,
      pressRounds,
      deadlineFor: (_seat, state) => phaseDeadline(clock, game.roundClock?.(state)),
      onContinuation: (k, branched) => {
        const continuation = `${id}.${k}`;
        status.played++;
        writes = writes.then(() =>
          saveFinishedRecord(this.service.store, branched, {
            id: continuation,
            seatKind: (seat) => kinds[seat]!,
            settings: { settings, branch: { id, parent: matchId, ...branched.branch } },
            at: this.service.clock.now(),
          }).then(() => {
            status.continuations.push(continuation);
          }),
        );
      },
    })
      .then(async ({ records }) => {
        await writes;
        status.report = branchReport(record, point, records);
        status.status = 'finished';
      })
      .catch(async (error) => {
        await writes.catch(() => undefined);
        status.status = 'failed';
        // Anyone may read a branch: the cause stays in the operator's log, never in the answer.
        status.error = this.abort.signal.aborted
          ? 'the server stopped before every continuation was played'
          : 'the continuations stopped on an internal error (the server log has the cause)';
        console.error(`branch ${id} of match ${matchId} failed: ${errorMessage(error)}`);
      })
      .then(() => this.results.saveAnalysis({ matchId, tournamentId: null, kind: BRANCH_KIND, result: { ...status } }))
      .catch((error) => console.error(`branch ${id} was not stored: ${errorMessage(error)}`))
      .finally(() => this.running.delete(id));
    this.running.set(id, { status, done });
    return { ...status };
  }

  /** Every seat a registered agent that plays the game and needs no connection; their seat kinds. */
  private checkSeats(seats: readonly string[], gameId: string, n: number): SeatKind[] {
    if (seats.length !== n)
      throw new BranchRefused(
        400,
        'branch/seats',
        seats.length === 0
          ? 'this match has no registered seats to reuse: name one agent per seat'
          : `name ${n} seats, one per seat`,
      );
    return seats.map((spec, i) => {
      const entry = spec === HUMAN ? undefined : this.service.agents.get(spec);
      if (!entry || entry.seatKind === 'external')
        throw new BranchRefused(
          400,
          'branch/seats',
          `seats.${i}: '${spec.slice(0, 64)}' cannot play a continuation; name a registered built-in or model agent (GET /api/registry)`,
        );
      if (entry.games && !entry.games.includes(gameId))
        throw new BranchRefused(
          400,
          'agent/wrong-game',
          `seats.${i}: ${entry.id} plays ${entry.games.join(', ')}, not ${gameId}`,
        );
      return entry.seatKind;
    });
  }

  /** A branch of `matchId`: running here, or stored once done. */
  async get(matchId: string, id: string): Promise<BranchStatus | null> {
    return (await this.list(matchId)).find((b) => b.id === id) ?? null;
  }

  /** The match's branches, running ones first, then stored ones newest first. */
  async list(matchId: string): Promise<BranchStatus[]> {
    const live = [...this.running.values()].map((r) => r.status).filter((s) => s.matchId === matchId);
    const stored = (await this.results.analyses({ matchId, kind: BRANCH_KIND }))
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((a) => a.result as BranchStatus)
      .filter((s) => !live.some((l) => l.id === s.id));
    return [...live.map((s) => ({ ...s, continuations: [...s.continuations] })), ...stored];
  }

  /** Resolves once branch `id` has ended and been stored (at once if it is not running). */
  async settled(id: string): Promise<void> {
    await this.running.get(id)?.done;
  }

  /** Stops what is running; the continuations played so far stay stored. */
  async close(): Promise<void> {
    this.abort.abort();
    await Promise.all([...this.running.values()].map((r) => r.done));
  }
}
