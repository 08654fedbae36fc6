/**
 * The match runtime: one runner for every game, driven in-process by the CLI, tournaments, tests
 * and the arena server's rooms.
 *
 * It owns what the pure engines must not: seeded chance, the clock and per-decision deadlines,
 * the agents' calls, press, and the record. Every agent answer is validated by the engine; an
 * illegal, failing, missing or late answer is replaced by the game's default action and the
 * substitution is recorded.
 *
 * Randomness is derived, never streamed: the k-th chance draw uses a generator seeded from
 * (seed, 'chance', k) and a seat's decision at action n one seeded from (seed, 'seat', seat, n).
 * So the same seed and answers give the same bytes; dealing does not depend on how much the
 * agents drew (duplicate poker deals the same cards with seats swapped); and a match resumed from
 * a stored prefix of its actions continues exactly as the uninterrupted run would have. Agents
 * that keep memory across turns are handed their own part of that prefix first (`Agent.restore`:
 * their views of its turns and their own model calls), so they are prompted as they were.
 */
import type { Agent, ModelCall, PressMessage, RecordedTurn } from '@parley/agents';
import type { Actor, Game, Rng, Seat } from '@parley/games';
import { type Answer, type AskExtra, askAgent, describe, isPromise, type Substitution, verdict } from './ask-agent';
import { type Clock, systemClock } from './clock';
import { withLazyHash } from './lazy-hash';
import { runPressRounds } from './press';
import { mayRead } from './press-rules';
import {
  type ActionRecord,
  type MatchRecord,
  type MessageRecord,
  type ModelCallRecord,
  RECORD_FORMAT,
  RECORD_VERSION,
} from './record';
import { ChanceDraws, DecisionSeeds } from './seeds';
import { StateQuestions } from './state-questions';

export type { Clock } from './clock';
export { systemClock } from './clock';

export interface MatchEvent<S> {
  record: ActionRecord;
  state: S;
}

/** What a press step may do: deliver messages into the match's record and inboxes. */
export interface PressContext<S> {
  state: S;
  /** The turn being negotiated, e.g. `S1901M`. */
  phase: string;
  /**
   * Runs the agents' `negotiate` rounds (bots, LLMs) and delivers what they write; `firstRound`
   * numbers them on from earlier rounds of the same phase (a reply round after people wrote).
   */
  runAgentRounds(rounds: number, firstRound?: number): Promise<void>;
  deliver(message: PressMessage): void;
}

export interface RunMatchOptions<S, P> {
  game: Game<S, P>;
  params: P;
  seed: number;
  /** One agent per seat. */
  agents: readonly Agent[];
  /** Milliseconds per decision before the default is played. */
  deadlineMs?: number;
  /** Per-decision deadline, overriding `deadlineMs` (time banks, phase-specific deadlines). */
  deadlineFor?: (seat: Seat, state: S) => number;
  /**
   * A seat's time to write one round of press (its negotiation clock); by default the shortest
   * decision deadline of the seats about to act, so press never outlasts the orders' clock.
   */
  pressDeadlineFor?: (seat: Seat, state: S) => number;
  /** Called with each seat's thinking time once it has answered (time banks). */
  onAnswer?: (seat: Seat, ms: number) => void;
  clock?: Clock;
  /** Called after every applied action, in order (persistence, live views). */
  onEvent?: (event: MatchEvent<S>) => void;
  /** Called for each press message as it is delivered. */
  onMessage?: (message: MessageRecord) => void;
  /** Called for each model call as it is recorded. */
  onModelCall?: (call: ModelCallRecord) => void;
  /** Stop after this many actions (a guard against engines that never end). */
  maxActions?: number;
  /** Rounds of agent press before each decision where the game allows negotiation (Diplomacy). */
  pressRounds?: number;
  /** Replaces the default press step (agent rounds only), e.g. with a timed window for people. */
  press?: (context: PressContext<S>) => Promise<void>;
  /** Continue a match from a stored prefix: its actions are validated and applied first. */
  resume?: { actions: readonly ActionRecord[]; messages?: readonly MessageRecord[]; modelCalls?: readonly ModelCallRecord[] };
  /** Called once the stored prefix of `resume` is applied, with the state it reached (before any agent is asked). */
  onResume?: (state: S) => void;
  signal?: AbortSignal;
}

