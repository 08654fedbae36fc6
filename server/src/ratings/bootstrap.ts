/**
 * Percentile bootstrap intervals (Efron, "Bootstrap Methods: Another Look at the Jackknife",
 * Ann. Statist. 1979; Efron & Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13).
 *
 * Maths. Draw B resamples of the n units with replacement, recompute the statistic θ̂*_b on
 * each, and report the α/2 and 1 − α/2 empirical quantiles of θ̂*_1…θ̂*_B as the 1 − α interval.
 * The units are whatever is exchangeable: single matches, or duplicate groups (the matches
 * dealt the same cards), so correlated matches are resampled together. Quantiles interpolate
 * linearly between order statistics (Hyndman & Fan's type 7, R's default). The resampling
 * draws from a seeded `Rng`, so the same seed gives the same interval.
 */
import { createRng } from '@parley/games';

export interface BootstrapOptions {
  /** Resamples B (default 1000). */
  samples?: number;
  seed?: number;
  /** Coverage of the interval (default 0.95). */
  level?: number;
}

export interface Intervals {
  lo: number[];
  hi: number[];
}

/** Quantile p of sorted values, linear between order statistics (type 7). NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const m = sorted.length;
  if (m === 0) return Number.NaN;
  const h = (m - 1) * p;
  const i = Math.floor(h);
  const a = sorted[i] as number;
  return i + 1 < m ? a + (h - i) * ((sorted[i + 1] as number) - a) : a;
}

/**
 * Intervals for each component of a vector statistic. `statistic` gets a resample (an array of
 * units, repeats included) and returns one number per component; NaN marks a component the
 * resample left undefined (a participant it dropped), which is left out of that component's quantiles.
 */
export function percentileBootstrap<T>(
  units: readonly T[],
  statistic: (sample: readonly T[]) => ArrayLike<number>,
  options: BootstrapOptions = {},
): Intervals {
  const samples = options.samples ?? 1000;
  const alpha = 1 - (options.level ?? 0.95);
  const rng = createRng(options.seed ?? 1);
  const draws: number[][] = [];
  const sample: T[] = new Array(units.length);
  for (let b = 0; b < samples && units.length > 0; b++) {
    for (let i = 0; i < units.length; i++) sample[i] = units[rng.int(units.length)] as T;
    const value = statistic(sample);
    for (let c = 0; c < value.length; c++) {
      draws[c] ??= [];
      const v = value[c] as number;
      if (!Number.isNaN(v)) draws[c]?.push(v);
    }
  }
  const lo: number[] = [];
  const hi: number[] = [];
  draws.forEach((values, c) => {
    values.sort((x, y) => x - y);
    lo[c] = quantileSorted(values, alpha / 2);
    hi[c] = quantileSorted(values, 1 - alpha / 2);
  });
  return { lo, hi };
}
