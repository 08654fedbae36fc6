/**
 * The text form of actions, and the legal-action list.
 *
 * Player actions: `fold`, `check`, `call`, `raise N`, `show`, `muck`. `raise N` always names
 * the total the player's bet on this street becomes ("raise to", as PHH's `cbr`), whether it
 * opens the betting or raises it; `raise <stack + bet>` is all in. Chance actions deal one card:
 * `deal 3 As` gives seat 3 a hole card, `deal board Kd` a board card; every undealt card is
 * equally likely.
 *
 * Raise sizes form a range, so `legalActions` cannot list them all: it lists fold (only when
 * facing a bet), check or call, and representative raise-to totals: the minimum raise, 1/2,
 * 3/4, 1 and 2 times the pot (pot counted after calling; raise to current bet + fraction x pot),
 * and all in, clipped to the legal range (pot sizes also to what covers every opponent) and
 * deduplicated. `validateAction` accepts any whole raise-to in the range that
 * `raiseBounds` reports.
 */
import { dealAction } from '../../core/card-deal';
import { actionError } from '../../core/game';
import { cardName, parseCard } from '../cards';
import {
  dealTarget,
  effectiveStack,
  type HandAction,
  type HandError,
  type HandState,
  handActor,
  leastRaiseTo,
  maxBet,
  potTotal,
  type RaiseBounds,
  raiseBounds,
  verifyHandAction,
} from '../engine';
import type { NlheState } from './session';

/** Fractions of the pot (after calling) offered as raise sizes besides the minimum and all in. */
export const POT_FRACTIONS = [0.5, 0.75, 1, 2] as const;

export type Parsed =
  | { readonly kind: 'chance'; readonly seat: number | 'board'; readonly card: number }
  /** `text` is the action's interned text form, when it has one (every listed action has). */
  | { readonly kind: 'player'; readonly action: HandAction; readonly text?: string };

// Action texts are the edge; inside, an action is a `Parsed` value. The texts that recur (every
// deal, the five plain words, the raise totals offered) are interned, so building a legal list or
// a chance outcome allocates no string and reading one back is a map lookup, not a regex.
const PLAIN = ['fold', 'check', 'call', 'show', 'muck'] as const;
const parsedByText = new Map<string, Parsed>();
for (const type of PLAIN) parsedByText.set(type, { kind: 'player', action: { type }, text: type });
/** DEAL_TEXT[where + 1][card]: `where` a table seat, or -1 for the board. */
const DEAL_TEXT: readonly (readonly string[])[] = Array.from({ length: 24 }, (_, k) =>
  Array.from({ length: 52 }, (_, card) => {
    const text = dealAction(k === 0 ? 'board' : k - 1, cardName(card));
    parsedByText.set(text, { kind: 'chance', seat: k === 0 ? 'board' : k - 1, card });
    return text;
  }),
);
/** `raise N` moves by amount, interned up to a bound (chip totals are unbounded). */
const raiseMoves = new Map<number, PlayerMove>();
const INTERN_LIMIT = 50_000;

/** The moves of the totals below SMALL_RAISE, by total: a raise listed at every decision is an index, not a map lookup. */
const SMALL_RAISE = 1 << 15;
// Filled up front so that it stays a flat array (writes far past the end of an empty one make it a dictionary).
const smallRaises: (PlayerMove | undefined)[] = new Array(SMALL_RAISE).fill(undefined);

function raiseMove(to: number): PlayerMove {
  if (to < SMALL_RAISE) {
    const move = smallRaises[to];
    if (move !== undefined) return move;
  }
  let move = raiseMoves.get(to);
  if (move === undefined) {
    const text = raiseAction(to);
    if (raiseMoves.size >= INTERN_LIMIT) {
      for (const old of raiseMoves.values()) parsedByText.delete(old.text!);
      raiseMoves.clear();
    }
    move = { kind: 'player', action: { type: 'raise', to }, text };
    raiseMoves.set(to, move);
    parsedByText.set(text, move);
  }
  if (to < SMALL_RAISE) smallRaises[to] = move;
  return move;
}

