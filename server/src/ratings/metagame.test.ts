import { describe, expect, it } from 'vitest';
import { alphaRank, fixationProbability } from './alpha-rank';
import { nashAveraging } from './nash-averaging';

// Score rates, row against column (½ on the diagonal): rock–paper–scissors.
const rps = [
  [0.5, 0, 1],
  [1, 0.5, 0],
  [0, 1, 0.5],
];
/** Payoffs centred on ½, as Nash averaging takes them (antisymmetric). */
const centred = (m: number[][]) => m.map((row) => row.map((x) => x - 0.5));
/** Adds a copy of participant k. */
const withCopy = (m: number[][], k: number) => {
  const rows = [...m.map((row) => [...row, row[k]!]), [...m[k]!, 0.5]];
  return rows;
};
/** RPS plus D, which loses to everyone. */
const dominated = [
  [0.5, 0, 1, 1],
  [1, 0.5, 0, 1],
  [0, 1, 0.5, 1],
  [0, 0, 0, 0.5],
];

const close = (xs: number[], ys: number[], digits = 9) => {
  for (const [i, x] of xs.entries()) expect(x).toBeCloseTo(ys[i]!, digits);
};

describe('Nash averaging', () => {
  it('rock–paper–scissors: the uniform mixture, everyone rated 0', () => {
    const r = nashAveraging(['R', 'P', 'S'], centred(rps));
    close(r.weights, [1 / 3, 1 / 3, 1 / 3]);
    close(r.ratings, [0, 0, 0]);
    expect(r.maxEntropy).toBe(true);
  });

  it('a dominated strategy gets no weight and a rating of its loss against the mixture', () => {
    const r = nashAveraging(['R', 'P', 'S', 'D'], centred(dominated));
    close(r.weights, [1 / 3, 1 / 3, 1 / 3, 0]);
    close(r.ratings, [0, 0, 0, -0.5]);
  });

  it('duplicated entrants split their weight and change nobody’s rating', () => {
    const r = nashAveraging(['R', 'P', 'S', "R'"], centred(withCopy(rps, 0)));
    close(r.weights, [1 / 6, 1 / 3, 1 / 3, 1 / 6]);
    close(r.ratings, [0, 0, 0, 0]);
    // Transitive field with the top entrant entered twice: the copies share the mixture.
    const chain = [
      [0.5, 0.7, 0.9],
      [0.3, 0.5, 0.6],
      [0.1, 0.4, 0.5],
    ];
    const t = nashAveraging(['A', 'B', 'C', "A'"], centred(withCopy(chain, 0)));
    close(t.weights, [0.5, 0, 0, 0.5]);
    close(t.ratings, [0, -0.2, -0.4, 0]);
  });
});

describe('α-Rank', () => {
  it('two strategies, one always winning: π_A/π_B = exp(α·m/2) in closed form', () => {
    // With M_AB = 1, M_BA = 0 and ½ on the diagonal the fitness gap is m/(2(m−1)) at every k,
    // so the Moran fixation probabilities give π_A/π_B = ρ_{B→A}/ρ_{A→B} = exp((m−1)·α·gap).
    const m = [
      [0.5, 1],
      [0, 0.5],
    ];
    const r = alphaRank(['A', 'B'], m, { alpha: 0.1, populationSize: 20 });
    expect(Math.log(r.mass[0]! / r.mass[1]!)).toBeCloseTo((0.1 * 20) / 2, 9);
    // A neutral mutant fixes with probability 1/m.
    expect(
      fixationProbability(
        [
          [0.5, 0.5],
          [0.5, 0.5],
        ],
        0,
        1,
        5,
        20,
      ),
    ).toBeCloseTo(1 / 20, 12);
  });

  it('rock–paper–scissors: uniform by symmetry', () => {
    close(alphaRank(['R', 'P', 'S'], rps).mass, [1 / 3, 1 / 3, 1 / 3]);
  });

  it('a dominated strategy gets (almost) no mass; the cycle shares the rest equally', () => {
    const r = alphaRank(['R', 'P', 'S', 'D'], dominated, { alpha: 10 });
    expect(r.mass[3]).toBeLessThan(1e-9);
    close(r.mass.slice(0, 3), [1 / 3, 1 / 3, 1 / 3], 6);
  });

  it('duplicated entrants share mass equally but, unlike Nash averaging, pull mass to their basin', () => {
    const r = alphaRank(['R', 'P', 'S', "R'"], withCopy(rps, 0));
    expect(r.mass[0]).toBeCloseTo(r.mass[3]!, 12);
    expect(r.mass.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(r.mass[0]! + r.mass[3]!).not.toBeCloseTo(1 / 3, 3);
  });
});
