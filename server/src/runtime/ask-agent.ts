/**
 * Asking an agent: the one place where the runtime and the analyzer (LBR, agent policies) call
 * `agent.act`. It arms the deadline on the injected clock, aborts the agent's signal when the
 * deadline passes or the match stops, never throws, and `verdict` turns what the agent proposed
 * into what is played and what the record says about it (the default, and why, when it is not
 * legal). A hung model therefore costs a deadline, never a hung run.
 *
 * Nothing of a decision may outlive it: the match's signal lives as long as the match (weeks for a
 * cash table), so the decision links its own controller to it with a listener that it removes when
 * it ends, and clears its timer. (`AbortSignal.any` would leave a dependant signal behind on the
 * match's signal for every decision, kept alive with the agent's abort listeners and, through them,
 * the decision's input: about 8 KiB per decision, never freed.)
 */
import type { Agent, Decision, DecisionInput } from '@parley/agents';
import type { Game, Rng, Seat } from '@parley/games';
import type { Clock, TimerHandle } from './clock';
import type { ActionRecord, Fallback } from './record';
import { type LinkedSignal, linkedSignal } from './signals';

export interface Answer {
  actions: readonly string[];
  ms: number;
  /** The clock's reading when a synchronous answer came: the next decision may start its timing from it. */
  at?: number;
  /** Set when the agent failed or ran out of time: the defaults it gets are marked so. */
  failure?: { fallback: Fallback; error: string };
}

/** What the record adds to an action the runtime substituted. */
export type Substitution = Pick<ActionRecord, 'fallback' | 'proposed' | 'error'>;

/** Parts of the input only the runner has (press, the record's model calls). */
export type AskExtra = Pick<DecisionInput, 'inbox' | 'recordModelCall'>;

/**
 * Asks one agent at `state`, within `deadlineMs` on `clock`; never throws. A synchronous bot skips
 * the timer entirely and gets its answer back without a promise (bot matches make millions of
 * decisions). What only some agents read (the observation, the info-state key, the abort signal)
 * is built when first read, so a bot that reads only the legal actions costs almost nothing.
 * `started` is the clock's reading when the decision began, if the caller has one (a reading
 * costs about a tenth of a random bot's decision).
 */
export function askAgent<S, P>(
  game: Game<S, P>,
  state: S,
  seat: Seat,
  agent: Agent,
  rng: Rng,
  deadlineMs: number,
  clock: Clock,
  outer: AbortSignal | undefined,
  extra?: AskExtra,
  started = clock.now(),
): Answer | Promise<Answer> {
  const input = new Request(game, state, seat, rng, deadlineMs, outer, extra?.inbox, extra?.recordModelCall);
  let pending: Decision | Promise<Decision>;
  try {
    pending = agent.act(input);
  } catch (error) {
    input.release();
    return { actions: [], ms: elapsedSince(clock, started), failure: { fallback: 'error', error: describe(error) } };
  }
  if (!isPromise(pending)) {
    input.release();
    const at = clock.now();
    return { actions: asList(pending), ms: elapsedBetween(started, at), at };
  }
  return awaitDecision(pending, input, deadlineMs, clock, started);
}

/**
 * What is played for `proposed` at `state`: itself when legal, else the game's default with the
 * reason. A missing proposal takes the answer's failure (late, failed) or counts as missing.
 */
export function verdict<S>(
  game: Game<S, any>,
  state: S,
  seat: Seat,
  proposed: string | undefined,
  failure?: Answer['failure'],
): { action: string; substitution?: Substitution } {
  if (proposed === undefined)
    return { action: game.defaultAction(state, seat), substitution: failure ?? { fallback: 'missing' } };
  const error = game.validateAction(state, seat, proposed);
  if (error === null) return { action: proposed };
  return {
    action: game.defaultAction(state, seat),
    substitution: { fallback: 'illegal', proposed, error: `${error.code}: ${error.message}` },
  };
}

