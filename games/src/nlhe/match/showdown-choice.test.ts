import { describe, expect, it } from 'vitest';
import { nlhe } from '../game';
import { act, dealBoard, play, start } from '../testing';

const MUCK = { muckLosing: true };
const SHOW = { muckLosing: false };

/** Three-way to a river showdown on 2s9dTc3h4c: seat 2 bets, seat 0 folds, seat 1 calls; seat 2 shows queen high first. */
function riverShowdown(seat1: string) {
  let s = start({ players: 3 }, { 0: 'AhKh', 1: seat1, 2: 'QsJs' });
  s = play(s, ['2: call', '0: call', '1: check', 'board: 2s9dTc', '0: check', '1: check', '2: check', 'board: 3h']);
  s = play(s, ['0: check', '1: check', '2: check']);
  s = dealBoard(s, '4c');
  return play(s, ['0: check', '1: check', '2: raise 100', '0: fold', '1: call']);
}

describe('the showdown a person leaves to the table', () => {
  it('shows the first hand at showdown, which nothing has beaten yet', () => {
    const s = riverShowdown('8c7d');
    expect(nlhe.legalActions(s, 2)).toEqual(['muck', 'show']);
    expect(nlhe.settledAction?.(s, 2, MUCK)).toBe('show');
  });

  it('mucks a hand beaten by a shown one when the person mucks losing hands, and shows it otherwise', () => {
    const s = act(riverShowdown('8c7d'), 2, 'show'); // ten high loses to queen high
    expect(nlhe.legalActions(s, 1)).toEqual(['muck', 'show']);
    expect(nlhe.settledAction?.(s, 1, MUCK)).toBe('muck');
    expect(nlhe.settledAction?.(s, 1, SHOW)).toBe('show');
    const mucked = act(s, 1, 'muck');
    expect(JSON.stringify([nlhe.spectatorView(mucked), nlhe.observation(mucked, 2)])).not.toMatch(/8c|7d/);
  });

  it('shows a hand that wins or splits the pot, whatever the setting', () => {
    expect(nlhe.settledAction?.(act(riverShowdown('7c7h'), 2, 'show'), 1, MUCK)).toBe('show'); // a pair of sevens wins
    expect(nlhe.settledAction?.(act(riverShowdown('QdJd'), 2, 'show'), 1, MUCK)).toBe('show'); // the same hand splits
  });

  it('shows when the rules make every hand be shown (a player all in)', () => {
    let s = start({ players: 2, startingStack: 1000 }, { 0: '2c7d', 1: 'AsAd' });
    s = play(s, ['1: raise 1000', '0: call']);
    expect(nlhe.legalActions(s, nlhe.actingSeats(s)[0]!)).toEqual(['show']);
    expect(nlhe.settledAction?.(s, nlhe.actingSeats(s)[0]!, MUCK)).toBe('show');
  });

  it('settles nothing outside a showdown or for a seat not to act', () => {
    const s = start({ players: 3 }, { 0: 'AhKh', 1: '8c7d', 2: 'QsJs' });
    expect(nlhe.settledAction?.(s, 2, MUCK)).toBeNull();
    expect(nlhe.settledAction?.(riverShowdown('8c7d'), 1, MUCK)).toBeNull();
  });
});
