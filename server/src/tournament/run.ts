/**
 * `runTournament(spec, options)`: the programmatic entry point (the CLI and, later, the HTTP
 * server call it). It resolves the spec, opens the store, skips the matches already stored
 * (so a crashed or stopped run resumes where it was), plays the rest on the chosen executor,
 * appending every result as it arrives, and finally writes the ratings and the report.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { createAgent } from '@parley/agents';
import { computeLeaderboard, type Leaderboard } from '../ratings/leaderboard';
import { type Executor, inlineExecutor } from './executor';
import { decidedByHarness } from './harness';
import type { MatchContext, MatchSummary } from './play';
import { Progress } from './progress';
import { buildReport, type Report, ratedResults, renderMarkdown } from './report';
import { fixedSchedule, type MatchTask } from './schedule';
import { fingerprint, type ResolvedSpec, resolveSpec } from './spec';
import { DirectoryStore, MANIFEST_FORMAT, MANIFEST_VERSION, type TournamentStore } from './store';
import { swissRound } from './swiss';
import { ThreadPool } from './threads';

export interface RunTournamentOptions {
  /** Output directory for the directory store (default `.parley-data/tournaments/NAME`). */
  out?: string;
  /** Any other store (a database); `out` is then ignored. */
  store?: TournamentStore;
  /**
   * Worker threads; 0 plays in this thread. Default: a thread per core if the run looks longer
   * than a few seconds (timed on its first matches), else this thread. Ignored with `redis`.
   */
  workers?: number;
  /** A long-lived executor to use (e.g. a server's thread pool); it is not closed at the end. */
  executor?: Executor;
  /** A Redis URL: queue the matches for `parley worker` processes instead. */
  redis?: string;
  queue?: string;
  /** Matches per chunk handed to a worker (default: sized from the schedule). */
  chunk?: number;
  /** Progress on stderr (default true). */
  progress?: boolean;
  /** Lines for the operator (stderr by default). */
  log?: (message: string) => void;
  /** Stop handing out matches; the run ends after the chunks in flight, incomplete. */
  signal?: AbortSignal;
  /** Called with every new result, e.g. for live standings. */
  onResult?: (result: MatchSummary) => void;
}

export interface TournamentOutcome {
  spec: ResolvedSpec;
  location: string;
  fingerprint: string;
  results: MatchSummary[];
  leaderboard: Leaderboard;
  report: Report;
  /** False when stopped early. */
  complete: boolean;
  /** Where the matches of this run were played (null: none were left to play). */
  executor: Executor['kind'] | null;
}

export const defaultOutDir = (spec: Pick<ResolvedSpec, 'name'>) =>
  join('.parley-data', 'tournaments', spec.name.replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '') || 'tournament');

const isResolved = (x: unknown): x is ResolvedSpec =>
  typeof x === 'object' &&
  x !== null &&
  Array.isArray((x as ResolvedSpec).participants) &&
  typeof (x as ResolvedSpec).seats === 'number';

