/**
 * Branching: fork a recorded match at the start of any turn (a Diplomacy phase such as `S1903M`)
 * and play it out again, N times, with the same or other seats: the experiment that says whether
 * a negotiation, or an agent, mattered.
 *
 * The prefix is the record itself, replayed through the engine and handed to `runMatch` as a
 * resume: every action, message and model call before the turn opens, so every continuation
 * starts from the same position with the same history. Continuation 0 keeps the parent's seed,
 * so with the same seats it reproduces the parent exactly (the derived seeds make the rest of the
 * match what it was: see match-runner.ts). Continuation k > 0 takes the seed
 * deriveSeed(parent seed, 'branch', turn, k): chance and the seats' randomness after the fork
 * differ, while the prefix, already recorded, is unchanged. Each continuation is an ordinary
 * match record; `branch` says where it came from, and its measures count from there (`ownPart`).
 */
import type { Agent } from '@parley/agents';
import { deriveSeed, type Game } from '@parley/games';
import { type MatchResult, type RunMatchOptions, runMatch } from './match-runner';
import type { BranchOrigin, MatchRecord } from './record';
import { RunningStats } from './stats';

export interface BranchPoint {
  /** The turn forked at. */
  at: string;
  /** Actions applied before the turn opened. */
  seq: number;
}

/**
 * Where turn `at` opens in the record (its actions replayed through the engine); throws naming the
 * turns there are. `at` is read with the game's own turn grammar (`s1903m` is `S1903M`).
 */
export function branchPoint<S, P>(game: Game<S, P>, record: MatchRecord<P>, written: string): BranchPoint {
  if (!game.turnKey) throw new Error(`${game.descriptor.id} has no turns to branch at`);
  const at = game.parseTurnKey ? game.parseTurnKey(written) : written;
  if (at === null) throw new Error(`'${written.slice(0, 20)}' is not a turn of ${game.descriptor.id}`);
  let state = game.newInitialState(record.params);
  const seen: string[] = [];
  for (let i = 0; ; i++) {
    const turn = game.turnKey(state);
    if (turn === at) return { at, seq: i };
    if (seen[seen.length - 1] !== turn) seen.push(turn);
    const recorded = record.actions[i];
    if (!recorded || game.isTerminal(state)) break;
    const error = game.validateAction(state, recorded.actor, recorded.action);
    if (error) throw new Error(`the record does not replay: action ${recorded.seq} '${recorded.action}': ${error.message}`);
    state = game.applyAction(state, recorded.actor, recorded.action);
  }
  const shown = seen.length > 12 ? [...seen.slice(0, 6), '…', ...seen.slice(-5)] : seen;
  throw new Error(`turn '${at}' does not open in this match; its turns are ${shown.join(' ')}`);
}

/**
 * Whether an action, model call or message at `seq` (a message with its `phase`) comes after the
 * branch point, i.e. belongs to the continuation and not to the prefix it carried over. Press of
 * the forked turn itself is sent at `seq` too: it belongs to the continuation.
 */
export function afterFork(point: BranchPoint, entry: { seq: number; phase?: string }): boolean {
  return entry.seq > point.seq || (entry.seq === point.seq && (entry.phase === undefined || entry.phase === point.at));
}

/**
 * What of `record` is its own: everything, unless it is a continuation, whose prefix was
 * played by its parent (measures count a continuation from its fork, so nothing is counted twice).
 */
export const ownPart =
  (record: Pick<MatchRecord, 'branch'>) =>
  (entry: { seq: number; phase?: string }): boolean =>
    !record.branch || afterFork(record.branch, entry);

/** The part of the record before the branch point, as `runMatch` resumes it. */
export function prefixOf(record: MatchRecord, point: BranchPoint): NonNullable<RunMatchOptions<unknown, unknown>['resume']> {
  return {
    actions: record.actions.slice(0, point.seq),
    messages: record.messages.filter((m) => !afterFork(point, m)),
    modelCalls: record.modelCalls.filter((c) => !afterFork(point, c)),
  };
}

export interface BranchOptions<S, P> extends Omit<RunMatchOptions<S, P>, 'params' | 'seed' | 'agents' | 'resume'> {
  game: Game<S, P>;
  record: MatchRecord<P>;
  at: string;
  /** Continuations to play. */
  times: number;
  /** Fresh agents for continuation k (agents keep per-match memory, so never share them). */
  agentsFor: (k: number) => Agent[];
  /** Called with each finished continuation and its record. */
  onContinuation?: (k: number, record: BranchedRecord<P>, result: MatchResult<S, P>) => void;
}

export interface BranchedRecord<P> extends MatchRecord<P> {
  branch: BranchOrigin;
}

export async function branchMatch<S, P>(
  options: BranchOptions<S, P>,
): Promise<{ point: BranchPoint; records: BranchedRecord<P>[] }> {
  const { game, record, at, times, agentsFor, onContinuation, ...run } = options;
  const point = branchPoint(game, record, at);
  const resume = prefixOf(record as MatchRecord, point);
  const records: BranchedRecord<P>[] = [];
  for (let k = 0; k < times; k++) {
    const seed = k === 0 ? record.seed : deriveSeed(record.seed, 'branch', point.at, k);
    const result = await runMatch({ ...run, game, params: record.params, seed, agents: agentsFor(k), resume });
    const branched: BranchedRecord<P> = {
      ...result.record,
      branch: { parentSeed: record.seed, parentHash: record.finalStateHash, at: point.at, seq: point.seq, index: k },
    };
    records.push(branched);
    onContinuation?.(k, branched, result);
  }
  return { point, records };
}

export interface BranchReport {
  at: string;
  seq: number;
  continuations: number;
  /** Continuations that ended in exactly the parent's final state. */
  sameAsParent: number;
  perSeat: {
    seat: number;
    agent: string;
    parent: number;
    mean: number;
    interval95: [number, number];
    min: number;
    max: number;
  }[];
}

/** Each seat's return in the parent against its distribution over the continuations. */
export function branchReport(parent: MatchRecord, point: BranchPoint, records: readonly MatchRecord[]): BranchReport {
  return {
    at: point.at,
    seq: point.seq,
    continuations: records.length,
    sameAsParent: records.filter((r) => r.finalStateHash === parent.finalStateHash).length,
    perSeat: parent.seats.map(({ seat }) => {
      const stats = new RunningStats();
      for (const r of records) stats.push(r.returns[seat] ?? 0);
      const values = records.map((r) => r.returns[seat] ?? 0);
      const half = stats.halfWidth95;
      return {
        seat,
        agent: records[0]?.seats[seat]?.agent ?? parent.seats[seat]!.agent,
        parent: parent.returns[seat] ?? 0,
        mean: stats.mean,
        interval95: [stats.mean - half, stats.mean + half] as [number, number],
        min: Math.min(...values),
        max: Math.max(...values),
      };
    }),
  };
}
