/**
 * Main and side pots, and how a pot is split (PokerKit's rules, which the reference hands use).
 *
 * Every distinct total that some player put in closes a layer; each player who reached a layer
 * pays into it, and the players still holding cards who reached it are eligible for it.
 * Neighbouring layers with the same eligible players form one pot. Antes, unless trimmed (PHH
 * `ante_trimming_status`), are dead money that goes into the main pot whoever posted them, so a
 * big-blind ante never becomes a side pot of its own. A split gives each winner the same share
 * and the odd chips to the winner nearest the button's left (TDA rule: "the odd chip(s) go to
 * the first seat left of the button"), which is the lowest position.
 */

export interface Pot {
  readonly amount: number;
  /** Positions that may win this pot, ascending. */
  readonly eligible: readonly number[];
}

/**
 * The pots built from each position's total contribution (antes excluded when they are dead
 * money, `deadMoney`); `live[i]` is false for folded or mucked hands.
 */
export function buildPots(committed: readonly number[], live: readonly boolean[], deadMoney = 0): Pot[] {
  const levels = distinctAscending(committed);
  const pots: Pot[] = [];
  let previous = 0;
  let amount = deadMoney;
  for (const level of levels) {
    const eligible: number[] = [];
    for (let i = 0; i < committed.length; i++) {
      const c = committed[i]!;
      if (c < level) continue;
      amount += level - previous;
      if (live[i]) eligible.push(i);
    }
    const last = pots[pots.length - 1];
    if (last && (eligible.length === 0 || sameSet(last.eligible, eligible))) {
      pots[pots.length - 1] = { amount: last.amount + amount, eligible: last.eligible };
    } else if (amount > 0 && eligible.length > 0) {
      pots.push({ amount, eligible });
    } else {
      previous = level;
      continue; // nothing to pot yet, or nobody to win it: carry the chips into the next layer
    }
    amount = 0;
    previous = level;
  }
  return pots;
}

/** The distinct values, ascending (insertion into a short sorted list: tables seat at most 23). */
function distinctAscending(values: readonly number[]): number[] {
  const out: number[] = [];
  for (const v of values) {
    let k = out.length;
    while (k > 0 && out[k - 1]! > v) k--;
    if (out[k - 1] !== v) out.splice(k, 0, v);
  }
  return out;
}

const sameSet = (a: readonly number[], b: readonly number[]): boolean => {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
};

/** Shares of `amount` for `winners` (ascending positions): equal parts, the odd chips to the first. */
export function splitPot(amount: number, winners: readonly number[]): Map<number, number> {
  const shares = new Array<number>(Math.max(0, ...winners) + 1).fill(0);
  awardPot(shares, amount, winners);
  return new Map(winners.map((w) => [w, shares[w]!]));
}

/** Adds each winner's share of `amount` (as `splitPot` splits it) to `won`, indexed by position. */
export function awardPot(won: number[], amount: number, winners: readonly number[]): void {
  const share = Math.floor(amount / winners.length);
  const odd = amount - share * winners.length;
  for (let k = 0; k < winners.length; k++) won[winners[k]!]! += share + (k === 0 ? odd : 0);
}
