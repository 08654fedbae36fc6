/**
 * Bradley–Terry ratings by maximum likelihood, on the Elo scale, with bootstrap intervals:
 * the official leaderboard of two-player games, as on the big LLM arenas.
 *
 * Maths (Bradley & Terry, Biometrika 1952). Participant i has strength γ_i > 0 and
 * P(i beats j) = γ_i / (γ_i + γ_j). A tie counts as half a win for each side. With W_i the
 * wins of i and N_ij the games between i and j, the log-likelihood
 * ℓ(γ) = Σ_i W_i log γ_i − Σ_{i<j} N_ij log(γ_i + γ_j) is maximised by iterating the MM update
 * (Hunter, "MM algorithms for generalized Bradley–Terry models", Ann. Statist. 2004, eq. 3)
 *   γ_i ← W_i / Σ_{j≠i} N_ij / (γ_i + γ_j),
 * which increases ℓ at every step; it is the fallback here, and Newton's method on log γ (below)
 * the main fit, since MM crawls when the data pin the common scale only weakly. Strengths are identified only up to a common factor; on the
 * Elo scale R_i = 400·log10 γ_i + c, so a 400-point gap means 10:1 odds, and c is set by the
 * anchor (the mean rating of the rated participants, or one participant's fixed rating).
 *
 * The MLE does not exist when someone won or lost every game (γ → ∞ or 0). Following the
 * virtual-draw prior of Coulom's BayesElo, each participant is given `prior` virtual games
 * scored as ties against a fixed virtual opponent of strength 1, which keeps every estimate
 * finite; the pull is negligible once a participant has played tens of games. `prior: 0` gives
 * the plain MLE (then used where the data determine it, e.g. the exact-recovery test).
 *
 * Intervals: percentile bootstrap over matches (or duplicate groups), `bootstrap.ts`.
 */
import { type BootstrapOptions, percentileBootstrap } from './bootstrap';
import type { PairGame } from './outcomes';

export interface BradleyTerryOptions {
  /** Rating points per factor of 10 in odds (default 400). */
  scale?: number;
  /** Where the scale sits: the rated participants' mean (default 1500), or one participant's rating. */
  anchor?: { mean: number } | { participant: string; rating: number };
  /** Virtual tied games per participant against a fixed average opponent (default 1; 0 = plain MLE). */
  prior?: number;
  /** Stop when no log-strength moves more than this (default 1e-10). */
  tolerance?: number;
  maxIterations?: number;
}

export interface BradleyTerryFit {
  /** Elo-scale rating per participant; null for one with no games. */
  ratings: Map<string, number | null>;
  iterations: number;
  converged: boolean;
}

/** Games and wins per ordered pair, as dense n×n matrices (ties are half wins). */
export interface PairCounts {
  n: number;
  games: Float64Array;
  wins: Float64Array;
}

/** Participant indices and a's score of one comparison, for fast recounting. */
export type IndexedGame = readonly [number, number, number];

export function indexGames(names: readonly string[], games: readonly PairGame[]): IndexedGame[] {
  const index = new Map(names.map((n, i) => [n, i]));
  return games.map(({ a, b, score }) => {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) throw new Error(`bradley-terry: unknown participant in ${a} vs ${b}`);
    return [i, j, score] as const;
  });
}

/** Counts the comparisons of some units (matches or duplicate groups), repeats included. */
export function countGames(n: number, units: readonly (readonly IndexedGame[])[]): PairCounts {
  const games = new Float64Array(n * n);
  const wins = new Float64Array(n * n);
  for (const unit of units)
    for (const [i, j, score] of unit) {
      games[i * n + j] += 1;
      games[j * n + i] += 1;
      wins[i * n + j] += score;
      wins[j * n + i] += 1 - score;
    }
  return { n, games, wins };
}

/**
 * Natural-log strengths θ_i = log γ_i maximising ℓ, from `init` (warm starts speed up the
 * bootstrap). Newton's method on θ: with p_ij = σ(θ_i − θ_j) and p_i0 = σ(θ_i) against the
 * virtual opponent, the gradient is g_i = W_i + prior/2 − Σ_j N_ij p_ij − prior·p_i0 and the
 * Hessian H_ij = N_ij p_ij p_ji (i ≠ j), H_ii = −Σ_j N_ij p_ij p_ji − prior·p_i0 p_0i. ℓ is
 * concave, so each step halves until ℓ rises. Without the prior the scale is free: the last rated
 * participant is held at 0 and the result re-centred. Where −H is not positive definite (a
 * comparison graph in pieces, prior 0) the slower, always-ascending MM iteration takes over.
 */
