import { describe, expect, it } from 'vitest';
import { eloExpected, eloRatings } from './elo';

describe('Elo', () => {
  it('matches hand-computed updates', () => {
    // Equal ratings: E = 0.5, the winner gains K/2 = 16.
    const one = eloRatings(['a', 'b'], [{ a: 'a', b: 'b', score: 1 }], { k: 32 });
    expect(one.get('a')).toBe(1516);
    expect(one.get('b')).toBe(1484);
    // Then b wins: E_b = 1/(1 + 10^(32/400)) = 0.454079…, b gains 32 × 0.545921 = 17.4695…
    const two = eloRatings(
      ['a', 'b'],
      [
        { a: 'a', b: 'b', score: 1 },
        { a: 'b', b: 'a', score: 1 },
      ],
      { k: 32 },
    );
    expect(two.get('b')).toBeCloseTo(1484 + 32 * (1 - 1 / (1 + 10 ** (32 / 400))), 10);
    expect(two.get('b')).toBeCloseTo(1501.4695, 3);
    expect(two.get('a')).toBeCloseTo(1498.5305, 3);
  });

  it('moves nothing on a tie between equals and conserves the sum', () => {
    const r = eloRatings(
      ['a', 'b', 'c'],
      [
        { a: 'a', b: 'b', score: 0.5 },
        { a: 'c', b: 'a', score: 1 },
        { a: 'b', b: 'c', score: 0.5 },
      ],
    );
    expect(r.get('a')! + r.get('b')! + r.get('c')!).toBeCloseTo(4500, 9);
    expect(eloRatings(['a', 'b'], [{ a: 'a', b: 'b', score: 0.5 }]).get('a')).toBe(1500);
  });

  it('gives a 200-point favourite about 76% (the standard table)', () => {
    expect(eloExpected(1700, 1500)).toBeCloseTo(0.7597, 4);
  });
});
