/**
 * Plays scheduled matches through the match runtime and sums up each one as a result line:
 * returns, fallbacks, model usage per seat, and optionally the full record. The same code runs
 * in the coordinator's thread, in worker threads and in `parley worker` processes, so a context
 * carries everything a bare process needs: the game, its parameters, and the agent specs.
 */
import { type Agent, createAgent } from '@parley/agents';
import { getGame } from '@parley/games';
import { type StandingSummary, StandingTracker } from '../ratings/scoring';
import type { Clock } from '../runtime/clock';
import { runMatch } from '../runtime/match-runner';
import type { MatchRecord } from '../runtime/record';
import { type FallbackCounts, fallbackCause, noFallbacks } from './harness';
import { type MeasuredMatch, matchMeasures } from './measures';
import type { MatchTask } from './schedule';
import type { SeatClock } from './spec';

export interface MatchContext {
  game: string;
  params: unknown;
  deadlineMs: number;
  /** The negotiation clock for everyone; the order clock when absent. */
  pressDeadlineMs?: number;
  /** Participants' own clocks, by name (time-pressure sweeps). */
  clocks?: Record<string, SeatClock>;
  maxActions?: number;
  pressRounds: number;
  /** Keep the full record on each result. */
  records: boolean;
  /** Matches in flight at once in one worker. */
  concurrency: number;
  /** The agent spec of each participant, by name. */
  agents: Record<string, string>;
}

export interface MatchSummary extends MatchTask {
  /** Absent when the match could not be played; `error` says why. */
  returns?: number[];
  error?: string;
  actions: number;
  /** Per seat: answers the runtime replaced by the default (illegal, late, failed, missing). */
  fallbacks: number[];
  modelCalls: number[];
  tokensIn: number[];
  tokensOut: number[];
  costUsd: number[];
  /** Per seat: actions the agent answered (decisions), and milliseconds it spent on them. */
  decisions?: number[];
  thinkMs?: number[];
  /** Per seat: fallbacks by cause (harness.ts). */
  fallbackCauses?: FallbackCounts[];
  /** Wall-clock milliseconds the match took. */
  ms: number;
  finalStateHash?: string;
  /** Games scored by centres: the final centres, survivors and years survived, which scoring reads. */
  standing?: StandingSummary;
  /** The `parley worker` process that played it (`host:pid`), in distributed runs. */
  worker?: string;
  /** Per-model measures by participant name, for games the analyzer reads (measures.ts). */
  measures?: MeasuredMatch;
  record?: MatchRecord;
}

/**
 * Bots answer synchronously, and awaiting a plain value never lets the event loop run: one long
 * match (Diplomacy to 1950) would hold a server's API for seconds. Every decision therefore
 * yields to the loop once 10 ms have passed since the last yield. Timing only; results are unchanged.
 */
let lastBreath = performance.now();
const BREATH_MS = 10;

function breathing(agent: Agent): Agent {
  // Methods are bound one by one: a class-based agent (a DAIDE or ACPC seat) keeps them on its
  // prototype, where a spread would not find them.
  return {
    ...agent,
    name: agent.name,
    ...(agent.negotiate && { negotiate: agent.negotiate.bind(agent) }),
    ...(agent.observe && { observe: agent.observe.bind(agent) }),
    ...(agent.watch && { watch: agent.watch.bind(agent) }),
    ...(agent.close && { close: agent.close.bind(agent) }),
    // Synchronous answers stay synchronous (the runner's fast path) except when it is time to yield.
    act: (input) => {
      if (performance.now() - lastBreath <= BREATH_MS) return agent.act(input);
      return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        lastBreath = performance.now();
        return agent.act(input);
      });
    },
  };
}

