/**
 * α-Rank of a tournament's meta-game (Omidshafiei, Papadimitriou, Piliouras, Tuyls, Rowland,
 * Lespiau, Czarnecki, Lanctot, Pérolat & Munos, "α-Rank: Multi-Agent Evaluation by Evolution",
 * Scientific Reports 9, 2019), in its single-population form for symmetric two-player games.
 *
 * Maths. A population of m individuals all play participant s. A mutant r appears (each other
 * participant with probability 1/(n−1)) and spreads or dies out by a Moran process with selection
 * intensity α. With k mutants, a mutant's fitness is its mean payoff against the others,
 *   f_r(k) = ((k−1)·M_rr + (m−k)·M_rs) / (m−1),   f_s(k) = (k·M_sr + (m−k−1)·M_ss) / (m−1),
 * and it takes over with the fixation probability
 *   ρ_{s→r} = 1 / (1 + Σ_{l=1}^{m−1} Π_{k=1}^{l} exp(−α (f_r(k) − f_s(k)))),
 * which is 1/m for a neutral mutant. The transitions C_sr = ρ_{s→r}/(n−1), C_ss = 1 − Σ_r C_sr
 * form a Markov chain over participants; its stationary distribution π ranks them (mass = how
 * long evolution spends there). π is solved exactly from πC = π, Σπ = 1 (a dense linear system,
 * fine for tournament fields), which is what "exact for small populations" means here; sums are
 * kept in log space so that large α does not overflow.
 *
 * Unlike Nash averaging, α-Rank is not invariant to copies: a duplicated participant's mass is
 * split between the copies and the chain spends more time in their basin. Both are reported.
 */
import type { AlphaRank } from '@parley/protocol';
import { solveLinear } from './nash-averaging';

export interface AlphaRankOptions {
  /** Selection intensity α (default 10, on payoffs in [0, 1]: score rates). */
  alpha?: number;
  /** Population size m (default 50). */
  populationSize?: number;
}

const logSumExp = (xs: readonly number[]) => {
  const top = Math.max(...xs);
  return top + Math.log(xs.reduce((s, x) => s + Math.exp(x - top), 0));
};

/** ρ_{s→r}: the probability that one r mutant takes over a population of s. */
export function fixationProbability(
  m: readonly (readonly number[])[],
  s: number,
  r: number,
  alpha: number,
  size: number,
): number {
  const exponents = [0];
  let running = 0;
  for (let k = 1; k < size; k++) {
    const fr = ((k - 1) * m[r]![r]! + (size - k) * m[r]![s]!) / (size - 1);
    const fs = (k * m[s]![r]! + (size - k - 1) * m[s]![s]!) / (size - 1);
    running += -alpha * (fr - fs);
    exponents.push(running);
  }
  return Math.exp(-logSumExp(exponents));
}

export function alphaRank(
  names: readonly string[],
  payoff: readonly (readonly number[])[],
  options: AlphaRankOptions = {},
): AlphaRank {
  const alpha = options.alpha ?? 10;
  const size = options.populationSize ?? 50;
  const n = names.length;
  if (n === 0) return { names: [], mass: [], alpha, populationSize: size };
  if (n === 1) return { names: [...names], mass: [1], alpha, populationSize: size };
  const c = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let s = 0; s < n; s++) {
    let leave = 0;
    for (let r = 0; r < n; r++) {
      if (r === s) continue;
      c[s]![r] = fixationProbability(payoff, s, r, alpha, size) / (n - 1);
      leave += c[s]![r]!;
    }
    c[s]![s] = 1 - leave;
  }
  // (Cᵀ − I) π = 0 with the last equation replaced by Σπ = 1.
  const system = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => c[j]![i]! - (i === j ? 1 : 0)));
  system[n - 1] = new Array<number>(n).fill(1);
  const rhs = new Array<number>(n).fill(0);
  rhs[n - 1] = 1;
  const pi = solveLinear(system, rhs);
  if (!pi) throw new Error('alpha-rank: the chain has no unique stationary distribution');
  const clean = pi.map((x) => Math.max(0, x));
  const total = clean.reduce((s, x) => s + x, 0);
  return { names: [...names], mass: clean.map((x) => x / total), alpha, populationSize: size };
}