/** The action raising (or betting) so that the bet on this street becomes `to` in total. */
export const raiseAction = (to: number): string => `raise ${to}`;

/** Reads an action string, or explains why it is not one. */
export function parseAction(text: string): Parsed | HandError {
  const known = parsedByText.get(text);
  if (known !== undefined) return known;
  const deal = /^deal (board|\d+) ([2-9TJQKA][cdhs])$/.exec(text);
  if (deal) {
    const card = parseCard(deal[2]!);
    return { kind: 'chance', seat: deal[1] === 'board' ? 'board' : Number(deal[1]), card };
  }
  const raise = /^raise (\d{1,15})$/.exec(text);
  if (raise) return { kind: 'player', action: { type: 'raise', to: Number(raise[1]) } };
  return actionError(
    'action/unparseable',
    `'${text.slice(0, 40)}' is not an NLHE action (fold, check, call, raise N, show, muck)`,
  );
}

/** The chance action text for dealing `card` in hand `s`. */
export function dealText(s: NlheState, card: number): string {
  const target = dealTarget(s.hand);
  const where = target?.kind === 'hole' ? s.seats[target.position]! : -1;
  return DEAL_TEXT[where + 1]?.[card] ?? dealAction(where < 0 ? 'board' : where, cardName(card));
}

/** The table seat to act now, or null (chance, or over). */
export function actingSeat(s: NlheState): number | null {
  if (s.over) return null;
  const actor = handActor(s.hand);
  return typeof actor === 'number' ? s.seats[actor]! : null;
}

/** Checks `text` by `actor` against the current hand; returns the engine action or an error. */
export function resolveAction(s: NlheState, actor: number | 'chance', text: string): HandAction | HandError {
  if (s.over) return actionError('action/game-over', 'the game is over');
  const parsed = parseAction(text);
  if ('code' in parsed) return parsed;
  const expected = handActor(s.hand);
  if (expected === null) return actionError('action/game-over', 'the hand is over');
  if (actor === 'chance' || expected === 'chance') {
    if (actor !== expected) {
      const who = expected === 'chance' ? 'chance' : `seat ${s.seats[expected]}`;
      return actionError('action/not-your-turn', `it is ${who}'s turn to act`);
    }
    if (parsed.kind !== 'chance')
      return actionError('nlhe/bad-deal', `chance deals cards ('deal 3 As', 'deal board Kd'), not '${text}'`);
    const target = dealTarget(s.hand)!;
    const want = target.kind === 'hole' ? s.seats[target.position]! : 'board';
    if (parsed.seat !== want)
      return actionError(
        'nlhe/bad-deal',
        `the next card goes to ${want === 'board' ? 'the board' : `seat ${want}`}, not ${parsed.seat === 'board' ? 'the board' : `seat ${parsed.seat}`}`,
      );
    const action: HandAction = { type: 'deal', card: parsed.card };
    return verifyHandAction(s.hand, 'chance', action) ?? action;
  }
  if (parsed.kind !== 'player') return actionError('action/not-chance', 'only chance deals cards');
  const position = s.seats.indexOf(actor);
  if (position < 0 || position !== expected)
    return actionError('action/not-your-turn', `it is seat ${s.seats[expected]}'s turn, not seat ${actor}'s`);
  return verifyHandAction(s.hand, position, parsed.action) ?? parsed.action;
}

/** The exact raise-to range of the seat to act (null if it may not raise): any whole total in it is legal. */
export function raiseRange(s: NlheState): RaiseBounds | null {
  return s.over ? null : raiseBounds(s.hand);
}

/** Representative raise-to totals (see the file comment), ascending and unique. */
export function raiseSizes(h: HandState): number[] {
  const i = h.phase === 'betting' ? h.actors[0] : undefined;
  if (i === undefined) return [];
  const count = fillRaiseSizes(h, i, maxBet(h), sizeScratch);
  return sizeScratch.slice(0, count);
}

