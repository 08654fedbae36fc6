/**
 * The game interface every Parley engine implements.
 *
 * A game is a registered descriptor plus pure, synchronous functions over a plain-JSON state.
 * The shape follows OpenSpiel: a state is a node of the game tree that you advance with
 * `applyAction`; chance is an explicit actor whose outcomes are listed with probabilities; each
 * seat sees the state only through `observation`, spectators through `spectatorView`; and
 * `infoStateKey` is the perfect-recall information state that solvers key on.
 *
 * Contracts every engine keeps (the conformance kit in `../testkit` checks them):
 * - States are plain JSON (no classes, Maps, undefined-valued keys or functions) and are never
 *   mutated: `applyAction` returns a new state.
 * - No clock, no `Math.random`, no I/O: all randomness comes in as chance actions.
 * - Actions are strings in a stable text form (`"bet"`, `"raise 300"`, `"A PAR - BUR"`), so
 *   records, prompts and logs all speak the same language.
 * - `legalActions(s, seat)` is sorted (by `compareActions`), has no duplicates, and is non-empty
 *   for every seat in `actingSeats(s)` until the state is terminal.
 * - `validateAction` returns null or a typed error and never throws; `applyAction` assumes a
 *   valid action and throws only on broken invariants.
 */

import type { Rng } from './rng';

/** A seat index, 0-based. */
export type Seat = number;

/** Who moves next. `'simultaneous'` means every seat in `actingSeats` may act, in any order. */
export type CurrentPlayer = Seat | 'chance' | 'simultaneous' | 'terminal';

/** The one who applies an action: a seat, or chance. */
export type Actor = Seat | 'chance';

/** One chance outcome, with its probability. Probabilities at a chance node sum to 1. */
export interface ChanceOutcome {
  readonly action: string;
  readonly probability: number;
}

/** Namespaced error codes: `action/…` for the generic layer, `<game>/…` for a game's own rules. */
export interface ActionError {
  readonly code: string;
  readonly message: string;
  readonly detail?: unknown;
}

export interface GameTraits {
  /** Sequential games have one seat (or chance) to move; simultaneous games let several act at once. */
  readonly dynamics: 'sequential' | 'simultaneous';
  readonly chance: 'none' | 'explicit';
  readonly information: 'perfect' | 'imperfect';
  readonly utility: 'zero-sum' | 'constant-sum' | 'general-sum';
}

/**
 * What a game offers beyond the core interface. The server and the web ask these, never the
 * game's id, so a new game joins every surface by declaring them (see the README's recipe).
 * Every field may be left out; `supportsOf` fills in the plain defaults.
 */
export interface GameSupports<P = unknown> {
  /**
   * The whole tree is small enough to enumerate (well under a million nodes) at the default
   * parameters: exact CFR, best response and exploitability apply (larger parameters meet the
   * compiler's node cap, a clear error). Needs two players, sequential moves and zero-sum returns.
   */
  readonly exactTree?: boolean;
  /** Export formats beyond Parley's JSON record: `phh` (poker hand histories), `diplomacy` (saved games). */
  readonly exports?: readonly GameExportFormat[];
  /** The web view that draws a table of this game; `generic` shows the views and legal actions of any game. */
  readonly view?: GameView;
  /**
   * Seats negotiate in press phases: agents keep notes across decisions and clocks run per phase.
   * The commitment vocabulary of such a game is its `validateCommitment`.
   */
  readonly press?: boolean;
  /**
   * Its finished matches can be analysed for cooperation and honesty (supports, alliances,
   * betrayals, promises kept) and judged by a model: the server's press analyzer reads its records.
   */
  readonly judge?: boolean;
  /** Names of the seats in order (Diplomacy's powers); otherwise seats are `Seat 0`, `Seat 1`, … */
  readonly seatNames?: readonly string[];
  /**
   * The parameter that ends a game which could otherwise run for ever (Diplomacy's `lastYear`);
   * callers below the operator get their cap on it.
   */
  readonly lengthParam?: string;
  /**
   * The parameters a person sets when making a match, as form fields in this order; the web
   * draws them instead of raw JSON (which stays available for the rest). The server still
   * validates every value with `parseParams`.
   */
  readonly paramFields?: readonly ParamField[];
  /**
   * A new match's seats as a person's create form proposes them: `human` for the person, then
   * ids of built-in agents. Seats beyond the list (or all, without one) start as `random`.
   */
  readonly defaultSeats?: readonly string[];
  /**
   * For a `poker-table` view: the shape of the engine's observations and spectator views, which
   * the web's table model reads (`hold-em`: seats with stacks, a five-card board and a hand log;
   * `card-and-board`: one card each, betting rounds and one board card, as Leduc's;
   * `single-card`: one card each and a list of actions, as Kuhn's). An engine whose views take
   * one of these shapes joins the table by saying so.
   */
  readonly tableViews?: TableViews;
  /**
   * How a poker table sizes bets: `no-limit` (a raise names any total in the observation's
   * `raise` bounds: a slider and quick sizes) or `fixed` (one set size: a single button).
   */
  readonly betting?: 'no-limit' | 'fixed';
  /** Chips per big blind and hands per match, for games rated in milli-big-blinds; null when the parameters have no fixed scale. */
  chipScale?(params: P): ChipScale | null;
}

