/**
 * The hand's phase transitions (PokerKit's begin / end steps): posting antes and blinds,
 * opening and closing betting rounds, collecting bets, the showdown, and pushing the pots.
 * Every function here mutates a fresh copy made by the caller (`shareHand` and the arrays the
 * action changes); the steps that end a round copy the further arrays they change themselves.
 */
import { evaluate7 } from '../eval/evaluate';
import { awardPot, buildPots } from './pots';
import { contenders, type HandConfig, type HandState, maxBet } from './state';

/** A new hand with antes and blinds posted, waiting for the first hole card. Assumes a valid config. */
export function createHand(config: HandConfig): HandState {
  const n = config.startingStacks.length;
  // Every per-position array is filled in one pass (this runs once per hand, and `fill` calls
  // on fresh arrays showed in heads-up profiles). Heads-up, PHH and PokerKit read the arrays as
  // [small blind, big blind] while position 0 is the big blind.
  const antes = new Array<number>(n);
  const blinds = new Array<number>(n);
  const startingStacks = new Array<number>(n);
  const stacks = new Array<number>(n);
  const bets = new Array<number>(n);
  const committed = new Array<number>(n);
  const folded = new Array<boolean>(n);
  const hole: number[][] = new Array(n);
  const actedAt = new Array<number>(n);
  const shown = new Array<boolean>(n);
  const mucked = new Array<boolean>(n);
  const won = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const from = n === 2 ? 1 - i : i;
    antes[i] = config.antes[from] ?? 0;
    blinds[i] = config.blindsOrStraddles[from] ?? 0;
    startingStacks[i] = config.startingStacks[i]!;
    stacks[i] = startingStacks[i]!;
    bets[i] = 0;
    committed[i] = 0;
    folded[i] = false;
    hole[i] = [];
    actedAt[i] = -1;
    shown[i] = false;
    mucked[i] = false;
    won[i] = 0;
  }
  const h: HandState = {
    n,
    antes,
    blinds,
    minBet: config.minBet,
    startingStacks,
    anteTrimming: config.anteTrimming ?? false,
    phase: 'dealing',
    street: 0,
    stacks,
    bets,
    committed,
    deadAntes: 0,
    folded,
    hole,
    board: [],
    actors: [],
    opener: 0,
    raiseSize: 0,
    actedAt,
    allIn: false,
    showQueue: [],
    shown,
    mucked,
    won,
    log: [],
  };
  for (let i = 0; i < n; i++) {
    h.bets[i] = Math.min(h.antes[i]!, h.startingStacks[i]!);
    h.stacks[i]! -= h.bets[i]!;
  }
  if (h.anteTrimming) {
    returnUncalled(h, secondLargest(h.bets));
    collect(h);
  } else {
    for (let i = 0; i < n; i++) {
      h.deadAntes += h.bets[i]!;
      h.bets[i] = 0;
    }
  }
  for (let i = 0; i < n; i++) {
    h.bets[i] = Math.min(h.blinds[i]!, h.startingStacks[i]! - Math.min(h.antes[i]!, h.startingStacks[i]!));
    h.stacks[i]! -= h.bets[i]!;
  }
  return h;
}

/** The second-largest value, counting repeats (of [5, 5, 1]: 5); 0 for fewer than two. */
function secondLargest(values: readonly number[]): number {
  let first = Number.NEGATIVE_INFINITY;
  let second = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v > first) {
      second = first;
      first = v;
    } else if (v > second) {
      second = v;
    }
  }
  return values.length < 2 ? 0 : second;
}

/** Gives back whatever any bet exceeds `cutoff` by: nobody can call it. */
function returnUncalled(h: HandState, cutoff: number): void {
  for (let i = 0; i < h.n; i++) {
    if (h.bets[i]! > cutoff) {
      h.stacks[i]! += h.bets[i]! - cutoff;
      h.bets[i] = cutoff;
    }
  }
}

function collect(h: HandState): void {
  h.committed = h.committed.slice(); // a betting action's copy shares it with the state before
  for (let i = 0; i < h.n; i++) {
    h.committed[i]! += h.bets[i]!;
    h.bets[i] = 0;
  }
}

function liveCount(h: HandState): number {
  let k = 0;
  for (let i = 0; i < h.n; i++) if (!h.folded[i]) k++;
  return k;
}

/**
 * What a player can still lose: its stack, capped by the second-largest total (bet plus stack)
 * among players holding cards. Zero means nobody could call a raise.
 */
export function effectiveStack(h: HandState, i: number): number {
  if (h.folded[i]) return 0;
  return capped(h, i, secondTotal(h));
}

/** The second-largest total (bet plus stack) among players holding cards: the same cap for every player. */
function secondTotal(h: HandState): number {
  let first = 0;
  let second = 0;
  for (let j = 0; j < h.n; j++) {
    if (h.folded[j]) continue;
    const total = h.bets[j]! + h.stacks[j]!;
    if (total > first) {
      second = first;
      first = total;
    } else if (total > second) {
      second = total;
    }
  }
  return second;
}

const capped = (h: HandState, i: number, second: number): number => Math.min(h.stacks[i]!, Math.max(0, second - h.bets[i]!));

/** Called when the last card of a dealing phase is out: the next betting round opens. */
export function afterDealing(h: HandState): void {
  beginBetting(h);
}

