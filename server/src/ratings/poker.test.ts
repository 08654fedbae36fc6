import { describe, expect, it } from 'vitest';
import { matchMbb, pokerRatings } from './poker';

const scale = { bigBlind: 2, handsPerMatch: 1 };

describe('poker mbb per hand', () => {
  it('converts chips to milli-big-blinds per hand', () => {
    expect(matchMbb({ seats: ['a', 'b'], returns: [3, -3] }, scale)).toEqual(
      new Map([
        ['a', 1500],
        ['b', -1500],
      ]),
    );
    expect(matchMbb({ seats: ['a', 'b'], returns: [20, -20] }, { bigBlind: 2, handsPerMatch: 100 }).get('a')).toBe(100);
    // Self-play: the mean over the seats a participant holds.
    expect(matchMbb({ seats: ['a', 'a', 'b'], returns: [4, 2, -6] }, scale).get('a')).toBe(1500);
  });

  it('pairs duplicate matches so the luck of the cards cancels', () => {
    // Each deal is played twice with the seats swapped; seat 0 gets the good cards and wins 10,
    // whoever sits there, except in deal d2 where a outplays b by 2 chips overall.
    const matches = [
      { seats: ['a', 'b'], returns: [10, -10], group: 'd1', groupSize: 2 },
      { seats: ['b', 'a'], returns: [10, -10], group: 'd1', groupSize: 2 },
      { seats: ['a', 'b'], returns: [-8, 8], group: 'd2', groupSize: 2 },
      { seats: ['b', 'a'], returns: [-10, 10], group: 'd2', groupSize: 2 },
      { seats: ['a', 'b'], returns: [6, -6], group: 'd3', groupSize: 2 }, // its partner never finished
    ];
    const r = pokerRatings(['a', 'b'], matches, scale);
    const a = r.get('a')!;
    // Raw: 5000, −5000, −4000, 5000, 3000 mbb, taken per duplicate group (the sampling unit, since
    // a group's matches share their cards): d1 0, d2 500, d3 (half played) 3000.
    expect(a.raw?.n).toBe(5);
    expect(a.raw?.units).toBe(3);
    expect(a.raw?.mean).toBeCloseTo(3500 / 3, 9);
    // Duplicate: groups d1 (0) and d2 ((−4000 + 5000)/2 = 500); d3 is incomplete and left out.
    expect(a.duplicate?.n).toBe(2);
    expect(a.duplicate?.mean).toBeCloseTo(250, 9);
    expect(r.get('b')!.duplicate?.mean).toBeCloseTo(-250, 9);
    const width = (e: { lo: number | null; hi: number | null }) => e.hi! - e.lo!;
    expect(width(a.duplicate!)).toBeLessThan(width(a.raw!));
    // Interval: mean ± 1.96·s/√n with s the sample standard deviation.
    const s = Math.sqrt(((0 - 250) ** 2 + (500 - 250) ** 2) / 1);
    expect(a.duplicate?.hi).toBeCloseTo(250 + (1.96 * s) / Math.sqrt(2), 9);
  });

  it('has no duplicate figure without groups, and no interval from a single match', () => {
    const r = pokerRatings(['a', 'b', 'c'], [{ seats: ['a', 'b'], returns: [1, -1] }], scale);
    expect(r.get('a')).toEqual({ raw: { mean: 500, lo: null, hi: null, n: 1, units: 1 }, duplicate: null });
    expect(r.get('c')).toEqual({ raw: null, duplicate: null });
  });

  it('reports identical strategies as identical in duplicate, not as a zero-width interval', () => {
    const deal = (g: string, chips: number) => [
      { seats: ['a', 'b'], returns: [chips, -chips], group: g, groupSize: 2 },
      { seats: ['b', 'a'], returns: [chips, -chips], group: g, groupSize: 2 },
    ];
    const r = pokerRatings(['a', 'b'], [...deal('d1', 3), ...deal('d2', -7), ...deal('d3', 1)], scale);
    for (const name of ['a', 'b']) {
      const e = r.get(name)!;
      expect(e.duplicate).toEqual({ mean: 0, lo: null, hi: null, n: 3, units: 3, identical: true });
      expect(e.raw).toMatchObject({ mean: 0, lo: null, hi: null, n: 6, units: 3, identical: true });
    }
  });
});
