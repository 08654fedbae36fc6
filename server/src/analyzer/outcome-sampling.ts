/**
 * Outcome-sampling Monte Carlo CFR (Lanctot, Waugh, Zinkevich, Bowling, "Monte Carlo Sampling
 * for Regret Minimization in Extensive Games", NIPS 2009; Lanctot's thesis, 2013, §4.2).
 *
 * Maths. One iteration samples a single terminal history per seat i (the traverser). Chance is
 * sampled by its probability (it cancels out of every ratio below), the opponent on-policy, and
 * i from the ε-exploring policy σ'(I) = ε·uniform + (1−ε)·σ(I), so every action keeps a positive
 * sampling probability. Walking back up, each node returns an unbiased estimate of v_i(h):
 * the sampled child's estimate divided by its sampling probability, weighted by σ, and 0 for
 * the children not sampled. At i's nodes, with π_{-i}(h) the opponent's reach and q(h) the
 * sampling reach, the regret update is
 *   R(I,a) += π_{-i}(h)/q(h) · (v̂(h·a) − Σ_b σ(I,b) v̂(h·b)),
 * and the average strategy gains π_i(h)/q(h) · σ(I,·) (an unbiased estimate of i's own-reach
 * weighting). ε defaults to 0.6, as in Lanctot et al.
 */
import { createRng, deriveSeed, type Rng } from '@parley/games';
import { normalizePerInfoset } from './cfr';
import { sample } from './external-sampling';
import { CHANCE, type CompiledTree, TERMINAL } from './game-tree';

export class OutcomeSamplingSolver {
  readonly tree: CompiledTree;
  iteration = 0;
  readonly epsilon: number;
  readonly regrets: Float64Array;
  readonly strategySum: Float64Array;
  private readonly current: Float64Array;
  private readonly explore: Float64Array;
  private readonly rng: Rng;

  constructor(tree: CompiledTree, options: { seed?: number; epsilon?: number } = {}) {
    this.tree = tree;
    const n = tree.infosets.numSlots;
    this.epsilon = options.epsilon ?? 0.6;
    this.regrets = new Float64Array(n);
    this.strategySum = new Float64Array(n);
    this.current = new Float64Array(n);
    this.explore = new Float64Array(n);
    this.rng = createRng(deriveSeed(options.seed ?? 1, 'os-mccfr'));
  }

  iterate(n = 1): void {
    for (let k = 0; k < n; k++) {
      this.iteration++;
      this.walk(0, 0, 1, 1, 1);
      this.walk(0, 1, 1, 1, 1);
    }
  }

  averageStrategy(): Float64Array {
    return normalizePerInfoset(this.tree, this.strategySum);
  }

  /** Returns an unbiased estimate of seat p's value at h, given that h was reached. */
  private walk(h: number, p: number, own: number, opp: number, q: number): number {
    const { kind, childStart, childCount, prob, payoff, player, infoset } = this.tree;
    const k = kind[h];
    if (k === TERMINAL) return p === 0 ? (payoff[h] as number) : -(payoff[h] as number);
    const first = childStart[h] as number;
    const n = childCount[h] as number;
    if (k === CHANCE) return this.walk(first + sample(prob, first, n, this.rng), p, own, opp, q);

    const i = infoset[h] as number;
    const lo = this.tree.infosets.actionStart[i] as number;
    const R = this.regrets;
    const cur = this.current;
    let sum = 0;
    for (let a = lo; a < lo + n; a++) if ((R[a] as number) > 0) sum += R[a] as number;
    for (let a = lo; a < lo + n; a++) cur[a] = sum > 0 ? Math.max(R[a] as number, 0) / sum : 1 / n;

    const mine = player[h] === p;
    const eps = mine ? this.epsilon : 0;
    for (let a = lo; a < lo + n; a++) this.explore[a] = eps / n + (1 - eps) * (cur[a] as number);
    const s = sample(this.explore, lo, n, this.rng);
    const sigma = cur[lo + s] as number;
    const rho = this.explore[lo + s] as number;
    // The child may overwrite other sets' entries in cur/explore, but not this set's.
    const child = mine ? this.walk(first + s, p, own * sigma, opp, q * rho) : this.walk(first + s, p, own, opp * sigma, q * rho);
    const estimate = child / rho;
    const v = sigma * estimate;
    if (mine) {
      const w = opp / q;
      for (let a = 0; a < n; a++) {
        const va = a === s ? estimate : 0;
        R[lo + a] += w * (va - v);
        this.strategySum[lo + a] += (own / q) * (cur[lo + a] as number);
      }
    }
    return v;
  }
}