/** One action asked and judged: for callers outside a match (the analyzer), which play one action per decision. */
export async function askForAction<S, P>(
  ...ask: Parameters<typeof askAgent<S, P>>
): Promise<{ action: string; ms: number; substitution?: Substitution }> {
  const [game, state, seat] = ask;
  const answer = await askAgent(...ask);
  return { ...verdict(game, state, seat, answer.actions[0], answer.failure), ms: answer.ms };
}

const elapsedBetween = (started: number, at: number): number => Math.max(0, Math.round(at - started));
const elapsedSince = (clock: Clock, started: number): number => elapsedBetween(started, clock.now());

/** The deadline race for an agent that answered with a promise. */
async function awaitDecision<S, P>(
  pending: Promise<Decision>,
  input: Request<S, P>,
  deadlineMs: number,
  clock: Clock,
  started: number,
): Promise<Answer> {
  const elapsed = () => elapsedSince(clock, started);
  const signal = input.signal;
  let timer: TimerHandle | undefined;
  try {
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = clock.setTimeout(() => resolve('timeout'), deadlineMs);
    });
    // A stopped match stops waiting at once (server shutdown must not wait out a deadline).
    const stopped = new Promise<'stopped'>((resolve) =>
      signal.addEventListener('abort', () => resolve('stopped'), { once: true }),
    );
    const result = await Promise.race([pending, timeout, stopped]);
    if (result === 'stopped') {
      pending.catch(() => undefined);
      return { actions: [], ms: elapsed(), failure: { fallback: 'error', error: 'match aborted' } };
    }
    if (result === 'timeout') {
      input.abort(new Error('deadline passed'));
      pending.catch(() => undefined);
      return { actions: [], ms: elapsed(), failure: { fallback: 'timeout', error: `no answer within ${deadlineMs} ms` } };
    }
    return { actions: asList(result), ms: elapsed() };
  } catch (error) {
    return { actions: [], ms: elapsed(), failure: { fallback: 'error', error: describe(error) } };
  } finally {
    clock.clearTimeout(timer);
    input.release();
  }
}

/**
 * A decision's input; a class so that its lazy parts are prototype getters, not closures made per
 * decision. The state it reads from sits in private fields: an agent sees only the seat's view.
 */
class Request<S, P> implements DecisionInput {
  readonly gameId: string;
  readonly legalActions: readonly string[];
  readonly #game: Game<S, P>;
  readonly #state: S;
  readonly #outer: AbortSignal | undefined;
  #observed: unknown;
  #link: LinkedSignal | undefined;

  constructor(
    game: Game<S, P>,
    state: S,
    readonly seat: Seat,
    readonly rng: Rng,
    readonly deadlineMs: number,
    outer: AbortSignal | undefined,
    readonly inbox: DecisionInput['inbox'],
    readonly recordModelCall: DecisionInput['recordModelCall'],
  ) {
    this.#game = game;
    this.#state = state;
    this.#outer = outer;
    this.gameId = game.descriptor.id;
    this.legalActions = game.legalActions(state, seat);
  }

  get observation(): unknown {
    if (this.#observed === undefined) this.#observed = this.#game.observation(this.#state, this.seat);
    return this.#observed;
  }

  // In long sessions it grows with the history; only tabular agents read it.
  get infoStateKey(): string {
    return this.#game.infoStateKey(this.#state, this.seat);
  }

  get signal(): AbortSignal {
    this.#link ??= linkedSignal(this.#outer);
    return this.#link.signal;
  }

  abort(reason: Error): void {
    this.#link?.controller.abort(reason);
  }

  /** Unhooks the decision's signal from the match's, once the decision is over. */
  release(): void {
    this.#link?.release();
  }
}

export const isPromise = <T>(x: T | Promise<T>): x is Promise<T> => typeof (x as { then?: unknown })?.then === 'function';

function asList(decision: Decision): readonly string[] {
  if (typeof decision === 'string') return [decision];
  return Array.isArray(decision) ? decision.filter((a): a is string => typeof a === 'string') : [];
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
