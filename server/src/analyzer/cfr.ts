/**
 * Counterfactual regret minimization over a compiled tree: vanilla CFR, CFR+, Linear CFR and
 * Discounted CFR, as parameter settings of one core.
 *
 * Maths. At information set I of seat i, the counterfactual value of action a under strategy
 * profile σ is v_i(I,a) = Σ_{h∈I} π_{-i}(h) u_i(σ | h·a), where π_{-i} is the reach probability
 * due to chance and the opponent. Each iteration adds the instantaneous regret
 * r(I,a) = v_i(I,a) − Σ_b σ(I,b) v_i(I,b) to the cumulative regret R(I,a), and the next strategy
 * is regret matching: σ(I,a) ∝ max(R(I,a), 0), uniform when no regret is positive. The average
 * strategy σ̄(I,a) ∝ Σ_t w_t π_i^{σ_t}(I) σ_t(I,a) converges to a Nash equilibrium in two-player
 * zero-sum games (Zinkevich, Johanson, Bowling, Piccione, "Regret Minimization in Games with
 * Incomplete Information", NIPS 2007). Our own reach π_i(I) is computed per information set from
 * the perfect-recall parent slot, so subtrees the opponent never reaches are pruned.
 *
 * Variants (w_t is the weight of iteration t in the average strategy):
 * - `cfr`:  regret matching, simultaneous updates of both seats, w_t = 1 (Zinkevich et al. 2007).
 * - `cfr+`: regret matching+ (R ← max(R + r, 0) after every update), alternating updates,
 *           linear averaging w_t = t (Tammelin, "Solving Large Imperfect Information Games Using
 *           CFR+", 2014; Tammelin, Burch, Johanson, Bowling, IJCAI 2015).
 * - `lcfr`: regret matching, alternating updates; after iteration t regrets are multiplied by
 *           t/(t+1), and w_t = t (Brown & Sandholm, "Solving Imperfect-Information Games via
 *           Discounted Regret Minimization", AAAI 2019). It is DCFR with α = β = γ = 1.
 * - `dcfr`: after iteration t positive regrets are multiplied by t^α/(t^α+1), negative ones by
 *           t^β/(t^β+1), and w_t = t^γ, i.e. the running average is discounted by (t/(t+1))^γ
 *           (Brown & Sandholm 2019; defaults α = 1.5, β = 0, γ = 2).
 */
import { CHANCE, type CompiledTree, TERMINAL } from './game-tree';

export type CfrVariant = 'cfr' | 'cfr+' | 'lcfr' | 'dcfr';

export interface CfrOptions {
  /** DCFR's exponents (defaults 1.5, 0, 2); ignored by other variants. */
  alpha?: number;
  beta?: number;
  gamma?: number;
  /** Override the variant's update order (vanilla CFR: simultaneous; the others: alternating). */
  alternating?: boolean;
}

interface Schedule {
  plus: boolean;
  discount: { alpha: number; beta: number } | null;
  gamma: number;
  alternating: boolean;
}

function schedule(variant: CfrVariant, o: CfrOptions): Schedule {
  const base: Record<CfrVariant, Schedule> = {
    cfr: { plus: false, discount: null, gamma: 0, alternating: false },
    'cfr+': { plus: true, discount: null, gamma: 1, alternating: true },
    lcfr: { plus: false, discount: { alpha: 1, beta: 1 }, gamma: 1, alternating: true },
    dcfr: { plus: false, discount: { alpha: o.alpha ?? 1.5, beta: o.beta ?? 0 }, gamma: o.gamma ?? 2, alternating: true },
  };
  const s = base[variant];
  if (!s) throw new Error(`unknown CFR variant '${variant}' (cfr, cfr+, lcfr, dcfr)`);
  return o.alternating === undefined ? s : { ...s, alternating: o.alternating };
}

export class CfrSolver {
  readonly tree: CompiledTree;
  readonly variant: CfrVariant;
  iteration = 0;
  readonly regrets: Float64Array;
  readonly strategySum: Float64Array;
  /** The current strategy σ_t, per slot. */
  readonly current: Float64Array;
  private readonly s: Schedule;
  private readonly ownReach: Float64Array;
  private readonly values: Float64Array;

  constructor(tree: CompiledTree, variant: CfrVariant, options: CfrOptions = {}) {
    this.tree = tree;
    this.variant = variant;
    this.s = schedule(variant, options);
    const n = tree.infosets.numSlots;
    this.regrets = new Float64Array(n);
    this.strategySum = new Float64Array(n);
    this.current = new Float64Array(n);
    this.ownReach = new Float64Array(n);
    this.values = new Float64Array(tree.numNodes);
    this.regretMatch(0);
    this.regretMatch(1);
  }

  /** Runs `n` more iterations. */
  iterate(n = 1): void {
    for (let k = 0; k < n; k++) {
      const t = ++this.iteration;
      // `current` always holds both seats' regret-matching strategies for their latest regrets.
      if (this.s.alternating) {
        for (const p of [0, 1] as const) {
          this.accumulate(p, t);
          this.traverse(p);
          this.discount(p, t);
          this.regretMatch(p);
        }
      } else {
        this.accumulate(0, t);
        this.accumulate(1, t);
        this.traverseBoth();
        for (const p of [0, 1] as const) {
          this.discount(p, t);
          this.regretMatch(p);
        }
      }
    }
  }

  /** The normalized average strategy σ̄, per slot (uniform where nothing was accumulated). */
  averageStrategy(): Float64Array {
    return normalizePerInfoset(this.tree, this.strategySum);
  }

