import { rate, rating } from 'openskill';
import { describe, expect, it } from 'vitest';
import { openSkillRatings } from './openskill';
import { pairGames, ranksFromReturns } from './outcomes';

describe('OpenSkill (Plackett–Luce) wrapper', () => {
  it('ranks by returns, higher first, with ties sharing a rank', () => {
    expect(ranksFromReturns([1, 4, 2, 3])).toEqual([4, 1, 3, 2]);
    expect(ranksFromReturns([37, 19, 37, 42])).toEqual([2, 4, 2, 1]);
    expect(ranksFromReturns([0, 0, 0])).toEqual([1, 1, 1]);
  });

  it("reproduces the library's documented four-player example (rank 4, 1, 3, 2)", () => {
    // openskill README, "Artificial Ranking": 20.963, 27.795, 24.689, 26.553 (printed to three
    // decimals; 5.0.1 gives 20.9624 where it prints 20.963), so compared to ±0.005.
    const r = openSkillRatings(['a', 'b', 'c', 'd'], [{ seats: ['a', 'b', 'c', 'd'], returns: [1, 4, 2, 3] }]);
    expect(r.get('a')?.mu).toBeCloseTo(20.963, 2);
    expect(r.get('b')?.mu).toBeCloseTo(27.795, 2);
    expect(r.get('c')?.mu).toBeCloseTo(24.689, 2);
    expect(r.get('d')?.mu).toBeCloseTo(26.553, 2);
    expect(r.get('a')?.sigma).toBeCloseTo(8.084, 2);
    expect(r.get('b')?.sigma).toBeCloseTo(8.263, 2);
  });

  it("maps equal returns to draws, as the library's documented score example (37, 19, 37, 42)", () => {
    const r = openSkillRatings(['a', 'b', 'c', 'd'], [{ seats: ['a', 'b', 'c', 'd'], returns: [37, 19, 37, 42] }]);
    expect(r.get('a')?.mu).toBeCloseTo(24.689, 2);
    expect(r.get('c')?.mu).toBeCloseTo(24.689, 2);
    expect(r.get('b')?.mu).toBeCloseTo(22.826, 2);
    expect(r.get('d')?.mu).toBeCloseTo(27.795, 2);
  });

  it('equals direct library calls over a sequence of matches, with an ordinal of μ − 3σ', () => {
    const matches = [
      { seats: ['a', 'b', 'c'], returns: [3, 1, 2] },
      { seats: ['c', 'a', 'b'], returns: [0, 0, 5] },
      { seats: ['b', 'c', 'a'], returns: [1, 1, 1] },
    ];
    const ours = openSkillRatings(['a', 'b', 'c'], matches);
    let [a, b, c] = [rating(), rating(), rating()];
    [[a], [b], [c]] = rate([[a], [b], [c]], { rank: [1, 3, 2] }) as [[typeof a], [typeof a], [typeof a]];
    [[c], [a], [b]] = rate([[c], [a], [b]], { rank: [2, 2, 1] }) as [[typeof a], [typeof a], [typeof a]];
    [[b], [c], [a]] = rate([[b], [c], [a]], { rank: [1, 1, 1] }) as [[typeof a], [typeof a], [typeof a]];
    for (const [name, direct] of [
      ['a', a],
      ['b', b],
      ['c', c],
    ] as const) {
      expect(ours.get(name)?.mu).toBe(direct.mu);
      expect(ours.get(name)?.sigma).toBe(direct.sigma);
      expect(ours.get(name)?.ordinal).toBeCloseTo(direct.mu - 3 * direct.sigma, 12);
    }
  });

  it('averages the updates of a participant holding several seats', () => {
    const r = openSkillRatings(['x', 'y'], [{ seats: ['x', 'x', 'y'], returns: [2, 0, 1] }]);
    const [[s0], [s1], [s2]] = rate([[rating()], [rating()], [rating()]], { rank: [1, 3, 2] });
    expect(r.get('x')?.mu).toBeCloseTo((s0!.mu + s1!.mu) / 2, 12);
    expect(r.get('y')?.mu).toBeCloseTo(s2!.mu, 12);
  });

  it('turns a multi-seat match into paired comparisons between different participants only', () => {
    expect(pairGames({ seats: ['x', 'x', 'y'], returns: [2, 0, 1] })).toEqual([
      { a: 'x', b: 'y', score: 1 },
      { a: 'x', b: 'y', score: 0 },
    ]);
  });
});