export type TableViews = 'hold-em' | 'card-and-board' | 'single-card';

export type GameExportFormat = 'phh' | 'diplomacy';

/** One parameter as a form field. `initial` is what a person's new match starts from (else the default). */
export type ParamField = {
  readonly key: string;
  readonly label: string;
  readonly hint?: string;
  readonly when?: ParamCondition;
} & (
  | { readonly kind: 'choice'; readonly options: readonly { value: string; label: string }[]; readonly initial?: string }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number; readonly initial?: number }
  | {
      readonly kind: 'pair';
      readonly labels: readonly [string, string];
      readonly min: number;
      readonly initial?: readonly [number, number];
    }
);

/** A field that matters only while another field holds one of these values (a cash game's hand count). */
export interface ParamCondition {
  readonly key: string;
  readonly in: readonly string[];
}
export type GameView = 'diplomacy-map' | 'poker-table' | 'generic';

export interface ChipScale {
  readonly bigBlind: number;
  readonly handsPerMatch: number;
}

/** Supports with no plain default: absent means the game has none. */
type OptionalSupport = 'chipScale' | 'seatNames' | 'lengthParam' | 'tableViews' | 'betting';

/** A game's declared supports, with every field the game left out at its default. */
export function supportsOf<P>(
  game: Game<any, P>,
): Required<Omit<GameSupports<P>, OptionalSupport>> & Pick<GameSupports<P>, OptionalSupport> {
  const s = game.descriptor.supports ?? {};
  return { exactTree: false, exports: [], view: 'generic', press: false, judge: false, paramFields: [], defaultSeats: [], ...s };
}

export interface GameDescriptor<P = unknown> {
  /** Registry id, e.g. `kuhn`, `leduc`, `nlhe`, `diplomacy`. */
  readonly id: string;
  readonly name: string;
  readonly minPlayers: number;
  readonly maxPlayers: number;
  readonly traits: GameTraits;
  readonly defaultParams: P;
  /**
   * The rules in a short paragraph, in the words of the game's actions, for people and for models
   * (the generic LLM prompt gives it to games without a prompt of their own).
   */
  readonly rules?: string;
  /** What the game supports beyond the core interface (solvers, exports, its web view, press). */
  readonly supports?: GameSupports<P>;
  /**
   * Checks and completes raw parameters (from a CLI flag, a file, a request) against defaults.
   * Returns the parameters or an error value; never throws.
   */
  parseParams(raw: unknown): { ok: true; params: P } | { ok: false; error: ActionError };
  /** Number of seats these parameters seat. */
  numPlayers(params: P): number;
}

/**
 * `S` the state, `P` the parameters, `O` what `observation` gives a seat and `V` what
 * `spectatorView` gives a spectator (each engine exports its own; unknown where a caller need
 * not know which game it holds).
 */
export interface Game<S = unknown, P = unknown, O = unknown, V = unknown> {
  readonly descriptor: GameDescriptor<P>;

