/** The table facts every NLHE view shares: blind markers, hand count, and named showdown hands. */
import { describe, expect, it } from 'vitest';
import { nlhe } from '../game';
import { act, dealHoles, params, play } from '../testing';

const holes = { 0: 'KsKd', 1: '7c2d', 2: 'QsJs' };

describe('table furniture in the views', () => {
  it('marks who posted the blinds, three-handed and heads-up', () => {
    const three = nlhe.newInitialState(params({ players: 3 }));
    // Seat 2 has the button; the two seats after it post the blinds.
    expect(nlhe.spectatorView(three)).toMatchObject({ button: 2, smallBlind: 0, bigBlind: 1 });
    const two = nlhe.newInitialState(params({ players: 2 }));
    // Heads-up the button posts the small blind.
    expect(nlhe.spectatorView(two)).toMatchObject({ button: 1, smallBlind: 1, bigBlind: 0 });
  });

  it('says how many hands a cash game plays, and nothing for a single hand', () => {
    const cash = nlhe.newInitialState(params({ players: 2, format: 'cash', hands: 4 }));
    expect(nlhe.spectatorView(cash)).toMatchObject({ format: 'cash', hand: 1, hands: 4 });
    expect(nlhe.spectatorView(nlhe.newInitialState(params({ players: 2 })))).not.toHaveProperty('hands');
  });
});

describe('showdown in the views', () => {
  it('names a shown hand for everyone, and names the winner in the last-hand summary', () => {
    let s = dealHoles(nlhe.newInitialState(params({ players: 3, format: 'cash', hands: 2 })), holes);
    s = play(s, ['2: call', '0: call', '1: check', 'board: Kh7s2c', '0: check', '1: check', '2: check']);
    s = play(s, ['board: 7d', '0: check', '1: check', '2: check', 'board: 3h', '0: raise 100', '1: call', '2: fold']);
    // Seat 0 made the last bet on the river, so it shows first; the spectator sees its hand named.
    s = act(s, 0, 'show');
    const shown = (nlhe.spectatorView(s) as { players: unknown[] }).players[0];
    expect(shown).toMatchObject({ shown: ['Ks', 'Kd'], handName: 'Full house, kings full of sevens' });
    s = act(s, 1, 'muck');
    // The next hand has begun: the summary of the last one names the winner and its hand.
    const view = nlhe.spectatorView(s) as { hand: number; lastHand?: Record<string, unknown> };
    expect(view.hand).toBe(2);
    expect(view.lastHand).toMatchObject({
      hand: 1,
      shown: { '0': 'KsKd' },
      names: { '0': 'Full house, kings full of sevens' },
      winners: [0],
    });
    // The mucked hand stays hidden from every other seat.
    expect(JSON.stringify([view, nlhe.observation(s, 0), nlhe.observation(s, 2)])).not.toMatch(/7c|2d/);
  });
});
