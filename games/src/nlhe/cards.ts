/**
 * Cards as small integers inside the engine and as two-letter strings at its edges.
 *
 * A card is `rank * 4 + suit`, rank 0..12 for `23456789TJQKA` and suit 0..3 for `cdhs`, so
 * 0 = 2c and 51 = As. Integers make the evaluator's tables and the deck bitmasks cheap; the
 * strings (`As`, `Td`, `2c`) are what records, views, PHH files and agents read and write.
 */

export const RANKS = '23456789TJQKA';
export const SUITS = 'cdhs';
export const DECK_SIZE = 52;

export const rankOf = (card: number): number => card >> 2;
export const suitOf = (card: number): number => card & 3;
export const makeCard = (rank: number, suit: number): number => rank * 4 + suit;

const NAMES: readonly string[] = Array.from({ length: DECK_SIZE }, (_, c) => `${RANKS[c >> 2]}${SUITS[c & 3]}`);
const BY_NAME = new Map(NAMES.map((name, c) => [name, c]));

/** `As` for 51; throws on a value outside 0..51 (an engine bug, never user input). */
export function cardName(card: number): string {
  const name = NAMES[card];
  if (name === undefined) throw new RangeError(`not a card: ${card}`);
  return name;
}

/** The card a two-letter string names (`As`, `td` and `TD` too), or -1. */
export function parseCard(text: string): number {
  if (text.length !== 2) return -1;
  return BY_NAME.get(text[0]!.toUpperCase() + text[1]!.toLowerCase()) ?? -1;
}

/** Cards written back to back (`AsKd7h`) or space-separated; null if any is malformed or repeated. */
export function parseCards(text: string): number[] | null {
  const compact = text.replace(/[\s,]+/g, '');
  if (compact.length % 2 !== 0) return null;
  const cards: number[] = [];
  for (let i = 0; i < compact.length; i += 2) {
    const card = parseCard(compact.slice(i, i + 2));
    if (card < 0 || cards.includes(card)) return null;
    cards.push(card);
  }
  return cards;
}

export function cardsText(cards: readonly number[]): string {
  let text = '';
  for (const card of cards) text += cardName(card);
  return text;
}