  newInitialState(params: P): S;
  currentPlayer(state: S): CurrentPlayer;
  /** Seats that may act now: `[seat]` in sequential play, several when simultaneous, `[]` at chance or terminal nodes. */
  actingSeats(state: S): readonly Seat[];
  /**
   * For simultaneous games: a key that changes whenever a new round of simultaneous decisions
   * begins (Diplomacy's `S1901M`). The runtime uses it to stop applying a seat's list of actions
   * once the round it answered has been resolved. Sequential games need not define it.
   */
  turnKey?(state: S): string;
  /**
   * A turn key as a person or a client wrote it (`s1903m`), in the form `turnKey` gives, or null
   * when the text is not a turn of this game. Games with `turnKey` define it with their grammar.
   */
  parseTurnKey?(text: string): string | null;
  /**
   * Which of the arena's round clocks times the simultaneous round at this state: retreats and
   * adjustments are short chores an operator may give shorter clocks than a round of orders.
   * Games without it run every round on the orders clock.
   */
  roundClock?(state: S): RoundClock;
  /**
   * True when the seats may negotiate (exchange press) before deciding at this state, as in
   * Diplomacy's movement phases. Games without press need not define it.
   */
  negotiationPhase?(state: S): boolean;
  /**
   * Games with press declare their commitment vocabulary here: null when `commitment` is one of
   * the game's kinds and well-formed, else why not (code `press/commitment`). Press is checked
   * against it wherever it enters a match; a game without it accepts no commitments.
   */
  validateCommitment?(commitment: unknown): ActionError | null;
  /** Every legal action of `seat`, sorted with `compareActions`, unique. Empty if the seat may not act. */
  legalActions(state: S, seat: Seat): readonly string[];
  /** null if `actor` may play `action` now, else why not. Never throws. */
  validateAction(state: S, actor: Actor, action: string): ActionError | null;
  /** The successor state. Assumes `validateAction` returned null. */
  applyAction(state: S, actor: Actor, action: string): S;
  /** The chance outcomes at a chance node, with probabilities summing to 1; `[]` elsewhere. */
  chanceOutcomes(state: S): readonly ChanceOutcome[];
  /**
   * Optional fast sampler for games whose chance nodes have many outcomes (dealing from a deck).
   * It must draw from exactly the distribution `chanceOutcomes` lists; runtimes prefer it.
   */
  sampleChance?(state: S, rng: Rng): string;
  /**
   * Optional name of the chance draw at this node, stable across lines of play, e.g. `hand 3,
   * card 7`. The runtime seeds each draw from it, so two tables given the same seed deal the same
   * cards hand by hand even when earlier hands lasted differently (duplicate poker). Without it,
   * draws are numbered in order.
   */
  chanceKey?(state: S): string;
  /**
   * A chance action as `viewer` may read it in a replay's log (null: a spectator), hiding what
   * the viewer may not see then (`seat 1 rolls` for others, `seat 1 rolls 4` for seat 1).
   * Views of games without it show chance actions as `chance`.
   */
  chanceText?(action: string, viewer: Seat | null): string;
  /**
   * For agents, which see views only: the action in `observation` (this game's own observation of
   * the seat to act) that stays in without raising, check when nothing is owed and call facing a
   * bet, or null if none. Games whose actions are literally `check` and `call` need not define it;
   * Kuhn does (`pass` checks, `bet` calls).
   */
  passiveAction?(observation: unknown): string | null;
  /** What the runtime plays for a seat that is silent, late or illegal: hold, check or fold. */
  defaultAction(state: S, seat: Seat): string;