function beginBetting(h: HandState): void {
  // The first to act sits after the largest bet (the big blind or a straddle pre-flop; after the button later).
  let top = 0;
  for (let i = 1; i < h.n; i++) if (h.bets[i]! >= h.bets[top]!) top = i;
  h.opener = (top + 1) % h.n;
  const actors: number[] = [];
  const second = secondTotal(h); // once for the round, not once per player
  for (let k = 0; k < h.n; k++) {
    const i = (h.opener + k) % h.n;
    if (!h.folded[i] && h.stacks[i]! > 0 && capped(h, i, second) > 0) actors.push(i);
  }
  h.actors = actors;
  h.raiseSize = 0;
  // Nobody has acted on the new street: a new array of -1s, filled by hand (a `fill` call on a
  // copy cost more, once per street).
  const actedAt = new Array<number>(h.n);
  for (let i = 0; i < h.n; i++) actedAt[i] = -1;
  h.actedAt = actedAt;
  h.phase = 'betting';
  const only = h.actors[0];
  if (h.actors.length === 0 || (h.actors.length === 1 && h.bets[only!]! >= maxBet(h)) || liveCount(h) <= 1) endBetting(h);
}

/**
 * Ends the betting round if nobody is left to act or, after a fold, a single player holds cards.
 * A check, call or raise leaves as many holding cards as before, which was more than one (a
 * round with one left has ended), so only a fold needs them counted.
 */
export function afterBettingAction(h: HandState, folded: boolean): void {
  if (h.actors.length === 0 || (folded && liveCount(h) <= 1)) endBetting(h);
}

function endBetting(h: HandState): void {
  h.actors = [];
  // The round's last action (a check, a fold) or deal may share the chips with the state before.
  h.stacks = h.stacks.slice();
  h.bets = h.bets.slice();
  let live = 0;
  let withChips = 0;
  let winner = -1;
  for (let i = 0; i < h.n; i++) {
    if (h.folded[i]) continue;
    live++;
    winner = i;
    if (h.stacks[i]! > 0) withChips++;
  }
  if (live > 1 && withChips <= 1) h.allIn = true;
  if (h.street === 3 && withChips < live) h.allIn = true;
  if (live === 1) {
    h.stacks[winner]! += h.bets[winner]!;
    h.bets[winner] = 0;
  } else {
    returnUncalled(h, secondLargest(h.bets));
  }
  collect(h);
  if (live === 1) settle(h);
  else if (h.street === 3 || h.allIn) beginShowdown(h);
  else nextStreet(h);
}

function nextStreet(h: HandState): void {
  h.street += 1;
  h.phase = 'dealing';
}

function beginShowdown(h: HandState): void {
  h.phase = 'showdown';
  const queue: number[] = [];
  for (let k = 0; k < h.n; k++) {
    const i = (h.opener + k) % h.n;
    if (!h.folded[i] && !h.shown[i] && !h.mucked[i]) queue.push(i);
  }
  h.showQueue = queue;
  if (h.showQueue.length === 0) endShowdown(h);
}

/** After a show or muck: the next player, or the run-out, or the pots. */
export function afterShowdownAction(h: HandState): void {
  if (h.showQueue.length === 0) endShowdown(h);
}

function endShowdown(h: HandState): void {
  if (h.allIn && h.street < 3) nextStreet(h);
  else settle(h);
}

/** Pushes every pot to its best shown hand(s) and ends the hand. */
function settle(h: HandState): void {
  h.phase = 'over';
  h.actors = [];
  h.showQueue = [];
  // A betting action's or a deal's copy may share these with the state before.
  h.won = h.won.slice();
  h.stacks = h.stacks.slice();
  const live = new Array<boolean>(h.n);
  let survivors = 0;
  let last = -1;
  for (let i = 0; i < h.n; i++) {
    live[i] = !h.folded[i] && !h.mucked[i];
    if (live[i]) {
      survivors++;
      last = i;
    }
  }
  if (survivors === 1) {
    // Everyone else folded (or mucked): the last hand takes everything in the middle.
    let middle = h.deadAntes;
    for (let i = 0; i < h.n; i++) middle += h.committed[i]!;
    h.won[last] = middle;
  } else {
    const strength = strengths(h, live);
    // When every live hand put in the same, there are no side pots: one pot holds everything
    // (what folded hands put in above that is nobody else's to win), as `buildPots` would find.
    if (evenContributions(h, live)) {
      let middle = h.deadAntes;
      for (let i = 0; i < h.n; i++) middle += h.committed[i]!;
      awardPot(h.won, middle, bestOf(strength, contenders(h)));
    } else {
      for (const pot of buildPots(h.committed, live, h.deadAntes)) awardPot(h.won, pot.amount, bestOf(strength, pot.eligible));
    }
  }
  for (let i = 0; i < h.n; i++) h.stacks[i]! += h.won[i]!;
}

function evenContributions(h: HandState, live: readonly boolean[]): boolean {
  let level = -1;
  for (let i = 0; i < h.n; i++) {
    if (!live[i]) continue;
    if (level >= 0 && h.committed[i] !== level) return false;
    level = h.committed[i]!;
  }
  return true;
}

/** The positions among `eligible` (ascending) holding the strongest hand. */
function bestOf(strength: readonly number[], eligible: readonly number[]): number[] {
  let best = -1;
  for (const i of eligible) if (strength[i]! > best) best = strength[i]!;
  const winners: number[] = [];
  for (const i of eligible) if (strength[i] === best) winners.push(i);
  return winners;
}

/** Seven-card strength by position for the live hands (-1 for the rest). */
function strengths(h: HandState, live: readonly boolean[]): number[] {
  const [a, b, c, d, e] = h.board as [number, number, number, number, number];
  const out = new Array<number>(h.n).fill(-1);
  for (let i = 0; i < h.n; i++) if (live[i]) out[i] = evaluate7(h.hole[i]![0]!, h.hole[i]![1]!, a, b, c, d, e);
  return out;
}