export async function runTournament(
  input: ResolvedSpec | unknown,
  options: RunTournamentOptions = {},
): Promise<TournamentOutcome> {
  const spec = isResolved(input) ? input : resolveSpec(input);
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const fp = fingerprint(spec);
  const store = options.store ?? new DirectoryStore(options.out ?? defaultOutDir(spec));
  const manifest = await store.readManifest();
  if (manifest && manifest.fingerprint !== fp)
    throw new Error(
      `${store.location} holds results of a different tournament (the game, participants, format or seeds changed); use another --out or remove it`,
    );
  await store.writeManifest({
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    fingerprint: fp,
    spec,
    createdAt: manifest?.createdAt ?? new Date().toISOString(),
  });

  // A later line for the same id wins; a match that failed (no returns) is played again.
  const done = new Map<string, MatchSummary>();
  for (const r of await store.readResults()) done.set(r.id, r);
  const finished = (id: string) => done.get(id)?.returns !== undefined;
  // Distributed workers hold the agents' keys, which the coordinator may lack: they check there.
  if (!options.redis) checkAgents(spec);
  const ctx: MatchContext = {
    game: spec.game,
    params: spec.params,
    deadlineMs: spec.deadlineMs,
    ...(spec.pressDeadlineMs !== undefined && { pressDeadlineMs: spec.pressDeadlineMs }),
    clocks: Object.fromEntries(spec.participants.flatMap((p) => (p.clock ? [[p.name, p.clock]] : []))),
    ...(spec.maxActions !== undefined && { maxActions: spec.maxActions }),
    pressRounds: spec.pressRounds,
    records: spec.records,
    concurrency: spec.concurrency,
    agents: Object.fromEntries(spec.participants.map((p) => [p.name, p.agent])),
  };

  const fixed = spec.format.type === 'swiss' ? null : fixedSchedule(spec);
  const batches = spec.format.type === 'swiss' ? spec.format.rounds : 1;
  const perSwissRound = spec.format.type === 'swiss' ? Math.floor(spec.participants.length / 2) * spec.format.gamesPerPairing : 0;
  const scheduled = fixed ? fixed.length : perSwissRound * batches;
  const already = [...done.values()].filter((r) => r.returns).length;
  const progress = options.progress === false ? null : new Progress(scheduled, Math.min(already, scheduled));
  let executor: Executor | undefined; // opened only if something is left to play
  if (already > 0) log(`resuming ${spec.name}: ${already} matches already played, in ${store.location}`);
  let complete = true;
  try {
    for (let batch = 0; batch < batches; batch++) {
      const tasks = fixed ?? swissRound(spec, batch, [...done.values()]);
      const pending = tasks.filter((t) => !finished(t.id));
      if (pending.length === 0) continue;
      const record = (result: MatchSummary) => {
        done.set(result.id, result);
        store.appendResult(result);
        progress?.tick();
        options.onResult?.(result);
      };
      if (!executor) {
        const left = Math.max(pending.length, scheduled - already);
        const opened = await openExecutor(options, ctx, pending, left, record, log);
        executor = opened.executor;
        pending.splice(0, opened.played);
      }
      await dispatch(executor, ctx, pending, options.chunk, options.signal, record);
      if (options.signal?.aborted) {
        complete = false;
        break;
      }
    }
  } finally {
    await executor?.close();
    await store.flush();
    progress?.finish();
  }

  const results = [...done.values()].sort((a, b) => a.batch - b.batch || a.index - b.index);
  const leaderboard = leaderboardOf(spec, results);
  const report = buildReport(spec, fp, results, leaderboard, scheduled, harnessCleanOf(spec, results));
  await store.writeOutputs({
    ratings: { name: spec.name, game: spec.game, ...leaderboard },
    report,
    markdown: renderMarkdown(report),
  });
  await store.close();
  return {
    spec,
    location: store.location,
    fingerprint: fp,
    results,
    leaderboard,
    report,
    complete,
    executor: executor?.kind ?? null,
  };
}

export function leaderboardOf(spec: ResolvedSpec, results: readonly MatchSummary[]): Leaderboard {
  const r = spec.ratings;
  return computeLeaderboard(
    spec.participants.map((p) => p.name),
    ratedResults(results),
    {
      seatsPerMatch: spec.seats,
      scoring: spec.scoring ?? null,
      ...(r.primary && { primary: r.primary }),
      provisionalBelow: r.provisionalBelow,
      bootstrap: r.bootstrap,
      seed: spec.seed,
      poker: r.poker,
      ...(r.elo && { elo: r.elo }),
      ...(r.bradleyTerry && { bradleyTerry: r.bradleyTerry }),
    },
  );
}

/** The leaderboard without matches a fallback may have decided; null when there were none. */
function harnessCleanOf(spec: ResolvedSpec, results: readonly MatchSummary[]): Report['harnessClean'] {
  const played = results.filter((r) => r.returns);
  const clean = played.filter((r) => !decidedByHarness(r));
  if (clean.length === played.length) return null;
  return { excluded: played.length - clean.length, leaderboard: leaderboardOf(spec, clean) };
}

/** Rebuilds ratings and report from a store's manifest and results (`parley tournament report`). */
export async function rebuildReport(
  store: TournamentStore,
): Promise<{ leaderboard: Leaderboard; report: Report; markdown: string }> {
  const manifest = await store.readManifest();
  if (!manifest) throw new Error(`${store.location} holds no tournament (no tournament.json)`);
  const spec = manifest.spec;
  const byId = new Map((await store.readResults()).map((r) => [r.id, r]));
  const results = [...byId.values()].sort((a, b) => a.batch - b.batch || a.index - b.index);
  const leaderboard = leaderboardOf(spec, results);
  const scheduled =
    spec.format.type === 'swiss'
      ? Math.floor(spec.participants.length / 2) * spec.format.gamesPerPairing * spec.format.rounds
      : fixedSchedule(spec).length;
  const report = buildReport(spec, manifest.fingerprint, results, leaderboard, scheduled, harnessCleanOf(spec, results));
  const markdown = renderMarkdown(report);
  await store.writeOutputs({ ratings: { name: spec.name, game: spec.game, ...leaderboard }, report, markdown });
  return { leaderboard, report, markdown };
}