/** `clock`: what deadlines run on (the system's; a fake one in tests, in-process only). */
export async function playMatch(ctx: MatchContext, task: MatchTask, clock?: Clock): Promise<MatchSummary> {
  const started = performance.now();
  const zeros = () => task.seats.map(() => 0);
  const base: MatchSummary = {
    ...task,
    actions: 0,
    fallbacks: zeros(),
    modelCalls: zeros(),
    tokensIn: zeros(),
    tokensOut: zeros(),
    costUsd: zeros(),
    ms: 0,
  };
  const agents = [];
  try {
    const game = getGame(ctx.game);
    for (const name of task.seats) {
      const spec = ctx.agents[name];
      if (spec === undefined) throw new Error(`no agent spec for participant '${name}'`);
      agents.push(breathing(createAgent(spec, game.descriptor.id)));
    }
    const tracker = game.standing ? new StandingTracker() : null;
    const clockOf = (seat: number): SeatClock => ctx.clocks?.[task.seats[seat]!] ?? {};
    const { record, finalState } = await runMatch({
      game,
      ...(tracker && { onEvent: ({ state }: { state: unknown }) => tracker.observe(game.standing!(state)) }),
      params: ctx.params,
      seed: task.seed,
      agents,
      ...(clock && { clock }),
      deadlineFor: (seat) => clockOf(seat).ordersMs ?? ctx.deadlineMs,
      pressDeadlineFor: (seat) => clockOf(seat).pressMs ?? ctx.pressDeadlineMs ?? clockOf(seat).ordersMs ?? ctx.deadlineMs,
      ...(ctx.maxActions !== undefined && { maxActions: ctx.maxActions }),
      pressRounds: ctx.pressRounds,
    });
    const result: MatchSummary = {
      ...base,
      returns: record.returns,
      actions: record.actions.length,
      finalStateHash: record.finalStateHash,
    };
    if (tracker && game.standing) {
      tracker.observe(game.standing(finalState));
      const standing = tracker.summary();
      if (standing) result.standing = standing;
    }
    result.decisions = zeros();
    result.thinkMs = zeros();
    result.fallbackCauses = task.seats.map(noFallbacks);
    for (const a of record.actions) {
      if (a.actor === 'chance') continue;
      result.decisions[a.actor]! += 1;
      result.thinkMs[a.actor]! += a.ms;
      const cause = fallbackCause(a);
      if (!cause) continue;
      result.fallbacks[a.actor]! += 1;
      result.fallbackCauses[a.actor]![cause] += 1;
    }
    for (const c of record.modelCalls) {
      result.modelCalls[c.seat]! += 1;
      result.tokensIn[c.seat]! += c.tokensIn;
      result.tokensOut[c.seat]! += c.tokensOut;
      result.costUsd[c.seat]! += c.costUsd;
    }
    const measures = matchMeasures(record, task.seats);
    if (measures) result.measures = measures;
    if (ctx.records) result.record = record;
    result.ms = Math.round(performance.now() - started);
    return result;
  } catch (error) {
    // runMatch closes the agents it was given; these were created before it could.
    if (agents.length < task.seats.length) await Promise.allSettled(agents.map((a) => a.close?.()));
    return {
      ...base,
      error: error instanceof Error ? error.message : String(error),
      ms: Math.round(performance.now() - started),
    };
  }
}

/**
 * Plays tasks with up to `ctx.concurrency` matches in flight, reporting each result as it ends.
 * It yields to the event loop every few milliseconds, so timers (a queue lock's renewal, a
 * progress line) keep running while synchronous bots play thousands of matches.
 */
export async function playTasks(
  ctx: MatchContext,
  tasks: readonly MatchTask[],
  onResult: (r: MatchSummary) => void,
  clock?: Clock,
): Promise<void> {
  let next = 0;
  let lastYield = performance.now();
  const lane = async () => {
    while (next < tasks.length) {
      const task = tasks[next++] as MatchTask;
      onResult(await playMatch(ctx, task, clock));
      if (performance.now() - lastYield > 20) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(ctx.concurrency, tasks.length)) }, lane));
}
