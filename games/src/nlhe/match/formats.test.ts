/** Cash games and sit-and-gos: the button, stacks between hands, rebuys, blind levels, eliminations. */
import { describe, expect, it } from 'vitest';
import { nlhe } from '../game';
import { dealBoard, dealHoles, params, play, stacksOf } from '../testing';
import { levelFor } from './params';
import { finishingOrder } from './session';

const holes = { 0: '7c2d', 1: 'AsAh', 2: 'KsKh' };

describe('cash game', () => {
  const cash = (extra: Record<string, unknown> = {}) =>
    nlhe.newInitialState(params({ players: 3, format: 'cash', hands: 3, startingStack: 1000, ...extra }));

  it('moves the button one seat left each hand and carries the stacks over', () => {
    let s = dealHoles(cash(), holes);
    expect([s.button, s.seats]).toEqual([2, [0, 1, 2]]);
    s = play(s, ['2: fold', '0: fold']);
    expect(s.handNumber).toBe(2);
    expect(s.stacks).toEqual([950, 1050, 1000]);
    expect([s.button, s.seats]).toEqual([0, [1, 2, 0]]);
    expect(stacksOf(s)).toEqual([950, 1000, 900]); // seat 1 posts the small blind, seat 2 the big blind
    s = play(dealHoles(s, holes), ['0: fold', '1: fold']);
    expect([s.button, s.seats, s.stacks]).toEqual([1, [2, 0, 1], [950, 1000, 1050]]);
    s = play(dealHoles(s, holes), ['1: raise 300', '2: fold', '0: fold']);
    expect(nlhe.isTerminal(s)).toBe(true);
    expect(s.stacks).toEqual([850, 1150, 1000]);
    expect(nlhe.returns(s)).toEqual([-150, 150, 0]);
  });

  it('resets every stack before each hand with resetStacks, keeping the net result', () => {
    const s = play(dealHoles(cash({ resetStacks: true }), holes), ['2: fold', '0: fold']);
    expect(s.stacks).toEqual([1000, 1000, 1000]);
    expect(s.net).toEqual([-50, 50, 0]);
    expect(stacksOf(s)).toEqual([1000, 950, 900]);
  });

  /** Hand 1: seat 0 (100 chips) calls all in from the small blind, seat 1's aces beat it. */
  const bust = (extra: Record<string, unknown>) => {
    let s = nlhe.newInitialState(params({ players: 3, format: 'cash', hands: 5, stacks: [100, 1000, 1000], ...extra }));
    s = play(dealHoles(s, holes), ['2: fold', '0: call', '1: check', '0: show', '1: show']);
    return dealBoard(s, '3c4d9hTsJc');
  };

  it('lets a busted player sit out without rebuys', () => {
    const s = bust({});
    expect(s.handNumber).toBe(2);
    expect(s.stacks).toEqual([0, 1100, 1000]);
    // Heads-up now: the button moved past the empty seat to seat 1, who posts the small blind.
    expect([s.button, s.seats]).toEqual([1, [2, 1]]);
    expect(stacksOf(s)).toEqual([0, 1050, 900]);
  });

  it('buys a busted player back in with rebuy', () => {
    const s = bust({ rebuy: true });
    expect(s.stacks).toEqual([100, 1100, 1000]);
    expect(s.rebuys).toEqual([1, 0, 0]);
    expect(s.seats).toEqual([1, 2, 0]);
    expect(s.net).toEqual([-100, 100, 0]);
  });
});

describe('sit-and-go', () => {
  const schedule = [
    { hands: 1, blinds: [10, 20] },
    { hands: 1, blinds: [20, 40] },
    { hands: 1, blinds: [50, 100] },
  ];

  it('raises the blinds by hand count, eliminates busted players and ends with one player holding every chip', () => {
    let s = nlhe.newInitialState(params({ players: 3, format: 'sng', startingStack: 200, blindSchedule: schedule }));
    expect(stacksOf(s)).toEqual([190, 180, 200]);
    s = play(dealHoles(s, { 0: '7c2d', 1: 'QsQh', 2: 'AsAh' }), ['2: raise 200', '0: call', '1: fold', '2: show', '0: show']);
    s = dealBoard(s, '3c4d9hTsJc');
    expect(s.eliminated).toEqual([0]);
    expect(s.stacks).toEqual([0, 180, 420]);
    // Hand 2 is heads-up at 20/40: the button (seat 1) posts the small blind.
    expect([s.handNumber, s.button, s.seats]).toEqual([2, 1, [2, 1]]);
    expect(stacksOf(s)).toEqual([0, 160, 380]);
    s = play(dealHoles(s, { 1: '7c2d', 2: 'AsAh' }), ['1: raise 180', '2: call', '1: show', '2: show']);
    s = dealBoard(s, '3c4d9hTsJc');
    expect(nlhe.isTerminal(s)).toBe(true);
    expect(s.eliminated).toEqual([0, 1]);
    expect(finishingOrder(s)).toEqual([2, 1, 0]);
    expect(nlhe.returns(s)).toEqual([-200, -200, 400]);
    expect(nlhe.observation(s, 0)).toMatchObject({ finishingOrder: [2, 1, 0], phase: 'over' });
  });

  it('ranks players busted in the same hand by the chips they started it with', () => {
    let s = nlhe.newInitialState(params({ players: 3, format: 'sng', stacks: [100, 300, 1000], blindSchedule: schedule }));
    s = play(dealHoles(s, { 0: '7c2d', 1: 'QsQh', 2: 'AsAh' }), [
      '2: raise 1000',
      '0: call',
      '1: call',
      '2: show',
      '0: show',
      '1: show',
    ]);
    s = dealBoard(s, '3c4d9hTsJc');
    expect(nlhe.isTerminal(s)).toBe(true);
    expect(s.eliminated).toEqual([0, 1]);
    expect(finishingOrder(s)).toEqual([2, 1, 0]);
  });

  it('keeps the last level, and by default doubles the blinds every ten hands', () => {
    const p = params({ format: 'sng', blindSchedule: schedule });
    expect([1, 2, 3, 50].map((h) => levelFor(p, h).blinds)).toEqual([
      [10, 20],
      [20, 40],
      [50, 100],
      [50, 100],
    ]);
    const d = params({ format: 'sng' });
    expect([1, 10, 11, 21].map((h) => levelFor(d, h).blinds)).toEqual([
      [50, 100],
      [50, 100],
      [100, 200],
      [200, 400],
    ]);
  });
});
