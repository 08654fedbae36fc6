/**
 * A match: one hand, a cash game or a sit-and-go, as a sequence of hands over a table.
 *
 * The match state holds the table (stacks by seat, the button, who is out) and the current
 * hand, whose positions map to table seats through `seats` (position 0 = first seat left of the
 * button, last position = the button; heads-up the button posts the small blind). When a hand
 * ends the next one is dealt at once, so every node is a hand node and the match is over
 * exactly when no further hand can start.
 */
import { appended, createHand, type HandConfig, type HandState } from '../engine';
import { levelFor, type NlheParams, startingStacks } from './params';

/** A finished hand, kept for records, views and PHH export. */
export interface HandRecord {
  readonly number: number;
  /** Table seat of each position. */
  readonly seats: number[];
  readonly config: HandConfig;
  /** PHH action log (one card per dealing entry). */
  readonly log: string[];
  /** Stacks by position after the hand. */
  readonly finishing: number[];
}

export interface NlheState {
  readonly params: NlheParams;
  /** 1-based number of the current (or, once over, the last) hand. */
  readonly handNumber: number;
  readonly button: number;
  /** Table seat of each position in the current hand. */
  readonly seats: number[];
  readonly hand: HandState;
  /** Chips by seat before the current hand (players sitting out keep theirs here). */
  readonly stacks: number[];
  /** Chips won or lost by seat over the finished hands. */
  readonly net: number[];
  /** Sit-and-go: seats in the order they were eliminated. */
  readonly eliminated: number[];
  readonly rebuys: number[];
  readonly past: HandRecord[];
  readonly over: boolean;
}

/** The hand's PHH-style configuration for the players in `seats`. */
export function handConfig(
  params: NlheParams,
  handNumber: number,
  seats: readonly number[],
  stacks: readonly number[],
): HandConfig {
  const m = seats.length;
  const lv = levelFor(params, handNumber);
  // Filled by index (blinds, then straddles, then zeros): this runs once per hand.
  const blinds = new Array<number>(m);
  const antes = new Array<number>(m);
  const startingStacks = new Array<number>(m);
  for (let i = 0; i < m; i++) {
    blinds[i] = i < 2 ? lv.blinds[i]! : (params.straddles[i - 2] ?? 0);
    // PHH arrays index the big blind at 1 (the engine maps that to position 0 heads-up).
    antes[i] = lv.ante + (i === 1 ? lv.bigBlindAnte : 0);
    startingStacks[i] = stacks[seats[i]!]!;
  }
  return { antes, blindsOrStraddles: blinds, minBet: params.minBet ?? lv.blinds[1], startingStacks };
}

/** Seats with chips, in position order for a hand with the button at `button`. */
export function seatingFor(stacks: readonly number[], button: number): number[] {
  const n = stacks.length;
  const order: number[] = [];
  for (let k = 1; k <= n; k++) {
    const seat = (button + k) % n;
    if (stacks[seat]! > 0) order.push(seat);
  }
  return order;
}

export function newMatch(params: NlheParams): NlheState {
  const stacks = startingStacks(params);
  const n = stacks.length;
  const button = n - 1;
  return startHand(params, {
    handNumber: 1,
    button,
    stacks,
    net: new Array<number>(n).fill(0),
    eliminated: [],
    rebuys: new Array<number>(n).fill(0),
    past: [],
  });
}

type Table = Pick<NlheState, 'handNumber' | 'button' | 'stacks' | 'net' | 'eliminated' | 'rebuys' | 'past'>;

function startHand(params: NlheParams, table: Table): NlheState {
  const seats = seatingFor(table.stacks, table.button);
  const hand = createHand(handConfig(params, table.handNumber, seats, table.stacks));
  return matchState(params, table, seats, hand, false);
}

/** A match state, its fields always written in one order (one object shape for the engine to meet). */
function matchState(params: NlheParams, table: Table, seats: number[], hand: HandState, over: boolean): NlheState {
  return {
    params,
    handNumber: table.handNumber,
    button: table.button,
    seats,
    hand,
    stacks: table.stacks,
    net: table.net,
    eliminated: table.eliminated,
    rebuys: table.rebuys,
    past: table.past,
    over,
  };
}

