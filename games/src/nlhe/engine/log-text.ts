/**
 * The hand log's recurring entries, made once: every deal (`d dh p3 As`, `d db Kd`) and every
 * plain action (`p2 call`). A hand writes one per action, so building them anew was an allocation
 * per step; shared, they also let serialisers that cache text (the record's state hash) find them
 * again by identity. Raise entries carry an amount and are written as they come.
 */
import { cardName, cardsText } from '../cards';
import { label } from './state';

/** Positions a hand may have (`verifyConfig`: 2 to 23 players). */
const MAX_POSITIONS = 23;

const HOLE_DEALS: readonly (readonly string[])[] = Array.from({ length: MAX_POSITIONS }, (_, position) =>
  Array.from({ length: 52 }, (_, card) => `d dh ${label(position)} ${cardName(card)}`),
);
const BOARD_DEALS: readonly string[] = Array.from({ length: 52 }, (_, card) => `d db ${cardName(card)}`);

/** The log entry for dealing `card` to `position`'s hand, or to the board when `position` is -1. */
export const dealEntry = (position: number, card: number): string =>
  position < 0 ? BOARD_DEALS[card]! : HOLE_DEALS[position]![card]!;

const wordEntries = (word: string): readonly string[] =>
  Array.from({ length: MAX_POSITIONS }, (_, position) => `${label(position)} ${word}`);
/** `p<position+1> fold` and the like, by position: the betting code picks its table, no lookup by word. */
export const FOLD_ENTRIES = wordEntries('fold');
export const CHECK_ENTRIES = wordEntries('check');
export const CALL_ENTRIES = wordEntries('call');
export const MUCK_ENTRIES = wordEntries('muck');

const RAISE_PREFIXES = wordEntries('raise ');
const SHOW_PREFIXES = wordEntries('show ');

/** The log entry `p<position+1> show <cards>` (`p2 show AsKd`), on its position's made prefix. */
export const showEntry = (position: number, cards: readonly number[]): string => SHOW_PREFIXES[position]! + cardsText(cards);
/** The log entry `p<position+1> raise <to>`: an amount, so built each time (on its position's made prefix). */
export const raiseEntry = (position: number, to: number): string => RAISE_PREFIXES[position]! + to;

/** Whether `entry` deals a hole card (to `position`'s hand, when given). */
export const isHoleDeal = (entry: string, position?: number): boolean =>
  entry.startsWith(position === undefined ? 'd dh ' : `d dh ${label(position)} `);