export interface MatchResult<S, P> {
  record: MatchRecord<P>;
  finalState: S;
}

const DEFAULT_DEADLINE_MS = 30_000;
const NO_MESSAGES: readonly PressMessage[] = [];

export function runMatch<S, P>(options: RunMatchOptions<S, P>): Promise<MatchResult<S, P>> {
  try {
    return new MatchRun(options).run();
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * One match being run. A class rather than closures in `runMatch`: bot matches of one poker hand
 * are over in a few dozen microseconds, and the dozen functions a match made for itself (each
 * named at creation where the code is run through a transpiler that keeps names) cost about as
 * much as the hand; methods on the prototype are made once.
 */
class MatchRun<S, P> {
  private readonly game: Game<S, P>;
  private readonly agents: readonly Agent[];
  private readonly clock: Clock;
  private state: S;
  private readonly actions: ActionRecord[] = [];
  private readonly messages: MessageRecord[];
  private readonly modelCalls: ModelCallRecord[];
  private readonly chance: ChanceDraws;
  private readonly decisionSeeds: DecisionSeeds;
  private readonly recorders: ((call: ModelCall) => void)[] = [];
  /** Before any press (every bot match) a seat's extra input is the same each time: made once. */
  private readonly quietExtras: AskExtra[] = [];
  private readonly observers: { agent: Agent; seat: Seat }[] = [];
  private readonly watchers: { agent: Agent; seat: Seat }[] = [];
  private watchedTurn: string | null | undefined;
  private readonly matchToken = {};
  /** In a sequential game the one acting seat is the current player (the conformance kit checks it), so asking who acts needs no list. */
  private readonly sequential: boolean;
  private readonly questions: StateQuestions<S>;
  /**
   * The clock's reading at the end of the last synchronous answer, kept while nothing but the
   * engine and this loop have run since (no await, no caller's callback): the next decision starts
   * from it rather than reading the clock again. A bot match then reads the clock once per
   * decision; the microseconds of engine work between two decisions count as thinking.
   */
  private lastReading: number | undefined;
  /** Whether the caller's callbacks run between decisions: then no reading is kept for the next. */
  private readonly callsBack: boolean;

  constructor(private readonly options: RunMatchOptions<S, P>) {
    const { game, agents } = options;
    this.game = game;
    this.agents = agents;
    this.clock = options.clock ?? systemClock;
    this.state = game.newInitialState(options.params);
    const n = game.numPlayers(this.state);
    if (agents.length !== n) {
      throw new Error(`${game.descriptor.id} with these parameters seats ${n}, but ${agents.length} agents were given`);
    }
    this.messages = options.resume?.messages ? [...options.resume.messages] : [];
    this.modelCalls = options.resume?.modelCalls ? [...options.resume.modelCalls] : [];
    this.chance = new ChanceDraws(options.seed);
    this.decisionSeeds = new DecisionSeeds(options.seed, n);
    for (let seat = 0; seat < n; seat++) {
      this.recorders.push((call: ModelCall) => this.recordModelCall(seat, call));
      this.quietExtras.push({ inbox: NO_MESSAGES, recordModelCall: this.recorders[seat] as (call: ModelCall) => void });
      const agent = agents[seat] as Agent;
      if (agent.observe) this.observers.push({ agent, seat });
      if (agent.watch) this.watchers.push({ agent, seat });
    }
    this.sequential = game.descriptor.traits.dynamics === 'sequential';
    this.questions = new StateQuestions(game);
    this.callsBack = options.onEvent !== undefined || options.onAnswer !== undefined || this.observers.length > 0;
  }

  async run(): Promise<MatchResult<S, P>> {
    const { game, agents, options, questions } = this;
    const maxActions = options.maxActions ?? 1_000_000;
    const restoring = options.resume ? this.applyPrefix(options.resume) : [];
    if (restoring.length > 0) await this.restoreMemories(restoring);
    let negotiatedTurn = this.messages.length > 0 ? this.messages[this.messages.length - 1]?.phase : undefined;
    this.showObservers();
    try {
      while (!questions.isTerminal(this.state)) {
        if (options.signal?.aborted) throw new Error('match aborted');
        if (this.actions.length >= maxActions) throw new Error(`match exceeded ${maxActions} actions`);
        const current = questions.currentPlayer(this.state);
        if (current === 'chance') {
          this.commit('chance', this.chance.next(game, this.state), 0);
          continue;
        }
        const turn = questions.turnKey(this.state);
        if (turn !== undefined && this.watchers.length > 0) {
          await this.watchAll(turn);
          this.lastReading = undefined;
        }
        const seats = questions.actingSeats(this.state);
        if (turn !== negotiatedTurn && game.negotiationPhase?.(this.state) && (options.press || (options.pressRounds ?? 0) > 0)) {
          negotiatedTurn = turn;
          await this.negotiate(turn ?? String(this.actions.length), seats);
          this.lastReading = undefined;
        }
        // Every acting seat decides on the same state; in sequential games that is one seat. When
        // every agent answers synchronously (bots) nothing is awaited: no promise per action.
        const decisions = new Array<Answer | Promise<Answer>>(seats.length);
        let waiting = false;
        for (let i = 0; i < seats.length; i++) {
          const d = this.ask(seats[i] as Seat);
          waiting ||= isPromise(d);
          decisions[i] = d;
        }
        let answers = decisions as Answer[];
        if (waiting) {
          answers = await Promise.all(decisions);
          this.lastReading = undefined;
        }
        // Answers cut short by a stop are not played: the match resumes from what was applied.
        if (options.signal?.aborted) throw new Error('match aborted');
        const simultaneous = current === 'simultaneous';
        for (let i = 0; i < seats.length; i++) {
          const seat = seats[i] as Seat;
          let answer = answers[i] as Answer;
          options.onAnswer?.(seat, answer.ms);
          this.apply(seat, answer, simultaneous, turn);
          // An incremental agent (a bot choosing one order at a time) is asked again for the rest.
          const agent = agents[seat] as Agent;
          while (
            simultaneous &&
            agent.incremental &&
            !answer.failure &&
            answer.actions.length > 0 &&
            this.stillActing(seat, turn)
          ) {
            const next = this.ask(seat);
            answer = isPromise(next) ? await next : next;
            if (options.signal?.aborted) throw new Error('match aborted');
            this.apply(seat, answer, simultaneous, turn);
          }
          // Whatever the agent left undecided (or could not say in time) gets the safe default.
          while (this.stillActing(seat, turn)) {
            const played = verdict(game, this.state, seat, undefined, answer.failure);
            this.commit(seat, played.action, answer.ms, played.substitution);
          }
        }
      }
      if (this.watchers.length > 0) await this.watchAll(null);
    } finally {
      // Awaited only when some agent's close is asynchronous: a bot match then ends without a tick.
      const closing = this.closeAgents();
      if (closing) await closing;
    }

    const record = withLazyHash<P>(
      {
        format: RECORD_FORMAT,
        version: RECORD_VERSION,
        game: game.descriptor.id,
        params: options.params,
        seed: options.seed,
        seats: agents.map((a, seat) => ({ seat, agent: a.name })),
        actions: this.actions,
        messages: this.messages,
        modelCalls: this.modelCalls,
        returns: [...game.returns(this.state)],
      },
      this.state,
    );
    return { record, finalState: this.state };
  }

  /** Closes every agent; a promise only when some close is asynchronous. */
  private closeAgents(): Promise<unknown> | undefined {
    const pending: unknown[] = [];
    for (const agent of this.agents) {
      const closing = agent.close?.();
      if (closing !== undefined) pending.push(closing);
    }
    return pending.length > 0 ? Promise.all(pending) : undefined;
  }

  /**
   * Validates and applies a stored prefix, synchronously: whoever resumes sees it applied before
   * anything is awaited. Returns the seats that keep memory, with their own view of each turn the
   * prefix opened, as `watch` saw it.
   */
  private applyPrefix(resume: NonNullable<RunMatchOptions<S, P>['resume']>): { seat: Seat; turns: RecordedTurn[] }[] {
    const { game } = this;
    const restoring = this.agents.flatMap((a, seat) => (a.restore ? [{ seat, turns: [] as RecordedTurn[] }] : []));
    let openTurn: string | undefined;
    for (const recorded of resume.actions) {
      const error = game.validateAction(this.state, recorded.actor, recorded.action);
      if (error)
        throw new Error(`cannot resume: stored action ${recorded.seq} '${recorded.action}' is invalid: ${error.message}`);
      const turn = restoring.length > 0 && game.currentPlayer(this.state) !== 'chance' ? game.turnKey?.(this.state) : undefined;
      if (turn !== undefined && turn !== openTurn) {
        openTurn = turn;
        const seq = this.actions.length;
        // What was delivered before the turn's own press (runtime/branch.ts cuts the prefix the same way).
        const before = this.messages.filter((m) => m.seq < seq || (m.seq === seq && m.phase !== turn));
        for (const { seat, turns } of restoring) {
          const inbox = before.filter((m) => mayRead(m, seat)).map(({ seq: _seq, ...m }) => m);
          turns.push({ seq, turn, observation: game.observation(this.state, seat), inbox });
        }
      }
      if (recorded.actor === 'chance') this.chance.skip();
      this.state = game.applyAction(this.state, recorded.actor, recorded.action);
      this.actions.push(recorded);
    }
    this.options.onResume?.(this.state);
    return restoring;
  }

  private async restoreMemories(restoring: { seat: Seat; turns: RecordedTurn[] }[]): Promise<void> {
    const storedCalls = this.options.resume?.modelCalls ?? [];
    await Promise.all(
      restoring.map(async ({ seat, turns }) => {
        const own = storedCalls.filter((c) => c.seat === seat).map(({ seat: _seat, ...c }) => c);
        try {
          await this.agents[seat]!.restore!({
            gameId: this.game.descriptor.id,
            seat,
            seq: this.actions.length,
            turns,
            modelCalls: own,
          });
        } catch (error) {
          throw new Error(`cannot resume: seat ${seat} could not restore its memory: ${describe(error)}`);
        }
      }),
    );
  }

  /** The press step before a negotiation turn: the caller's (`options.press`) or the agents' rounds. */
  private async negotiate(phase: string, seats: readonly Seat[]): Promise<void> {
    const { game, agents, options, state } = this;
    const context: PressContext<S> = {
      state,
      phase,
      deliver: (m) => this.deliver(m, phase),
      runAgentRounds: async (rounds, firstRound = 0) => {
        const shortest = Math.min(...seats.map((s) => this.deadline(s)));
        const sent = await runPressRounds({
          game,
          state,
          agents,
          rngs: agents.map((_, seat) => this.seatRng(seat)),
          rounds,
          firstRound,
          deadlineFor: (seat) => options.pressDeadlineFor?.(seat, state) ?? shortest,
          phase,
          inboxOf: (seat) => this.inboxOf(seat),
          recorderFor: (seat) => this.recorders[seat] as (call: ModelCall) => void,
          signal: options.signal,
          clock: this.clock,
        });
        for (const m of sent) this.deliver(m, phase);
      },
    };
    await (options.press ? options.press(context) : context.runAgentRounds(options.pressRounds ?? 0));
  }

  /** Agents that watch every turn (remote protocol seats, agents that keep memory) are told of each new one, and of the end. */
  private async watchAll(turn: string | null): Promise<void> {
    if (turn === this.watchedTurn) return;
    this.watchedTurn = turn;
    const seatNames = this.agents.map((a) => a.name);
    await Promise.all(
      this.watchers.map(({ agent, seat }) =>
        Promise.resolve()
          .then(() =>
            agent.watch?.({
              gameId: this.game.descriptor.id,
              seat,
              observation: this.game.observation(this.state, seat),
              turn,
              seatNames,
              match: this.matchToken,
              inbox: this.inboxOf(seat),
            }),
          )
          .catch(() => undefined),
      ),
    );
  }

  private ask(seat: Seat): Answer | Promise<Answer> {
    const { options } = this;
    const answer = askAgent(
      this.game,
      this.state,
      seat,
      this.agents[seat] as Agent,
      this.seatRng(seat),
      this.deadline(seat),
      this.clock,
      options.signal,
      this.messages.length === 0
        ? this.quietExtras[seat]
        : { inbox: this.inboxOf(seat), recordModelCall: this.recorders[seat] as (call: ModelCall) => void },
      this.lastReading,
    );
    this.lastReading = this.callsBack || isPromise(answer) ? undefined : answer.at;
    return answer;
  }

  private deadline(seat: Seat): number {
    const { options } = this;
    return options.deadlineFor ? options.deadlineFor(seat, this.state) : (options.deadlineMs ?? DEFAULT_DEADLINE_MS);
  }

  private seatRng(seat: Seat): Rng {
    return this.decisionSeeds.rng(seat, this.actions.length);
  }

  private stillActing(seat: Seat, turn: string | undefined): boolean {
    const { questions, state } = this;
    return (
      !questions.isTerminal(state) &&
      (this.sequential ? questions.currentPlayer(state) === seat : questions.actingSeats(state).includes(seat)) &&
      questions.turnKey(state) === turn
    );
  }

  private apply(seat: Seat, a: Answer, simultaneous: boolean, turn: string | undefined): void {
    const count = simultaneous ? a.actions.length : Math.min(1, a.actions.length);
    for (let k = 0; k < count; k++) {
      const proposed = a.actions[k] as string;
      if (!this.stillActing(seat, turn)) break;
      const played = verdict(this.game, this.state, seat, proposed);
      this.commit(seat, played.action, a.ms, played.substitution);
    }
  }

  private commit(actor: Actor, action: string, ms: number, extra?: Substitution): void {
    this.state = this.game.applyAction(this.state, actor, action);
    const record: ActionRecord = extra
      ? { seq: this.actions.length, actor, action, ms, ...extra }
      : { seq: this.actions.length, actor, action, ms };
    this.actions.push(record);
    this.options.onEvent?.({ record, state: this.state });
    if (this.observers.length > 0) this.showObservers();
  }

  private showObservers(): void {
    for (const { agent, seat } of this.observers) agent.observe?.(this.state, seat);
  }

  private inboxOf(seat: Seat): PressMessage[] {
    return this.messages.filter((m) => mayRead(m, seat)).map(({ seq: _seq, ...m }) => m);
  }

  private deliver(message: PressMessage, phase: string): void {
    const record: MessageRecord = {
      seq: this.actions.length,
      phase: message.phase ?? phase,
      from: message.from,
      to: message.to === 'all' ? 'all' : [...message.to],
      text: message.text,
      ...(message.commitments ? { commitments: [...message.commitments] } : {}),
    };
    this.messages.push(record);
    this.options.onMessage?.(record);
  }

  private recordModelCall(seat: Seat, call: ModelCall): void {
    const record = { ...call, seq: this.actions.length, seat };
    this.modelCalls.push(record);
    this.options.onModelCall?.(record);
  }
}