/** Creates each participant's agent once, so a bad spec fails before any match is queued. */
function checkAgents(spec: ResolvedSpec): void {
  for (const p of spec.participants) {
    try {
      void createAgent(p.agent, spec.game).close?.();
    } catch (error) {
      throw new Error(`participant '${p.name}': ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Agent specs of seats whose player connects over the network to a listener in this process. */
const NETWORK_SEAT = /^(acpc:|daide$)/;

/** Thread start-up (tsx compiling the engines in each thread) is worth paying for runs longer than this. */
const THREADS_WORTH_MS = 5000;

/**
 * The executor for this run. Explicit `workers` or `redis` are obeyed. Otherwise (auto) a first
 * few matches are played here to time them: a run that would end within a few seconds stays in
 * this thread, a longer one moves to a thread per core. Agents that wait on the network
 * (`concurrency` > 1) stay here too, so that cores do not multiply the requests in flight.
 */
async function openExecutor(
  options: RunTournamentOptions,
  ctx: MatchContext,
  pending: readonly MatchTask[],
  left: number,
  record: (r: MatchSummary) => void,
  log: (m: string) => void,
): Promise<{ executor: Executor; played: number }> {
  if (options.executor) return { executor: borrowed(options.executor), played: 0 };
  // A seat played by a client over the network (an ACPC bot on its port, a DAIDE bot through the
  // DAIDE server) waits on a listener this thread opened: another thread or process could neither
  // reach that server nor share the port, so such tournaments are played here.
  const remote = Object.entries(ctx.agents).find(([, spec]) => NETWORK_SEAT.test(spec));
  if (remote) {
    if (options.redis || (options.workers ?? 0) > 0)
      log(`'${remote[0]}' is a network seat (${remote[1]}): playing in this thread`);
    return { executor: inlineExecutor(), played: 0 };
  }
  if (options.redis) {
    // BullMQ (some 240 files) loads only for a queued run, not with every arena and CLI start.
    const { RedisExecutor } = await import('./redis');
    return {
      executor: await RedisExecutor.connect(options.redis, { ...(options.queue && { queue: options.queue }), warn: log }),
      played: 0,
    };
  }
  if (options.workers !== undefined)
    return { executor: options.workers > 0 ? new ThreadPool(options.workers) : inlineExecutor(), played: 0 };
  const inline = inlineExecutor();
  if (ctx.concurrency > 1 || availableParallelism() < 2) return { executor: inline, played: 0 };
  const probe = pending.slice(0, Math.min(pending.length, 16));
  const started = performance.now();
  await inline.run(ctx, probe, record);
  const perMatch = (performance.now() - started) / probe.length;
  if (perMatch * (left - probe.length) < THREADS_WORTH_MS) return { executor: inline, played: probe.length };
  log(`playing on ${availableParallelism()} worker threads`);
  return { executor: new ThreadPool(availableParallelism()), played: probe.length };
}

/** An executor owned by the caller (a server's long-lived pool): used, never closed here. */
const borrowed = (executor: Executor): Executor => ({
  kind: executor.kind,
  slots: executor.slots,
  run: (c, t, r) => executor.run(c, t, r),
  close: async () => undefined,
});

/** Splits the pending tasks into chunks and keeps every executor slot busy until all are played. */
async function dispatch(
  executor: Executor,
  ctx: MatchContext,
  tasks: readonly MatchTask[],
  chunk: number | undefined,
  signal: AbortSignal | undefined,
  onResult: (r: MatchSummary) => void,
): Promise<void> {
  // About eight chunks per slot balances the load; at most 256 matches keeps results flowing;
  // at least four per match in flight keeps a worker's concurrent lanes full.
  const size = chunk ?? Math.max(4 * ctx.concurrency, Math.min(256, Math.ceil(tasks.length / (executor.slots * 8))));
  const chunks: MatchTask[][] = [];
  for (let i = 0; i < tasks.length; i += size) chunks.push(tasks.slice(i, i + size));
  let next = 0;
  const lane = async () => {
    while (next < chunks.length && !signal?.aborted) await executor.run(ctx, chunks[next++] as MatchTask[], onResult);
  };
  await Promise.all(Array.from({ length: Math.min(executor.slots, chunks.length) }, lane));
}
