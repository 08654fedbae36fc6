/**
 * The finished hands of a session as each reader may read them: a page opened mid-match lists
 * them. Shown hands are face up for everyone, a seat reads its own hole cards, and nothing of a
 * mucked or folded hand of another seat, nor of the hand in play, is there.
 */
import { describe, expect, it } from 'vitest';
import { nlhe } from '../game';
import { act, dealHoles, params, play } from '../testing';

/** Hand 1 to a showdown (seat 0 shows KsKd, seat 1 mucks 7c2d, seat 2 folded QsJs), hand 2 dealt. */
function afterOneHand() {
  let s = dealHoles(nlhe.newInitialState(params({ players: 3, format: 'cash', hands: 3 })), {
    0: 'KsKd',
    1: '7c2d',
    2: 'QsJs',
  });
  s = play(s, ['2: call', '0: call', '1: check', 'board: Kh7s2c', '0: check', '1: check', '2: check']);
  s = play(s, ['board: 7d', '0: check', '1: check', '2: check', 'board: 3h', '0: raise 100', '1: call', '2: fold']);
  s = act(act(s, 0, 'show'), 1, 'muck');
  return dealHoles(s, { 0: 'AhAd', 1: '9h9d', 2: '5c4c' });
}

const text = (viewer: number | null) => JSON.stringify(nlhe.finishedHands!(afterOneHand(), viewer));

describe('finished hands', () => {
  it('lists the hands that are over with the shown hand face up, and not the hand in play', () => {
    const hands = nlhe.finishedHands!(afterOneHand(), null) as { hand: number; shown: object; winners: number[] }[];
    expect(hands.map((h) => h.hand)).toEqual([1]);
    expect(hands[0]).toMatchObject({ shown: { '0': 'KsKd' }, winners: [0] });
    for (const viewer of [null, 0, 1, 2]) expect(text(viewer), String(viewer)).not.toMatch(/Ah|Ad|9h|9d|5c|4c/);
  });

  it('gives a spectator no hidden card, and each seat its own hole cards only', () => {
    expect(text(null)).not.toMatch(/7c|2d|Qs|Js/);
    expect(text(0)).not.toMatch(/7c|2d|Qs|Js/);
    expect(text(1)).toContain('deal 1 7c');
    expect(text(1)).not.toMatch(/Qs|Js/);
    expect(text(2)).toContain('deal 2 Qs');
    expect(text(2)).not.toMatch(/7c|2d/);
  });

  it('is empty before the first hand ends', () => {
    expect(nlhe.finishedHands!(nlhe.newInitialState(params({ players: 2, format: 'cash' })), 0)).toEqual([]);
  });
});
