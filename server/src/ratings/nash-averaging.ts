/**
 * Nash averaging of a tournament's meta-game (Balduzzi, Tuyls, Pérolat & Graepel, "Re-evaluating
 * Evaluation", NeurIPS 2018).
 *
 * Maths. The meta-game is the symmetric two-player zero-sum game whose pure strategies are the
 * participants and whose payoff to i against j is A_ij, antisymmetric (A = −Aᵀ; here a score rate
 * minus ½). Its value is 0, and a mixture p is a Nash equilibrium iff (A p)_i ≤ 0 for every i. Of
 * the equilibria, Nash averaging takes the one of maximum entropy, which is unique; participant
 * i's Nash-averaged rating is (A p)_i, its expected payoff against that mixture: 0 for everyone in
 * the equilibrium's support, negative for the rest. Adding a copy of a participant splits its
 * weight between the copies and changes nobody's rating, which is why it is robust to entering
 * near-copies (a budget sweep's settings), where averages over the field are not.
 *
 * Computation (exact up to floating point for the small fields of tournaments):
 * 1. The support S* of the maximum-entropy equilibrium is the union of all equilibria's supports:
 *    i ∈ S* iff the linear programme max p_i s.t. p ∈ Δ, A p ≤ 0 has a positive optimum (yalps).
 * 2. Every equilibrium has (A p)_j = 0 for j ∈ S* (equilibrium strategies are interchangeable in
 *    zero-sum games), so on S* the problem is max H(p) s.t. B p = 0, Σ p = 1, B = A restricted to
 *    S*. Its dual is min_μ log Σ_i exp((Bᵀμ)_i), smooth and convex, with p_i ∝ exp((Bᵀμ)_i); it is
 *    solved by damped Newton steps. A relative-interior point exists (the mean of the LP optima),
 *    so the optimum is attained.
 * 3. The result is checked against every constraint; if a strategy outside S* would then gain
 *    (never seen, but cheap to guard), the mean of the LP optima is returned and flagged.
 */
import type { NashAveraging } from '@parley/protocol';
import { solve } from 'yalps';

const SUPPORT_EPS = 1e-9;

export function nashAveraging(names: readonly string[], payoff: readonly (readonly number[])[]): NashAveraging {
  const n = names.length;
  if (payoff.length !== n || payoff.some((row) => row.length !== n)) throw new Error('nash averaging: the matrix must be n×n');
  // Antisymmetrised: measured score rates are antisymmetric up to rounding.
  const a = payoff.map((row, i) => row.map((x, j) => (x - (payoff[j]![i] as number)) / 2));
  if (n === 0) return { names: [], weights: [], ratings: [], maxEntropy: true };

  const vertices = names.map((_, i) => maximiseWeight(a, i));
  const support = vertices.flatMap((v, i) => ((v[i] as number) > SUPPORT_EPS ? [i] : []));
  const interior = new Array<number>(n).fill(0);
  for (const i of support) for (const [j, x] of vertices[i]!.entries()) interior[j]! += x / support.length;

  let weights = maxEntropyOnSupport(a, support);
  let maxEntropy = true;
  const gain = (p: readonly number[]) => Math.max(...a.map((row) => dot(row, p)));
  if (!weights || gain(weights) > 1e-7) {
    weights = interior;
    maxEntropy = false;
  }
  return { names: [...names], weights, ratings: a.map((row) => dot(row, weights)), maxEntropy };
}

const dot = (x: readonly number[], y: readonly number[]) => x.reduce((s, v, i) => s + v * (y[i] as number), 0);

/** An equilibrium maximising p_i (the LP of step 1). */
function maximiseWeight(a: readonly (readonly number[])[], i: number): number[] {
  const n = a.length;
  const constraints = new Map<string, { max?: number; equal?: number }>([['sum', { equal: 1 }]]);
  for (let k = 0; k < n; k++) constraints.set(`row${k}`, { max: 0 });
  const variables = new Map<string, Map<string, number>>();
  for (let j = 0; j < n; j++) {
    const coefficients = new Map<string, number>([['sum', 1]]);
    for (let k = 0; k < n; k++) if (a[k]![j] !== 0) coefficients.set(`row${k}`, a[k]![j] as number);
    if (j === i) coefficients.set('objective', 1);
    variables.set(`p${j}`, coefficients);
  }
  const solution = solve(
    { direction: 'maximize', objective: 'objective', constraints, variables },
    { includeZeroVariables: true },
  );
  if (solution.status !== 'optimal') throw new Error(`nash averaging: the equilibrium LP is ${solution.status}`);
  const p = new Array<number>(n).fill(0);
  for (const [name, value] of solution.variables) p[Number(name.slice(1))] = Math.max(0, value);
  const total = p.reduce((s, x) => s + x, 0);
  return p.map((x) => x / total);
}

/** Step 2: max H(p) s.t. B p = 0 on the support, by Newton's method on the dual. Null if it fails. */
function maxEntropyOnSupport(a: readonly (readonly number[])[], support: readonly number[]): number[] | null {
  const m = support.length;
  const b = support.map((i) => support.map((j) => a[i]![j] as number));
  const mu = new Array<number>(m).fill(0);
  const primal = (mu: readonly number[]) => {
    const z = support.map((_, c) => b.reduce((s, row, r) => s + (row[c] as number) * (mu[r] as number), 0));
    const top = Math.max(...z);
    const e = z.map((x) => Math.exp(x - top));
    const total = e.reduce((s, x) => s + x, 0);
    return { p: e.map((x) => x / total), g: top + Math.log(total) };
  };
  let { p, g } = primal(mu);
  for (let iteration = 0; iteration < 500; iteration++) {
    const grad = b.map((row) => dot(row, p));
    if (Math.max(...grad.map(Math.abs)) < 1e-13) break;
    // H = B (diag p − p pᵀ) Bᵀ, damped so that rank-deficient B (copies) stays solvable.
    const bp = grad;
    const h = b.map((ri, r) =>
      b.map(
        (rj, c) =>
          ri.reduce((s, x, k) => s + x * (rj[k] as number) * (p[k] as number), 0) - (bp[r] as number) * (bp[c] as number),
      ),
    );
    const damping = 1e-10 + 1e-3 * Math.max(...grad.map(Math.abs));
    for (let r = 0; r < m; r++) h[r]![r]! += damping;
    const step = solveLinear(
      h,
      grad.map((x) => -x),
    );
    if (!step) return null;
    let t = 1;
    for (;;) {
      const next = mu.map((x, r) => x + t * (step[r] as number));
      const trial = primal(next);
      if (trial.g <= g || t < 1e-12) {
        mu.splice(0, m, ...next);
        ({ p, g } = trial);
        break;
      }
      t /= 2;
    }
  }
  const weights = new Array<number>(a.length).fill(0);
  support.forEach((i, c) => {
    weights[i] = p[c] as number;
  });
  return weights;
}

/** Gaussian elimination with partial pivoting; null when singular. */
export function solveLinear(matrix: readonly (readonly number[])[], rhs: readonly number[]): number[] | null {
  const n = rhs.length;
  const m = matrix.map((row, i) => [...row, rhs[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-300) return null;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / m[col]![col]!;
      if (f !== 0) for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => (row[n] as number) / (row[i] as number));
}