  private regretMatch(p: 0 | 1): void {
    const { actionStart, ofPlayer } = this.tree.infosets;
    const R = this.regrets;
    const cur = this.current;
    for (const i of ofPlayer[p]) {
      const lo = actionStart[i] as number;
      const hi = actionStart[i + 1] as number;
      let sum = 0;
      for (let a = lo; a < hi; a++) if ((R[a] as number) > 0) sum += R[a] as number;
      for (let a = lo; a < hi; a++) cur[a] = sum > 0 ? Math.max(R[a] as number, 0) / sum : 1 / (hi - lo);
    }
  }

  /** Adds w_t · π_p(I) · σ_t(I,·) to the strategy sum; π_p(I) comes from the parent slot. */
  private accumulate(p: 0 | 1, t: number): void {
    const { actionStart, ofPlayer, parentSlot } = this.tree.infosets;
    const w = this.s.gamma === 0 ? 1 : t ** this.s.gamma;
    const cur = this.current;
    const reach = this.ownReach;
    for (const i of ofPlayer[p]) {
      const ps = parentSlot[i] as number;
      const r = ps < 0 ? 1 : (reach[ps] as number);
      for (let a = actionStart[i] as number, hi = actionStart[i + 1] as number; a < hi; a++) {
        reach[a] = r * (cur[a] as number);
        this.strategySum[a] += w * (reach[a] as number);
      }
    }
  }

  private discount(p: 0 | 1, t: number): void {
    const { plus, discount } = this.s;
    if (!plus && !discount) return;
    const { actionStart, ofPlayer } = this.tree.infosets;
    const R = this.regrets;
    const pos = discount ? t ** discount.alpha / (t ** discount.alpha + 1) : 1;
    const neg = discount ? t ** discount.beta / (t ** discount.beta + 1) : 0;
    for (const i of ofPlayer[p]) {
      for (let a = actionStart[i] as number, hi = actionStart[i + 1] as number; a < hi; a++) {
        const r = R[a] as number;
        R[a] = r > 0 ? r * pos : r * neg;
      }
    }
  }

  /** One pass updating seat `p`'s regrets; returns p's value. `x` is π_{-p}(h). */
  private traverse(p: 0 | 1): number {
    const { kind, childStart, childCount, prob, payoff, player, infoset } = this.tree;
    const start = this.tree.infosets.actionStart;
    const R = this.regrets;
    const cur = this.current;
    const vals = this.values;
    const sign = p === 0 ? 1 : -1;
    const walk = (h: number, x: number): number => {
      const k = kind[h];
      if (k === TERMINAL) return sign * (payoff[h] as number);
      const first = childStart[h] as number;
      const end = first + (childCount[h] as number);
      let v = 0;
      if (k === CHANCE) {
        for (let c = first; c < end; c++) {
          const q = prob[c] as number;
          if (q > 0) v += q * walk(c, x * q);
        }
        return v;
      }
      const base = (start[infoset[h] as number] as number) - first;
      if (player[h] !== p) {
        for (let c = first; c < end; c++) {
          const s = cur[base + c] as number;
          if (s > 0) v += s * walk(c, x * s);
        }
        return v;
      }
      for (let c = first; c < end; c++) {
        const u = walk(c, x);
        vals[c] = u;
        v += (cur[base + c] as number) * u;
      }
      for (let c = first; c < end; c++) R[base + c] += x * ((vals[c] as number) - v);
      return v;
    };
    return walk(0, 1);
  }

  /** One pass updating both seats' regrets (vanilla CFR); x0 = π_{-0}(h), x1 = π_{-1}(h). */
  private traverseBoth(): number {
    const { kind, childStart, childCount, prob, payoff, player, infoset } = this.tree;
    const start = this.tree.infosets.actionStart;
    const R = this.regrets;
    const cur = this.current;
    const vals = this.values;
    const walk = (h: number, x0: number, x1: number): number => {
      const k = kind[h];
      if (k === TERMINAL) return payoff[h] as number;
      if (x0 === 0 && x1 === 0) return 0;
      const first = childStart[h] as number;
      const end = first + (childCount[h] as number);
      let v = 0;
      if (k === CHANCE) {
        for (let c = first; c < end; c++) {
          const q = prob[c] as number;
          if (q > 0) v += q * walk(c, x0 * q, x1 * q);
        }
        return v;
      }
      const base = (start[infoset[h] as number] as number) - first;
      const p = player[h];
      for (let c = first; c < end; c++) {
        const s = cur[base + c] as number;
        const u = p === 0 ? walk(c, x0, x1 * s) : walk(c, x0 * s, x1);
        vals[c] = u;
        v += s * u;
      }
      const x = p === 0 ? x0 : -x1;
      for (let c = first; c < end; c++) R[base + c] += x * ((vals[c] as number) - v);
      return v;
    };
    return walk(0, 1, 1);
  }
}

/** Normalizes per-slot weights within each information set; uniform where the weights sum to 0. */
export function normalizePerInfoset(tree: CompiledTree, weights: Float64Array): Float64Array {
  const { actionStart, count } = tree.infosets;
  const out = new Float64Array(weights.length);
  for (let i = 0; i < count; i++) {
    const lo = actionStart[i] as number;
    const hi = actionStart[i + 1] as number;
    let sum = 0;
    for (let a = lo; a < hi; a++) sum += weights[a] as number;
    for (let a = lo; a < hi; a++) out[a] = sum > 0 ? (weights[a] as number) / sum : 1 / (hi - lo);
  }
  return out;
}
