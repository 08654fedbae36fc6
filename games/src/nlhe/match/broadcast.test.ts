import { describe, expect, it } from 'vitest';
import { nlhe } from '../game';
import { act, dealBoard, params, play, start } from '../testing';
import { broadcastSeats } from './broadcast';

describe('the broadcast view (spectators behind a delay)', () => {
  it('shows the hands in play with names and equities summing to one, and never a folded hand', () => {
    let s = start({ players: 3 }, { 0: 'AhKh', 1: '7c7d', 2: 'QsJs' });
    s = play(s, ['2: fold', '0: call', '1: check']);
    s = dealBoard(s, '7h8h2c');
    const seats = broadcastSeats(s);
    expect(seats.map((x) => [x.seat, x.hole])).toEqual([
      [0, ['Ah', 'Kh']],
      [1, ['7c', '7d']],
    ]);
    expect(seats[0]!.handName).toBe('High card, ace king eight seven two');
    expect(seats[1]!.handName).toMatch(/^Three of a kind/i);
    const total = seats.reduce((sum, x) => sum + (x.equity ?? 0), 0);
    expect(total).toBeCloseTo(1, 9);
    // On the flop heads-up the run-outs are enumerated: 990 boards, the same answer every time.
    expect(seats[1]!.equity!).toBeGreaterThan(0.7);
    expect(broadcastSeats(s)).toEqual(seats);
    expect(JSON.stringify(nlhe.broadcastView?.(s))).not.toMatch(/Qs|Js/);
  });

  it('gives each hand the exact equity on the river: the better hand has it all', () => {
    let s = start({ players: 2 }, { 0: 'AhKh', 1: '7c7d' });
    s = play(s, ['1: call', '0: check']);
    s = dealBoard(s, '7h8h2c');
    s = play(s, ['0: check', '1: check']);
    s = dealBoard(s, '3s');
    s = play(s, ['0: check', '1: check']);
    s = dealBoard(s, '9d');
    expect(broadcastSeats(s).map((x) => x.equity)).toEqual([0, 1]);
    s = act(s, 0, 'check');
    expect(broadcastSeats(s).map((x) => x.seat)).toEqual([0, 1]);
  });

  it('has no hole cards before any are dealt, and no equity for a lone hand', () => {
    expect(broadcastSeats(nlhe.newInitialState(params({ players: 2 })))).toEqual([]);
    let s = start({ players: 3 }, { 0: 'AhKh', 1: '7c7d', 2: 'QsJs' });
    s = play(s, ['2: fold', '0: fold']);
    // The next hand is dealt at once: no hole cards yet, so nothing to show.
    expect(broadcastSeats(s)).toEqual([]);
  });
});