/** Called once the current hand is over: books it, then deals the next hand or ends the match. */
export function afterHand(s: NlheState): NlheState {
  const { params, hand, seats } = s;
  const n = s.stacks.length;
  // Runs once per hand: plain loops and slices (a spread or a callback per hand showed in profiles).
  const stacks = s.stacks.slice();
  const net = s.net.slice();
  for (let pos = 0; pos < seats.length; pos++) {
    const seat = seats[pos]!;
    net[seat]! += hand.stacks[pos]! - hand.startingStacks[pos]!;
    stacks[seat] = hand.stacks[pos]!;
  }
  const record: HandRecord = {
    number: s.handNumber,
    seats,
    config: handConfigOf(hand),
    log: hand.log,
    finishing: hand.stacks.slice(),
  };
  const past = appended(s.past, record);
  const eliminated = s.eliminated.slice();
  const rebuys = s.rebuys.slice();

  if (params.format === 'sng') {
    // Busted this hand: the one who started it with fewer chips finishes lower (ties: lower position).
    const busted = seats.filter((seat) => stacks[seat] === 0 && !eliminated.includes(seat));
    busted.sort(
      (a, b) =>
        hand.startingStacks[seats.indexOf(a)]! - hand.startingStacks[seats.indexOf(b)]! || seats.indexOf(a) - seats.indexOf(b),
    );
    eliminated.push(...busted);
  }
  const lastHand =
    params.format === 'hand' ||
    (params.format === 'cash' && s.handNumber >= params.hands) ||
    (params.format === 'sng' && s.handNumber >= params.maxHands);
  // Between hands of a cash game (never after the last one): reset the stacks, or rebuy the busted.
  if (!lastHand && params.format === 'cash') {
    const initial = startingStacks(params);
    for (let seat = 0; seat < n; seat++) {
      if (params.resetStacks) {
        stacks[seat] = initial[seat]!;
      } else if (params.rebuy && stacks[seat] === 0) {
        stacks[seat] = initial[seat]!;
        rebuys[seat]! += 1;
      }
    }
  }
  const table: Table = { handNumber: s.handNumber, button: s.button, stacks, net, eliminated, rebuys, past };
  let withChips = 0;
  for (let seat = 0; seat < n; seat++) if (stacks[seat]! > 0) withChips++;
  if (lastHand || withChips < 2) return matchState(params, table, seats, hand, true);
  return startHand(params, {
    handNumber: s.handNumber + 1,
    button: nextButton(stacks, s.button),
    stacks,
    net,
    eliminated,
    rebuys,
    past,
  });
}

/** The button moves to the next seat that still has chips. */
function nextButton(stacks: readonly number[], button: number): number {
  const n = stacks.length;
  for (let k = 1; k <= n; k++) {
    const seat = (button + k) % n;
    if (stacks[seat]! > 0) return seat;
  }
  return button;
}

function handConfigOf(hand: HandState): HandConfig {
  // Re-express the engine's per-position dues as PHH arrays (heads-up swaps them back).
  return {
    antes: phhOrder(hand.n, hand.antes),
    blindsOrStraddles: phhOrder(hand.n, hand.blinds),
    minBet: hand.minBet,
    startingStacks: hand.startingStacks.slice(),
    anteTrimming: hand.anteTrimming,
  };
}

const phhOrder = (n: number, values: readonly number[]): number[] => (n === 2 ? [values[1]!, values[0]!] : values.slice());

/** Sit-and-go finishing order, winner first (survivors by chips, then the eliminated, last out first). */
export function finishingOrder(s: NlheState): number[] {
  const alive = s.stacks.map((_, seat) => seat).filter((seat) => !s.eliminated.includes(seat));
  alive.sort((a, b) => s.stacks[b]! - s.stacks[a]! || a - b);
  return [...alive, ...s.eliminated.slice().reverse()];
}
