/**
 * The one interface every player implements: built-in bots, LLM agents, external bots and
 * people in a browser. An agent sees only what its seat may see, and answers with an action
 * (or, in a simultaneous phase such as a Diplomacy turn, a list of actions) in the game's text form.
 * The runtime checks every answer against the engine; an illegal, missing or late answer becomes
 * the game's safe default (hold, check or fold) and is recorded as such.
 */
import type { Rng, Seat } from '@parley/games';

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
}

export type Decision = string | readonly string[];

export interface Agent {
  /** A short, stable name used in records and leaderboards, e.g. `random` or `llm:gpt-4o`. */
  readonly name: string;
  act(input: DecisionInput): Decision | Promise<Decision>;
  /** Optional: called once when the match ends, to release connections. */
  close?(): void | Promise<void>;
}
