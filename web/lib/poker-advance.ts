/**
 * Acting in advance, as card-room clients offer while a player waits for its turn: check/fold
 * (check if it is free, else fold) and call (call the price shown when it was ticked). A choice
 * holds only for the price it was made at: a bet or raise before the player's turn clears it.
 */

export type AdvanceKind = 'check-fold' | 'call';

export interface Advance {
  kind: AdvanceKind;
  /** What the player had to call when it ticked the box. */
  price: number;
}

/** The advance choice still holds at this price, else it is cleared. */
export function stillHolds(advance: Advance | null, toCall: number): Advance | null {
  return advance && advance.price === toCall ? advance : null;
}

/** The legal action the choice plays when the turn comes, or null (nothing fits: ask the player). */
export function advanceAction(advance: Advance | null, legal: readonly string[], toCall: number): string | null {
  if (!stillHolds(advance, toCall)) return null;
  if (advance!.kind === 'check-fold') return legal.includes('check') ? 'check' : legal.includes('fold') ? 'fold' : null;
  if (toCall === 0) return legal.includes('check') ? 'check' : null;
  return legal.includes('call') ? 'call' : null;
}
