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
import { type Actor, createRng, finishSeed, type Game, mixPart, type Seat, sampleOutcome, seedMix } from '@parley/games';
import { type Answer, type AskExtra, askAgent, describe, isPromise, type Substitution, verdict } from './ask-agent';
import { stateHash } from './canonical';
import { type Clock, systemClock } from './clock';
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

export async function runMatch<S, P>(options: RunMatchOptions<S, P>): Promise<MatchResult<S, P>> {
  const { game, params, seed, agents } = options;
  const clock = options.clock ?? systemClock;
  const maxActions = options.maxActions ?? 1_000_000;
  const deadlineFor = options.deadlineFor ?? (() => options.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const { pressDeadlineFor } = options;
  let state = game.newInitialState(params);
  const n = game.numPlayers(state);
  if (agents.length !== n) {
    throw new Error(`${game.descriptor.id} with these parameters seats ${n}, but ${agents.length} agents were given`);
  }

  const actions: ActionRecord[] = [];
  const messages: MessageRecord[] = [...(options.resume?.messages ?? [])];
  const modelCalls: ModelCallRecord[] = [...(options.resume?.modelCalls ?? [])];
  let chanceDraws = 0;
  // deriveSeed(seed, 'seat', seat, actions.length), its common prefix mixed once per match.
  const seatPrefix = mixPart(seedMix(seed), 'seat');
  const seatRng = (seat: Seat) => createRng(finishSeed(mixPart(mixPart(seatPrefix, seat), actions.length)));
  const recorders = agents.map((_, seat) => (call: ModelCall) => {
    const record = { ...call, seq: actions.length, seat };
    modelCalls.push(record);
    options.onModelCall?.(record);
  });
  const recorderFor = (seat: Seat) => recorders[seat] as (call: ModelCall) => void;
  const inboxOf = (seat: Seat): PressMessage[] => messages.filter((m) => mayRead(m, seat)).map(({ seq: _seq, ...m }) => m);
  const deliver = (message: PressMessage, phase: string) => {
    const record: MessageRecord = {
      seq: actions.length,
      phase: message.phase ?? phase,
      from: message.from,
      to: message.to === 'all' ? 'all' : [...message.to],
      text: message.text,
      ...(message.commitments ? { commitments: [...message.commitments] } : {}),
    };
    messages.push(record);
    options.onMessage?.(record);
  };

  // Seats that keep memory are given their own view of each turn the prefix opened, as `watch` saw it.
  const restoring = options.resume ? agents.flatMap((a, seat) => (a.restore ? [seat] : [])) : [];
  const turnsSeen = restoring.map((): RecordedTurn[] => []);
  let openTurn: string | undefined;
  for (const recorded of options.resume?.actions ?? []) {
    const error = game.validateAction(state, recorded.actor, recorded.action);
    if (error) throw new Error(`cannot resume: stored action ${recorded.seq} '${recorded.action}' is invalid: ${error.message}`);
    const turn = restoring.length > 0 && game.currentPlayer(state) !== 'chance' ? game.turnKey?.(state) : undefined;
    if (turn !== undefined && turn !== openTurn) {
      openTurn = turn;
      const seq = actions.length;
      // What was delivered before the turn's own press (runtime/branch.ts cuts the prefix the same way).
      const before = messages.filter((m) => m.seq < seq || (m.seq === seq && m.phase !== turn));
      restoring.forEach((seat, k) => {
        const inbox = before.filter((m) => mayRead(m, seat)).map(({ seq: _seq, ...m }) => m);
        turnsSeen[k]!.push({ seq, turn, observation: game.observation(state, seat), inbox });
      });
    }
    if (recorded.actor === 'chance') chanceDraws++;
    state = game.applyAction(state, recorded.actor, recorded.action);
    actions.push(recorded);
  }
  // Synchronous up to here: whoever resumes sees the prefix applied before anything is awaited.
  if (options.resume) options.onResume?.(state);
  if (restoring.length > 0)
    await Promise.all(
      restoring.map(async (seat, k) => {
        const own = (options.resume?.modelCalls ?? []).filter((c) => c.seat === seat).map(({ seat: _seat, ...c }) => c);
        try {
          await agents[seat]!.restore!({
            gameId: game.descriptor.id,
            seat,
            seq: actions.length,
            turns: turnsSeen[k]!,
            modelCalls: own,
          });
        } catch (error) {
          throw new Error(`cannot resume: seat ${seat} could not restore its memory: ${describe(error)}`);
        }
      }),
    );
  let negotiatedTurn = messages.length > 0 ? messages[messages.length - 1]?.phase : undefined;
  // Agents that watch every turn (remote protocol seats, agents that keep memory) are told of each new one, and of the end.
  const watchers = agents.map((a, seat) => ({ a, seat })).filter(({ a }) => a.watch);
  const matchToken = {};
  let watchedTurn: string | null | undefined;
  const watchAll = async (turn: string | null) => {
    if (watchers.length === 0 || turn === watchedTurn) return;
    watchedTurn = turn;
    const seatNames = agents.map((a) => a.name);
    await Promise.all(
      watchers.map(({ a, seat }) =>
        Promise.resolve()
          .then(() =>
            a.watch?.({
              gameId: game.descriptor.id,
              seat,
              observation: game.observation(state, seat),
              turn,
              seatNames,
              match: matchToken,
              inbox: inboxOf(seat),
            }),
          )
          .catch(() => undefined),
      ),
    );
  };

  const commit = (actor: Actor, action: string, ms: number, extra?: Substitution) => {
    state = game.applyAction(state, actor, action);
    const record: ActionRecord = extra
      ? { seq: actions.length, actor, action, ms, ...extra }
      : { seq: actions.length, actor, action, ms };
    actions.push(record);
    options.onEvent?.({ record, state });
    if (observers.length > 0) showObservers();
  };
  const observers = agents.flatMap((agent, seat) => (agent.observe ? [{ agent, seat }] : []));
  const showObservers = () => {
    for (const { agent, seat } of observers) agent.observe?.(state, seat);
  };
  showObservers();

  // Defined once per match rather than per decision: bot matches make millions of decisions. In a
  // sequential game the one acting seat is the current player (the conformance kit checks it), so
  // asking who acts needs no list.
  const sequential = game.descriptor.traits.dynamics === 'sequential';
  const stillActing = (seat: Seat, turn: string | undefined) =>
    !game.isTerminal(state) &&
    (sequential ? game.currentPlayer(state) === seat : game.actingSeats(state).includes(seat)) &&
    game.turnKey?.(state) === turn;
  const apply = (seat: Seat, a: Answer, simultaneous: boolean, turn: string | undefined) => {
    const count = simultaneous ? a.actions.length : Math.min(1, a.actions.length);
    for (let k = 0; k < count; k++) {
      const proposed = a.actions[k] as string;
      if (!stillActing(seat, turn)) break;
      const played = verdict(game, state, seat, proposed);
      commit(seat, played.action, a.ms, played.substitution);
    }
  };
  // Before any press (every bot match) a seat's extra input is the same each time: made once.
  const quietExtras: AskExtra[] = agents.map((_, seat) => ({ inbox: NO_MESSAGES, recordModelCall: recorderFor(seat) }));
  const ask = (seat: Seat): Answer | Promise<Answer> =>
    askAgent(
      game,
      state,
      seat,
      agents[seat] as Agent,
      seatRng(seat),
      deadlineFor(seat, state),
      clock,
      options.signal,
      messages.length === 0 ? quietExtras[seat] : { inbox: inboxOf(seat), recordModelCall: recorderFor(seat) },
    );

  try {
    while (!game.isTerminal(state)) {
      if (options.signal?.aborted) throw new Error('match aborted');
      if (actions.length >= maxActions) throw new Error(`match exceeded ${maxActions} actions`);
      const current = game.currentPlayer(state);
      if (current === 'chance') {
        commit('chance', chanceAction(game, state, seed, chanceDraws++), 0);
        continue;
      }
      const turn = game.turnKey?.(state);
      if (turn !== undefined && watchers.length > 0) await watchAll(turn);
      const seats = game.actingSeats(state);
      if (turn !== negotiatedTurn && game.negotiationPhase?.(state) && (options.press || (options.pressRounds ?? 0) > 0)) {
        negotiatedTurn = turn;
        const phase = turn ?? String(actions.length);
        const context: PressContext<S> = {
          state,
          phase,
          deliver: (m) => deliver(m, phase),
          runAgentRounds: async (rounds, firstRound = 0) => {
            const shortest = Math.min(...seats.map((s) => deadlineFor(s, state)));
            const sent = await runPressRounds({
              game,
              state,
              agents,
              rngs: agents.map((_, seat) => seatRng(seat)),
              rounds,
              firstRound,
              deadlineFor: (seat) => pressDeadlineFor?.(seat, state) ?? shortest,
              phase,
              inboxOf,
              recorderFor,
              signal: options.signal,
              clock,
            });
            for (const m of sent) deliver(m, phase);
          },
        };
        await (options.press ? options.press(context) : context.runAgentRounds(options.pressRounds ?? 0));
      }
      // Every acting seat decides on the same state; in sequential games that is one seat. When
      // every agent answers synchronously (bots) nothing is awaited: no promise per action.
      const decisions: (Answer | Promise<Answer>)[] = [];
      let waiting = false;
      for (const seat of seats) {
        const d = ask(seat);
        waiting ||= isPromise(d);
        decisions.push(d);
      }
      const answers = waiting ? await Promise.all(decisions) : (decisions as Answer[]);
      // Answers cut short by a stop are not played: the match resumes from what was applied.
      if (options.signal?.aborted) throw new Error('match aborted');
      const simultaneous = current === 'simultaneous';
      for (let i = 0; i < seats.length; i++) {
        const seat = seats[i] as Seat;
        let answer = answers[i] as Answer;
        options.onAnswer?.(seat, answer.ms);
        apply(seat, answer, simultaneous, turn);
        // An incremental agent (a bot choosing one order at a time) is asked again for the rest.
        const agent = agents[seat] as Agent;
        while (simultaneous && agent.incremental && !answer.failure && answer.actions.length > 0 && stillActing(seat, turn)) {
          const next = ask(seat);
          answer = isPromise(next) ? await next : next;
          if (options.signal?.aborted) throw new Error('match aborted');
          apply(seat, answer, simultaneous, turn);
        }
        // Whatever the agent left undecided (or could not say in time) gets the safe default.
        while (stillActing(seat, turn)) {
          const played = verdict(game, state, seat, undefined, answer.failure);
          commit(seat, played.action, answer.ms, played.substitution);
        }
      }
    }
    if (watchers.length > 0) await watchAll(null);
  } finally {
    // Awaited only when some agent's close is asynchronous: a bot match then ends without a tick.
    const closing = agents.map((a) => a.close?.());
    if (closing.some((c) => c !== undefined)) await Promise.all(closing);
  }

  const record: MatchRecord<P> = {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    game: game.descriptor.id,
    params,
    seed,
    seats: agents.map((a, seat) => ({ seat, agent: a.name })),
    actions,
    messages,
    modelCalls,
    returns: [...game.returns(state)],
    finalStateHash: '',
  };
  hashWhenRead(record, state);
  return { record, finalState: state };
}

/**
 * Makes `record.finalStateHash` the hash of `finalState`, computed the first time it is read.
 * Hashing the canonical JSON of the final state costs as much as a whole one-hand poker match,
 * and bot runs that only total the returns never read it; whoever does (the store, `--out`, a
 * replay, `structuredClone`, `JSON.stringify`) reads the same string, in the same place among
 * the keys, as if it had been computed here; states are immutable, so later gives the same.
 *
 * One accessor pair serves every record, the state waiting in a weak map: a getter made per
 * record (a closure, or one in the literal) gave each record a hidden class of its own, and the
 * collector spent more on those than the hash saved.
 */
function hashWhenRead(record: MatchRecord<unknown>, finalState: unknown): void {
  unhashed.set(record, finalState);
  Object.defineProperty(record, 'finalStateHash', LAZY_HASH);
}

const unhashed = new WeakMap<object, unknown>();

function settleHash(record: MatchRecord<unknown>, value: string): string {
  unhashed.delete(record);
  Object.defineProperty(record, 'finalStateHash', { value, writable: true, enumerable: true, configurable: true });
  return value;
}

const LAZY_HASH: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: MatchRecord<unknown>): string {
    return settleHash(this, stateHash(unhashed.get(this)));
  },
  set(this: MatchRecord<unknown>, value: string): void {
    settleHash(this, value);
  },
};

let chancePrefixSeed = Number.NaN;
let chancePrefix = 0;

/**
 * The chance outcome at `state`, the `draw`-th of the match: derived from the seed alone (and the
 * game's chance key), so anyone holding the revealed seed can recompute every deal (verify.ts).
 */
export function chanceAction<S>(game: Game<S, any>, state: S, seed: number, draw: number): string {
  if (seed !== chancePrefixSeed) {
    chancePrefixSeed = seed;
    chancePrefix = mixPart(seedMix(seed), 'chance');
  }
  // deriveSeed(seed, 'chance', key), the prefix mixed once per seed.
  const rng = createRng(finishSeed(mixPart(chancePrefix, game.chanceKey?.(state) ?? draw)));
  return game.sampleChance ? game.sampleChance(state, rng) : sampleOutcome(game.chanceOutcomes(state), rng).action;
}