export function fitLogStrengths(
  counts: PairCounts,
  options: Pick<BradleyTerryOptions, 'prior' | 'tolerance' | 'maxIterations'> = {},
  init?: ArrayLike<number>,
): { theta: Float64Array; iterations: number; converged: boolean } {
  const { n, games } = counts;
  const prior = options.prior ?? 1;
  const rated: number[] = [];
  for (let i = 0; i < n; i++) {
    let total = 0;
    for (let j = 0; j < n; j++) total += games[i * n + j] as number;
    if (total > 0) rated.push(i);
  }
  const theta = new Float64Array(n).fill(Number.NaN);
  for (const i of rated) theta[i] = init && Number.isFinite(init[i] as number) ? (init[i] as number) : 0;
  const result =
    newton(counts, theta, rated, prior, options.tolerance ?? 1e-10, options.maxIterations ?? 200) ??
    minorizeMaximize(counts, theta, rated, prior, options.tolerance ?? 1e-10, options.maxIterations ?? 100_000);
  if (prior === 0 && rated.length > 0) {
    const mean = rated.reduce((s, i) => s + (theta[i] as number), 0) / rated.length;
    for (const i of rated) theta[i] = (theta[i] as number) - mean;
  }
  return { theta, ...result };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const log1pExp = (x: number) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

function logLikelihood({ n, games, wins }: PairCounts, theta: Float64Array, rated: readonly number[], prior: number): number {
  let l = 0;
  for (const i of rated) {
    const ti = theta[i] as number;
    if (prior > 0) l += prior * (ti / 2 - log1pExp(ti));
    for (const j of rated) {
      if (j <= i) continue;
      const nij = games[i * n + j] as number;
      if (nij === 0) continue;
      const d = ti - (theta[j] as number);
      // w_ij·θ_i + w_ji·θ_j − N_ij·log(e^θi + e^θj), shifted by θ_j to stay finite.
      l += (wins[i * n + j] as number) * d - nij * log1pExp(d);
    }
  }
  return l;
}

function newton(
  counts: PairCounts,
  theta: Float64Array,
  rated: readonly number[],
  prior: number,
  tolerance: number,
  maxIterations: number,
): { iterations: number; converged: boolean } | null {
  const { n, games, wins } = counts;
  // Free coordinates: all rated participants, or all but the last when the scale is free.
  const free = prior > 0 ? rated : rated.slice(0, -1);
  const m = free.length;
  const a = new Float64Array(m * m);
  const g = new Float64Array(m);
  let l = logLikelihood(counts, theta, rated, prior);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    a.fill(0);
    free.forEach((i, r) => {
      const ti = theta[i] as number;
      const pi0 = sigmoid(ti);
      let grad = prior * (0.5 - pi0);
      let diag = prior * pi0 * (1 - pi0);
      for (const j of rated) {
        const nij = j === i ? 0 : (games[i * n + j] as number);
        if (nij === 0) continue;
        const p = sigmoid(ti - (theta[j] as number));
        grad += (wins[i * n + j] as number) - nij * p;
        diag += nij * p * (1 - p);
        const c = free.indexOf(j);
        if (c >= 0) a[r * m + c] = -nij * p * (1 - p);
      }
      g[r] = grad;
      a[r * m + r] = diag;
    });
    const step = solvePositiveDefinite(a, g, m); // −H·d = g
    if (!step) return null;
    let t = 1;
    const before = Float64Array.from(theta);
    for (;;) {
      free.forEach((i, r) => {
        theta[i] = (before[i] as number) + t * (step[r] as number);
      });
      const next = logLikelihood(counts, theta, rated, prior);
      if (next >= l - 1e-12 * Math.abs(l) || t < 1e-6) {
        l = next;
        break;
      }
      t /= 2;
    }
    const moved = step.reduce((mx, d) => Math.max(mx, Math.abs(t * d)), 0);
    if (moved < tolerance) return { iterations: iteration, converged: true };
  }
  return { iterations: maxIterations, converged: false };
}