  /** Everything `seat` may know now, as plain JSON. */
  observation(state: S, seat: Seat): O;
  /** What a spectator may know now: public information only. */
  spectatorView(state: S): V;
  /**
   * What spectators may see beside `spectatorView` once the match's spectator delay has passed,
   * as a television broadcast shows it (poker: the hands in play face up, their names and win
   * equity). The arena gives it only to spectators, and only of a match with a delay; never to
   * a seat. Games without it show spectators `spectatorView` alone whatever the delay.
   */
  broadcastView?(state: S): unknown;
  /**
   * A decision the rules and the seat's preferences settle without asking the person (poker's
   * showdown: show a hand that can win, muck a beaten one when the person mucks losing hands):
   * one of the seat's legal actions, or null when the person must choose.
   */
  settledAction?(state: S, seat: Seat, prefs: SeatPreferences): string | null;
  /**
   * Games played as a series of hands (a poker session) list the hands finished so far as
   * `viewer` may read them (null: a spectator): hands shown at showdown face up, the viewer's
   * own hole cards, nothing else hidden and nothing of the hand in play. A page opened mid-match
   * lists them in its hand history.
   */
  finishedHands?(state: S, viewer: Seat | null): readonly unknown[];
  /** The perfect-recall information state of `seat`: equal keys iff the seat cannot tell the states apart. */
  infoStateKey(state: S, seat: Seat): string;
  /**
   * The values only `seat` knows now (its hole cards, its pending orders), as the exact strings
   * that would appear in a serialized view. The conformance kit searches other seats' views for them.
   */
  privateValues(state: S, seat: Seat): readonly string[];

  isTerminal(state: S): boolean;
  /** Payoff per seat; all zeros before the end unless the game scores as it goes. */
  returns(state: S): readonly number[];
  numPlayers(state: S): number;
  /**
   * Games won by holding territory (Diplomacy's supply centres) declare it here, so scoring
   * systems and reports can read centres, survival and a solo win without knowing the game.
   * Returns and golden hashes stay as they are: scoring is applied above, in the ratings layer.
   */
  standing?(state: S): Standing;
}

/** What a person chose for their seat's table (a card room's settings), each on by default. */
export interface SeatPreferences {
  /** Muck a losing hand at showdown instead of showing it (where the rules allow a muck). */
  readonly muckLosing: boolean;
}

export const DEFAULT_SEAT_PREFERENCES: SeatPreferences = { muckLosing: true };

/** Who holds how much of the board now: the input of centre-based scoring systems. */
export interface Standing {
  /** The game year (Diplomacy: 1901 onwards). */
  readonly year: number;
  /** Supply centres held, per seat. */
  readonly centres: readonly number[];
  /** Seats still on the board (units or centres). */
  readonly alive: readonly boolean[];
  /** The seat that won outright, if one did. */
  readonly winner: Seat | null;
  /** Centres on the board (34 in standard Diplomacy). */
  readonly totalCentres: number;
}

/** `actingSeats` of a sequential game: the seat to move, or none at chance and terminal nodes. */
export function seatToMove<S>(currentPlayer: (state: S) => CurrentPlayer): (state: S) => Seat[] {
  return (state) => {
    const current = currentPlayer(state);
    return typeof current === 'number' ? [current] : [];
  };
}

/** The generic half of a sequential game's `validateAction`: null when `actor` moves now, else why not. */
export function turnError(current: CurrentPlayer, actor: Actor): ActionError | null {
  if (current === 'terminal') return actionError('action/game-over', 'the game is over');
  if (actor === current || (current === 'simultaneous' && actor !== 'chance')) return null;
  return actionError(
    'action/not-your-turn',
    `it is ${current === 'chance' ? 'chance' : `seat ${current}`}'s turn, not ${actor === 'chance' ? 'chance' : `seat ${actor}`}'s`,
  );
}

/** The order of legal actions: numeric-aware, so `raise 50` sorts before `raise 300`. */
export const compareActions = (a: string, b: string): number =>
  a < b ? (numericAware(a, b) ?? -1) : a > b ? (numericAware(a, b) ?? 1) : 0;

const NUMBER_TAIL = /^(.*?)(\d+)$/;

function numericAware(a: string, b: string): number | undefined {
  const ma = NUMBER_TAIL.exec(a);
  const mb = NUMBER_TAIL.exec(b);
  if (!ma || !mb || ma[1] !== mb[1]) return undefined;
  const diff = Number(ma[2]) - Number(mb[2]);
  return diff === 0 ? undefined : diff;
}

/** Sorts actions in place with `compareActions` and returns the array. */
export function sortActions(actions: string[]): string[] {
  return actions.sort(compareActions);
}

export function actionError(code: string, message: string, detail?: unknown): ActionError {
  return detail === undefined ? { code, message } : { code, message, detail };
}

/** The clocks a simultaneous round may run on (see `Game.roundClock`). */
export type RoundClock = 'orders' | 'retreat' | 'adjust';
