/**
 * External-sampling Monte Carlo CFR (Lanctot, Waugh, Zinkevich, Bowling, "Monte Carlo Sampling
 * for Regret Minimization in Extensive Games", NIPS 2009).
 *
 * Maths. One iteration walks the tree once per seat i (the traverser). At chance nodes and at the
 * opponent's nodes a single outcome is sampled (chance by its probability, the opponent from its
 * current strategy); at i's own nodes every action is explored. The sampled counterfactual value
 * ṽ_i(I,a) is then an unbiased estimate of v_i(I,a) / q for a constant q, because the sampling
 * probabilities of the "external" events equal their reach weights π_{-i}; so the regret update
 * at i's nodes is simply R(I,a) += ṽ(h·a) − Σ_b σ(I,b) ṽ(h·b), with no importance weights.
 * The current strategy is regret matching. The average strategy is accumulated "simply": at each
 * opponent node visited, the opponent's current strategy is added to its strategy sum, which
 * samples π_{-i}-weighted contributions unbiasedly (Lanctot et al. 2009, §4).
 */
import { createRng, deriveSeed, type Rng } from '@parley/games';
import { normalizePerInfoset } from './cfr';
import { CHANCE, type CompiledTree, TERMINAL } from './game-tree';

export class ExternalSamplingSolver {
  readonly tree: CompiledTree;
  iteration = 0;
  readonly regrets: Float64Array;
  readonly strategySum: Float64Array;
  private readonly current: Float64Array;
  private readonly values: Float64Array;
  private readonly rng: Rng;

  constructor(tree: CompiledTree, options: { seed?: number } = {}) {
    this.tree = tree;
    const n = tree.infosets.numSlots;
    this.regrets = new Float64Array(n);
    this.strategySum = new Float64Array(n);
    this.current = new Float64Array(n);
    this.values = new Float64Array(tree.numNodes);
    this.rng = createRng(deriveSeed(options.seed ?? 1, 'es-mccfr'));
  }

  iterate(n = 1): void {
    for (let k = 0; k < n; k++) {
      this.iteration++;
      this.walk(0, 0);
      this.walk(0, 1);
    }
  }

  averageStrategy(): Float64Array {
    return normalizePerInfoset(this.tree, this.strategySum);
  }

  /** Regret matching at information set i into `current`; returns the first slot. */
  private match(i: number): number {
    const start = this.tree.infosets.actionStart;
    const lo = start[i] as number;
    const hi = start[i + 1] as number;
    const R = this.regrets;
    let sum = 0;
    for (let a = lo; a < hi; a++) if ((R[a] as number) > 0) sum += R[a] as number;
    for (let a = lo; a < hi; a++) this.current[a] = sum > 0 ? Math.max(R[a] as number, 0) / sum : 1 / (hi - lo);
    return lo;
  }

  private walk(h: number, p: number): number {
    const { kind, childStart, childCount, prob, payoff, player, infoset } = this.tree;
    const k = kind[h];
    if (k === TERMINAL) return p === 0 ? (payoff[h] as number) : -(payoff[h] as number);
    const first = childStart[h] as number;
    const n = childCount[h] as number;
    if (k === CHANCE) return this.walk(first + sample(prob, first, n, this.rng), p);
    const lo = this.match(infoset[h] as number);
    const cur = this.current;
    if (player[h] !== p) {
      for (let a = 0; a < n; a++) this.strategySum[lo + a] += cur[lo + a] as number;
      return this.walk(first + sample(cur, lo, n, this.rng), p);
    }
    // Children may re-match other sets but never this one (perfect recall), so `cur` stays valid.
    let v = 0;
    for (let a = 0; a < n; a++) {
      const u = this.walk(first + a, p);
      this.values[first + a] = u;
      v += (cur[lo + a] as number) * u;
    }
    for (let a = 0; a < n; a++) this.regrets[lo + a] += (this.values[first + a] as number) - v;
    return v;
  }
}

/** Samples an index in [0, n) with weights w[offset..offset+n) summing to 1. */
export function sample(w: Float64Array, offset: number, n: number, rng: Rng): number {
  let u = rng.float();
  for (let a = 0; a < n - 1; a++) {
    u -= w[offset + a] as number;
    if (u < 0) return a;
  }
  return n - 1;
}
