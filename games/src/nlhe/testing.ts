/**
 * Helpers for the NLHE tests: set up a table through the `Game` interface, deal chosen cards
 * (as a test deals a published hand), and play actions that must be legal.
 */
import { expect } from 'vitest';
import { nlhe } from './game';
import type { NlheParams } from './match/params';
import type { NlheState } from './match/session';

export function params(raw: Record<string, unknown> = {}): NlheParams {
  const parsed = nlhe.descriptor.parseParams(raw);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.params;
}

/** Applies one action after checking it is legal for `actor`. */
export function act(s: NlheState, actor: number | 'chance', action: string): NlheState {
  const error = nlhe.validateAction(s, actor, action);
  expect(error, `${actor}: ${action}`).toBeNull();
  return nlhe.applyAction(s, actor, action);
}

/** Deals hole cards while chance is to deal them: `holes[seat]` like 'AsKd'. */
export function dealHoles(s: NlheState, holes: Record<number, string>): NlheState {
  const next = { ...holes };
  while (nlhe.currentPlayer(s) === 'chance') {
    const first = nlhe.chanceOutcomes(s)[0]!.action;
    const m = /^deal (\d+) /.exec(first);
    if (!m) break;
    const seat = Number(m[1]);
    const cards = next[seat];
    if (!cards) throw new Error(`no hole cards given for seat ${seat}`);
    s = act(s, 'chance', `deal ${seat} ${cards.slice(0, 2)}`);
    next[seat] = cards.slice(2);
  }
  return s;
}

/** Deals board cards ('AhKd2c') while chance is to deal the board. */
export function dealBoard(s: NlheState, cards: string): NlheState {
  for (let i = 0; i < cards.length; i += 2) s = act(s, 'chance', `deal board ${cards.slice(i, i + 2)}`);
  return s;
}

/** Plays `seat: action` steps, e.g. ['2: raise 300', '0: fold']; `board: Kd` deals a board card. */
export function play(s: NlheState, steps: readonly string[]): NlheState {
  for (const step of steps) {
    const [who, action] = step.split(': ') as [string, string];
    s = who === 'board' ? dealBoard(s, action) : act(s, Number(who), action);
  }
  return s;
}

/** A new single hand with the given hole cards dealt. */
export function start(raw: Record<string, unknown>, holes: Record<number, string>): NlheState {
  return dealHoles(nlhe.newInitialState(params(raw)), holes);
}

/** Chips by seat right now (live stacks during a hand). */
export function stacksOf(s: NlheState): number[] {
  const out = s.stacks.slice();
  if (!s.over) for (const [pos, seat] of s.seats.entries()) out[seat] = s.hand.stacks[pos]!;
  return out;
}
