import { createRng } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { bradleyTerry, bradleyTerryIntervals } from './bradley-terry';
import type { PairGame } from './outcomes';

/** `wins` games a over b and `losses` b over a (and `ties` ties). */
function series(a: string, b: string, wins: number, losses: number, ties = 0): PairGame[] {
  return [
    ...Array.from({ length: wins }, () => ({ a, b, score: 1 })),
    ...Array.from({ length: losses }, () => ({ a, b, score: 0 })),
    ...Array.from({ length: ties }, () => ({ a, b, score: 0.5 })),
  ];
}

const elo = (ratio: number) => 400 * Math.log10(ratio);

describe('Bradley–Terry', () => {
  it('solves the two-player case by hand: 3 wins in 4 is odds 3, i.e. 400·log10 3 points', () => {
    const fit = bradleyTerry(['a', 'b'], series('a', 'b', 3, 1), { prior: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.ratings.get('a')! - fit.ratings.get('b')!).toBeCloseTo(elo(3), 8);
    expect(fit.ratings.get('a')! + fit.ratings.get('b')!).toBeCloseTo(3000, 8); // mean anchored at 1500
  });

  it('recovers known strengths exactly from win counts built from them', () => {
    // Strengths 1, 2, 4: P(i beats j) = γi/(γi+γj); 30 games per pair give integer win counts,
    // so the likelihood equations hold exactly at the truth and the MLE is the truth.
    const games = [...series('x', 'y', 10, 20), ...series('x', 'z', 6, 24), ...series('y', 'z', 10, 20)];
    const fit = bradleyTerry(['x', 'y', 'z'], games, { prior: 0, anchor: { participant: 'x', rating: 1000 } });
    expect(fit.ratings.get('x')).toBeCloseTo(1000, 8);
    expect(fit.ratings.get('y')).toBeCloseTo(1000 + elo(2), 8);
    expect(fit.ratings.get('z')).toBeCloseTo(1000 + elo(4), 8);
  });

  it('counts ties as half wins: a 2–0–2 record equals 3 wins in 4', () => {
    const tied = bradleyTerry(['a', 'b'], series('a', 'b', 2, 0, 2), { prior: 0 });
    expect(tied.ratings.get('a')! - tied.ratings.get('b')!).toBeCloseTo(elo(3), 8);
  });

  it('puts a symmetric cycle at the mean and leaves a participant without games unrated', () => {
    const games = [...series('a', 'b', 5, 5), ...series('b', 'c', 7, 3), ...series('c', 'a', 7, 3), ...series('a', 'b', 4, 0)];
    const cycle = bradleyTerry(
      ['a', 'b', 'c', 'idle'],
      [...series('a', 'b', 7, 3), ...series('b', 'c', 7, 3), ...series('c', 'a', 7, 3)],
    );
    for (const p of ['a', 'b', 'c']) expect(cycle.ratings.get(p)).toBeCloseTo(1500, 8);
    expect(cycle.ratings.get('idle')).toBeNull();
    expect(bradleyTerry(['a', 'b', 'c'], games).converged).toBe(true);
  });

  it('keeps a perfect record finite with the virtual-draw prior, and shrinks less with more games', () => {
    const few = bradleyTerry(['a', 'b'], series('a', 'b', 5, 0));
    const many = bradleyTerry(['a', 'b'], series('a', 'b', 50, 0));
    const gap = (f: typeof few) => f.ratings.get('a')! - f.ratings.get('b')!;
    expect(Number.isFinite(gap(few))).toBe(true);
    expect(gap(many)).toBeGreaterThan(gap(few));
    // With prior 1 and a 30-game series at odds 2, the estimate is within a few points of the truth.
    const mild = bradleyTerry(['a', 'b'], series('a', 'b', 20, 10));
    expect(Math.abs(gap(mild) - elo(2))).toBeLessThan(10);
  });

  it('gives bootstrap 95% intervals that cover the true ratings about 95% of the time', () => {
    // Synthetic tournaments from known strengths: 4 participants, every pair plays 40 games.
    // Fixed seeds: 100 tournaments of 500 resamples give 400 intervals, enough to tell 95% from
    // the bounds below (one standard error is about 1.1 points) at a quarter of the CPU of 200 × 1000.
    const truth = [1300, 1450, 1550, 1700]; // mean 1500, the default anchor
    const names = ['p0', 'p1', 'p2', 'p3'];
    const rng = createRng(20240611);
    const tournaments = 100;
    let covered = 0;
    let total = 0;
    let width = 0;
    for (let t = 0; t < tournaments; t++) {
      const games: PairGame[] = [];
      for (let i = 0; i < 4; i++)
        for (let j = i + 1; j < 4; j++) {
          const p = 1 / (1 + 10 ** (((truth[j] as number) - (truth[i] as number)) / 400));
          for (let g = 0; g < 40; g++) games.push({ a: names[i]!, b: names[j]!, score: rng.float() < p ? 1 : 0 });
        }
      const intervals = bradleyTerryIntervals(
        names,
        games.map((g) => [g]),
        { samples: 500, seed: t },
      );
      names.forEach((name, i) => {
        const ci = intervals.get(name)!;
        total++;
        width += ci.hi - ci.lo;
        if (ci.lo <= truth[i]! && truth[i]! <= ci.hi) covered++;
      });
    }
    const coverage = covered / total;
    console.log(`bootstrap coverage ${covered}/${total} = ${coverage.toFixed(3)}, mean width ${(width / total).toFixed(1)} Elo`);
    expect(coverage).toBeGreaterThanOrEqual(0.9);
    expect(coverage).toBeLessThanOrEqual(0.99);
  });
});
