/**
 * The hand book of a page opened mid-match: hands the arena served join the hands the page saw
 * itself, in hand order, once each (the page's own copy kept), and anything not shaped like a
 * finished hand is left out.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_BOOK, type PastHand, servedHands, withServed } from './hand-history';

const served = (hand: number) => ({
  hand,
  board: 'AsKd7c',
  shown: {},
  names: {},
  result: { '0': 50, '1': -50 },
  winners: [0],
  actions: ['deal 0 Qs', 'deal 0 Qd', 'deal 1 ??', 'deal 1 ??', '1: fold'],
});

describe('served hands', () => {
  it('reads the arena’s hands and leaves out what is not one', () => {
    const hands = servedHands([served(1), null, { hand: 'two' }, { hand: 3, actions: 'x', board: '' }]);
    expect(hands).toEqual([
      {
        hand: 1,
        log: served(1).actions,
        board: ['As', 'Kd', '7c'],
        winners: [0],
        result: { '0': 50, '1': -50 },
        shown: {},
        names: {},
      },
    ]);
  });

  it('fills in the hands the page missed, in order, keeping the ones it saw', () => {
    const seen: PastHand = { ...servedHands([served(3)])[0]!, log: ['seen by the page'] };
    const book = { current: null, past: [seen] };
    const merged = withServed(book, servedHands([served(1), served(2), served(3)]));
    expect(merged.past.map((h) => h.hand)).toEqual([1, 2, 3]);
    expect(merged.past[2]?.log).toEqual(['seen by the page']);
    // Nothing new: the same book, so nothing redraws.
    expect(withServed(merged, servedHands([served(2)]))).toBe(merged);
    expect(withServed(EMPTY_BOOK, [])).toBe(EMPTY_BOOK);
  });
});
