/**
 * What the match loop asks of the current state (is it over, who moves, which turn it is, who
 * acts), each asked of the engine once per state. Engines are pure and states immutable, so the
 * answers cannot change; without this the loop's own test and the check whether a seat still acts
 * asked them again around every action, and some engines work for each answer (Leduc replays the
 * hand's betting).
 */
import type { CurrentPlayer, Game, Seat } from '@parley/games';

/** Each `…Of` field is the state its answer was asked of (undefined before the first: no state is). */
export class StateQuestions<S> {
  #terminalOf: S | undefined;
  #terminal = false;
  #currentOf: S | undefined;
  #current: CurrentPlayer = 'terminal';
  #turnOf: S | undefined;
  #turn: string | undefined;
  #seatsOf: S | undefined;
  #seats: readonly Seat[] = [];

  constructor(private readonly game: Game<S, any>) {}

  isTerminal(state: S): boolean {
    if (this.#terminalOf !== state) {
      this.#terminal = this.game.isTerminal(state);
      this.#terminalOf = state;
    }
    return this.#terminal;
  }

  currentPlayer(state: S): CurrentPlayer {
    if (this.#currentOf !== state) {
      this.#current = this.game.currentPlayer(state);
      this.#currentOf = state;
    }
    return this.#current;
  }

  turnKey(state: S): string | undefined {
    if (this.#turnOf !== state) {
      this.#turn = this.game.turnKey?.(state);
      this.#turnOf = state;
    }
    return this.#turn;
  }

  /** The engine's list, shared: callers only read it. */
  actingSeats(state: S): readonly Seat[] {
    if (this.#seatsOf !== state) {
      this.#seats = this.game.actingSeats(state);
      this.#seatsOf = state;
    }
    return this.#seats;
  }
}
