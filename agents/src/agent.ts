/**
 * The one interface every player implements: built-in bots, LLM agents, external bots and
 * people in a browser. An agent sees only what its seat may see, and answers with an action
 * (or, in a simultaneous phase such as a Diplomacy turn, a list of actions) in the game's text form.
 * The runtime checks every answer against the engine; an illegal, missing or late answer becomes
 * the game's safe default (hold, check or fold) and is recorded as such.
 */
import type { Rng, Seat } from '@parley/games';
import type { Commitment, ModelCall } from '@parley/protocol';

export interface DecisionInput {
  readonly gameId: string;
  readonly seat: Seat;
  /** The seat's observation: exactly what `game.observation(state, seat)` returns. */
  readonly observation: unknown;
  /** Every legal action of the seat, sorted; for ranged games a representative set (see the game). */
  readonly legalActions: readonly string[];
  /** Wall-clock milliseconds this decision may take; the runtime plays the default after that. */
  readonly deadlineMs: number;
  /** Seeded randomness for this seat, independent of chance and of other seats. */
  readonly rng: Rng;
  /** Aborted when the deadline passes or the match stops, so slow work (an HTTP call) can stop. */
  readonly signal?: AbortSignal;
  /**
   * The seat's perfect-recall information state, `game.infoStateKey(state, seat)`, filled by the
   * runtime. It encodes only what the seat has seen (its own cards and the public actions), so it
   * reveals nothing beyond the observation; tabular policies (`policy:FILE.json`) key on it.
   */
  readonly infoStateKey?: string;
  /** Press received so far in this match (Diplomacy), oldest first. */
  readonly inbox?: readonly PressMessage[];
  /** Puts a model call on the record (LLM agents call it once per request, retries included). */
  readonly recordModelCall?: (call: ModelCall) => void;
}

/**
 * A press message between seats. `to` lists the recipients (`'all'` for a public message).
 * `commitments` are structured promises the analyzer can check against the orders later.
 */
export interface PressMessage {
  readonly from: Seat;
  readonly to: readonly Seat[] | 'all';
  readonly text: string;
  readonly commitments?: readonly Commitment[];
  /** The phase it was sent in (e.g. `S1901M`), filled by the runtime. */
  readonly phase?: string;
}

/** A typed promise in press (the Diplomacy engine's vocabulary; its wire schema is @parley/protocol's). */
export type { Commitment } from '@parley/protocol';

export interface PressInput extends Omit<DecisionInput, 'legalActions'> {
  /** The seats this seat may write to. */
  readonly recipients: readonly Seat[];
  /** Which press round of the phase this is, from 0. */
  readonly round: number;
}

/** One request to a model, as the record keeps it (its wire shape is @parley/protocol's). */
export type { ModelCall } from '@parley/protocol';

export type Decision = string | readonly string[];

export interface TurnView {
  readonly gameId: string;
  readonly seat: Seat;
  /** `game.observation(state, seat)`. */
  readonly observation: unknown;
  /** The turn this view opens, e.g. `S1901M`, or null once the game is over. */
  readonly turn: string | null;
  /** Every seat's agent name, for result summaries. */
  readonly seatNames: readonly string[];
  /** The same object for every seat of one match (and a different one per match): seats of one game can find each other. */
  readonly match: object;
  /** Press the seat has received so far (games with press). */
  readonly inbox?: readonly PressMessage[];
}

/** A turn of a recorded prefix as the seat saw it when the turn opened (what `watch` was told then). */
export interface RecordedTurn {
  /** Actions applied before the turn opened. */
  readonly seq: number;
  readonly turn: string;
  /** `game.observation(state, seat)` when the turn opened. */
  readonly observation: unknown;
  /** The press the seat could read when the turn opened. */
  readonly inbox: readonly PressMessage[];
}

/** One of the seat's own model calls on the record, placed before action `seq`. */
export interface RecordedCall extends ModelCall {
  readonly seq: number;
}

/**
 * What a seat may see of a recorded prefix when a match is resumed or forked (runtime/branch.ts):
 * its own view of every turn that opened, and its own model calls (with the memory each carried),
 * never another seat's calls or private press.
 */
export interface RestoreInput {
  readonly gameId: string;
  readonly seat: Seat;
  /** Actions in the prefix: the agent's next decision is at this `seq`. */
  readonly seq: number;
  readonly turns: readonly RecordedTurn[];
  readonly modelCalls: readonly RecordedCall[];
}

export interface Agent {
  /** A short, stable name used in records and leaderboards, e.g. `random` or `llm:gpt-4o`. */
  readonly name: string;
  act(input: DecisionInput): Decision | Promise<Decision>;
  /**
   * In simultaneous phases (a Diplomacy turn), ask again after each answer until the seat has
   * nothing left to decide, instead of playing the default for what the answer left out. Bots
   * that pick one action at a time set it; agents that answer a whole phase at once do not.
   */
  readonly incremental?: boolean;
  /** Optional: write press during a negotiation period (Diplomacy). */
  negotiate?(input: PressInput): readonly PressMessage[] | Promise<readonly PressMessage[]>;
  /**
   * Optional, for trusted in-process seats that speak another wire protocol (the ACPC dealer's
   * seats): the full game state after every applied action (and once before the first), so the
   * seat can push its client a view after anybody's action. Such a seat must show its client
   * only what `seat` may see.
   */
  observe?(state: unknown, seat: Seat): void;
  /**
   * Optional: told the seat's view at the start of every turn (each new `turnKey`, in games that
   * have turns) and once at the end, whether or not the seat acts in that turn. Unlike `observe`
   * (every action, synchronous), the runtime waits for the returned promise: a seat played from
   * another protocol (DAIDE) waits there for its client to arrive before the first turn. An
   * agent that keeps memory (the LLM Diplomacy agent) reads every phase's results here.
   */
  watch?(input: TurnView): void | Promise<void>;
  /**
   * Optional: called once, before anything else, when the runner resumes a match from a recorded
   * prefix (a fork, a restart), so an agent that keeps memory can be where it was at that point
   * instead of starting empty. Without it a continuation prompts the model differently from the
   * uninterrupted match. A throw stops the resume: a continuation that silently forgot is no
   * experiment.
   */
  restore?(input: RestoreInput): void | Promise<void>;
  /** Optional: called once when the match ends, to release connections. */
  close?(): void | Promise<void>;
}
