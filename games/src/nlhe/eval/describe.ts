/**
 * Names for strengths: the category (high card .. straight flush) and a human description
 * such as "Full house, kings full of sevens". Descriptions are for logs and views, not for
 * comparing hands: compare strengths as integers.
 */
import { cardName } from '../cards';
import { evaluate } from './evaluate';
import { rawRanks } from './ranking';
import { CATEGORY_OF, RAW_OF } from './tables';

export const CATEGORY_NAMES = [
  'High card',
  'One pair',
  'Two pair',
  'Three of a kind',
  'Straight',
  'Flush',
  'Full house',
  'Four of a kind',
  'Straight flush',
] as const;
export type CategoryName = (typeof CATEGORY_NAMES)[number];

/** Category index of a strength: 0 high card .. 8 straight flush. */
export const handCategory = (strength: number): number => CATEGORY_OF[strength]!;
export const categoryName = (strength: number): CategoryName => CATEGORY_NAMES[CATEGORY_OF[strength]!]!;

const SINGULAR = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'jack', 'queen', 'king', 'ace'];
const plural = (rank: number): string => (rank === 4 ? 'sixes' : `${SINGULAR[rank]}s`);

/** "Two pair, aces and eights, king kicker"; "Straight, five high"; "Royal flush". */
export function describeStrength(strength: number): string {
  const category = CATEGORY_OF[strength]!;
  const [a, b, c, d, e] = rawRanks(RAW_OF[strength]!) as [number, number, number, number, number];
  const name = CATEGORY_NAMES[category]!;
  switch (category) {
    case 8:
      return a === 12 ? 'Royal flush' : `${name}, ${SINGULAR[a]} high`;
    case 7:
      return `${name}, ${plural(a)}, ${SINGULAR[b]} kicker`;
    case 6:
      return `${name}, ${plural(a)} full of ${plural(b)}`;
    case 5:
      return `${name}, ${SINGULAR[a]} high (${[a, b, c, d, e].map((r) => SINGULAR[r]).join(' ')})`;
    case 4:
      return `${name}, ${SINGULAR[a]} high`;
    case 3:
      return `${name}, ${plural(a)}, ${SINGULAR[b]} ${SINGULAR[c]} kickers`;
    case 2:
      return `${name}, ${plural(a)} and ${plural(b)}, ${SINGULAR[c]} kicker`;
    case 1:
      return `${name}, ${plural(a)}, ${SINGULAR[b]} ${SINGULAR[c]} ${SINGULAR[d]} kickers`;
    default:
      return `${name}, ${[a, b, c, d, e].map((r) => SINGULAR[r]).join(' ')}`;
  }
}

/** The five cards (strings) making the best hand among 5..7 cards (the first best subset found). */
export function bestFive(cards: readonly number[]): string[] {
  const target = evaluate(cards);
  const drops = cards.length - 5;
  const n = cards.length;
  for (let i = 0; i < n; i++) {
    for (let j = drops === 2 ? i + 1 : i; j < n; j++) {
      const five = drops === 0 ? cards : cards.filter((_, k) => k !== i && k !== j);
      if (evaluate(five) === target) return five.map(cardName);
    }
  }
  throw new Error('bestFive: no five-card subset reaches the hand strength');
}
