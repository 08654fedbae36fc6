/**
 * Words and sizes for a No-Limit Hold'em decision, from the seat's own observation: whether the
 * amount is a bet or a raise, and the card-room quick sizes. A pot-sized raise follows the
 * engine's rule for its own pot sizes (games/src/nlhe/match/actions.ts): raise to the current
 * bet plus the fraction of the pot after calling. Every size is clamped to the legal range.
 */

export interface Bounds {
  min: number;
  max: number;
}

/** What the seat knows of the betting now (all public, or its own). */
export interface Betting {
  pot: number;
  currentBet: number;
  toCall?: number;
}

export interface QuickSize {
  label: string;
  to: number;
}

const FRACTIONS: readonly [string, number][] = [
  ['½ pot', 0.5],
  ['¾ pot', 0.75],
  ['Pot', 1],
];

/** "Bet" when nothing has been bet on this street, otherwise "Raise to". */
export const betVerb = (b: Betting): 'Bet' | 'Raise to' => (b.currentBet > 0 ? 'Raise to' : 'Bet');

export const clamp = (to: number, bounds: Bounds): number => Math.round(Math.min(bounds.max, Math.max(bounds.min, to)));

/** ½ pot, ¾ pot, pot and all in, each a legal raise-to total. */
export function quickSizes(b: Betting, bounds: Bounds): QuickSize[] {
  const potAfterCall = b.pot + (b.toCall ?? 0);
  const sizes = FRACTIONS.map(([label, f]) => ({ label, to: clamp(b.currentBet + f * potAfterCall, bounds) }));
  sizes.push({ label: 'All in', to: bounds.max });
  return sizes;
}