/** Where `fillRaiseSizes` writes for the legal-action list: at most six totals (the minimum, all in, four pot fractions). */
const sizeScratch: number[] = [0, 0, 0, 0, 0, 0];

/**
 * Writes the representative raise-to totals of position `i`, the player to act, facing the
 * largest bet `top`, ascending and unique, into `sizes`; returns how many (0 if it may not raise).
 */
function fillRaiseSizes(h: HandState, i: number, top: number, sizes: number[]): number {
  const min = leastRaiseTo(h, i, top);
  if (min < 0) return 0;
  const bet = h.bets[i]!;
  const max = h.stacks[i]! + bet;
  const potAfterCall = potTotal(h) + (top - bet);
  // Beyond what covers every opponent a bigger bet changes nothing (the excess comes back), so
  // pot-sized options stop there; all in stays on the list.
  const cover = Math.max(min, Math.min(max, effectiveStack(h, i) + bet));
  sizes[0] = min;
  let count = insertSize(sizes, 1, max);
  for (const f of POT_FRACTIONS)
    count = insertSize(sizes, count, Math.min(cover, Math.max(min, top + Math.round(f * potAfterCall))));
  return count;
}

/** Adds `size` to the ascending first `count` of `sizes` unless it is there already; returns the new count. */
function insertSize(sizes: number[], count: number, size: number): number {
  let k = count;
  while (k > 0 && sizes[k - 1]! > size) k--;
  if (sizes[k - 1] === size) return count;
  // Shifted by hand: `splice` costs more than the handful of moves on a list of at most six.
  for (let j = count; j > k; j--) sizes[j] = sizes[j - 1]!;
  sizes[k] = size;
  return count + 1;
}

/** Legal actions of table seat `seat` (empty unless it is to act), sorted with `compareActions`. */
export function legalActionsOf(s: NlheState, seat: number): string[] {
  return legalMoves(s, seat).map(textOfMove);
}

/** A player's action with its interned text: what `legalMoves` lists. */
export type PlayerMove = Extract<Parsed, { kind: 'player' }>;
const plainMove = (type: (typeof PLAIN)[number]) => parsedByText.get(type) as PlayerMove;
const [FOLD, CHECK, CALL, SHOW, MUCK] = [
  plainMove('fold'),
  plainMove('check'),
  plainMove('call'),
  plainMove('show'),
  plainMove('muck'),
];
export const textOfMove = (move: PlayerMove): string => move.text!;

/**
 * The legal actions of `seat` as typed values, in the order of `legalActionsOf`; each is the
 * interned value `parseAction` gives for its text, so a text read back is matched by identity.
 */
export function legalMoves(s: NlheState, seat: number): PlayerMove[] {
  const out: PlayerMove[] = [];
  fillLegalMoves(s, seat, out);
  return out;
}

/**
 * Writes the moves of `legalMoves` into `out` from index 0 and returns how many: a caller that
 * lists them at every decision keeps one array for it (what lies past the count is stale).
 */
export function fillLegalMoves(s: NlheState, seat: number, out: PlayerMove[]): number {
  if (actingSeat(s) !== seat) return 0;
  const h = s.hand;
  // Built directly in `compareActions` order: call < check < fold < muck < raise N (ascending N) < show.
  if (h.phase === 'showdown') {
    if (verifyHandAction(h, h.showQueue[0]!, MUCK.action) !== null) {
      out[0] = SHOW;
      return 1;
    }
    out[0] = MUCK;
    out[1] = SHOW;
    return 2;
  }
  const i = h.actors[0]!;
  const top = maxBet(h);
  let count = 0;
  if (h.bets[i]! < top) {
    out[count++] = CALL;
    out[count++] = FOLD;
  } else {
    out[count++] = CHECK;
  }
  const sizes = fillRaiseSizes(h, i, top, sizeScratch);
  for (let k = 0; k < sizes; k++) out[count++] = raiseMove(sizeScratch[k]!);
  return count;
}