/** Cholesky solve of A·x = b for a symmetric positive definite A (m×m, row-major); null if not PD. */
function solvePositiveDefinite(a: Float64Array, b: Float64Array, m: number): Float64Array | null {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * m + k] as number) * (l[j * m + k] as number);
      if (i === j) {
        if (!(s > 1e-300)) return null;
        l[i * m + i] = Math.sqrt(s);
      } else l[i * m + j] = s / (l[j * m + j] as number);
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < m; i++) {
    let s = x[i] as number;
    for (let k = 0; k < i; k++) s -= (l[i * m + k] as number) * (x[k] as number);
    x[i] = s / (l[i * m + i] as number);
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = x[i] as number;
    for (let k = i + 1; k < m; k++) s -= (l[k * m + i] as number) * (x[k] as number);
    x[i] = s / (l[i * m + i] as number);
  }
  return x;
}

/** Hunter's MM update, Gauss–Seidel order: γ_i ← (W_i + prior/2) / (Σ_j N_ij/(γ_i+γ_j) + prior/(γ_i+1)). */
function minorizeMaximize(
  { n, games, wins }: PairCounts,
  theta: Float64Array,
  rated: readonly number[],
  prior: number,
  tolerance: number,
  maxIterations: number,
): { iterations: number; converged: boolean } {
  const won = rated.map((i) => rated.reduce((s, j) => s + (wins[i * n + j] as number), 0));
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let moved = 0;
    rated.forEach((i, r) => {
      const gi = Math.exp(theta[i] as number);
      let denominator = prior > 0 ? prior / (gi + 1) : 0;
      for (const j of rated) {
        const nij = j === i ? 0 : (games[i * n + j] as number);
        if (nij > 0) denominator += nij / (gi + Math.exp(theta[j] as number));
      }
      // Clamped so that a winless participant under prior 0 sinks far but stays a number.
      const next = Math.max(-50, Math.log(((won[r] as number) + prior / 2) / denominator));
      moved = Math.max(moved, Math.abs(next - (theta[i] as number)));
      theta[i] = next;
    });
    if (moved < tolerance) return { iterations: iteration, converged: true };
  }
  return { iterations: maxIterations, converged: false };
}

/** Log strengths to anchored Elo-scale ratings (NaN stays NaN: no games). */
export function toEloScale(names: readonly string[], theta: ArrayLike<number>, options: BradleyTerryOptions = {}): Float64Array {
  const scale = (options.scale ?? 400) / Math.LN10;
  const anchor = options.anchor ?? { mean: 1500 };
  const raw = Float64Array.from(theta, (t) => scale * t);
  let shift: number;
  if ('participant' in anchor) {
    const k = names.indexOf(anchor.participant);
    if (k < 0 || Number.isNaN(raw[k] as number)) throw new Error(`bradley-terry: anchor '${anchor.participant}' has no games`);
    shift = anchor.rating - (raw[k] as number);
  } else {
    const rated = [...raw].filter((r) => !Number.isNaN(r));
    shift = anchor.mean - rated.reduce((s, r) => s + r, 0) / Math.max(rated.length, 1);
  }
  return raw.map((r) => r + shift);
}

export function bradleyTerry(
  names: readonly string[],
  games: readonly PairGame[],
  options: BradleyTerryOptions = {},
): BradleyTerryFit {
  const fit = fitLogStrengths(countGames(names.length, [indexGames(names, games)]), options);
  const elo = toEloScale(names, fit.theta, options);
  return {
    ratings: new Map(names.map((name, i) => [name, Number.isNaN(elo[i] as number) ? null : (elo[i] as number)])),
    iterations: fit.iterations,
    converged: fit.converged,
  };
}

/**
 * Bootstrap intervals of the Elo-scale ratings. `units` are the resampling units: each the
 * comparisons of one match, or of one duplicate group.
 */
export function bradleyTerryIntervals(
  names: readonly string[],
  units: readonly (readonly PairGame[])[],
  options: BradleyTerryOptions & BootstrapOptions = {},
): Map<string, { lo: number; hi: number } | null> {
  const indexed = units.map((u) => indexGames(names, u));
  const n = names.length;
  const start = fitLogStrengths(countGames(n, indexed), options).theta.map((t) => (Number.isNaN(t) ? 0 : t));
  const fast = { ...options, tolerance: options.tolerance ?? 1e-8 };
  const { lo, hi } = percentileBootstrap(
    indexed,
    (sample) => {
      const theta = fitLogStrengths(countGames(n, sample), fast, start).theta;
      try {
        return toEloScale(names, theta, options);
      } catch {
        return new Float64Array(n).fill(Number.NaN); // the anchor dropped out of this resample
      }
    },
    options,
  );
  return new Map(
    names.map((name, i) => {
      const l = lo[i];
      const h = hi[i];
      return [name, l === undefined || h === undefined || Number.isNaN(l) ? null : { lo: l, hi: h }];
    }),
  );
}
