/**
 * A tiny benchmark harness: runs a body for several timed rounds after a warm-up and reports
 * the median rate, so one noisy round on a shared 2-core machine does not move the figure.
 */
export interface BenchResult {
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  rounds: number;
}

/** `body` performs some work and returns how many units it did (hands, phases, evaluations). */
export function measure(
  name: string,
  unit: string,
  body: () => number,
  opts: { rounds?: number; warmup?: number } = {},
): BenchResult {
  const rounds = opts.rounds ?? 7;
  for (let i = 0; i < (opts.warmup ?? 2); i++) body();
  const rates: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const units = body();
    rates.push(units / ((performance.now() - t0) / 1000));
  }
  return summarize(name, unit, rates);
}

/** The same, for bodies that await (matches through the async runtime). */
export async function measureAsync(
  name: string,
  unit: string,
  body: () => Promise<number>,
  opts: { rounds?: number; warmup?: number } = {},
): Promise<BenchResult> {
  const rounds = opts.rounds ?? 5;
  for (let i = 0; i < (opts.warmup ?? 1); i++) await body();
  const rates: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const units = await body();
    rates.push(units / ((performance.now() - t0) / 1000));
  }
  return summarize(name, unit, rates);
}

function summarize(name: string, unit: string, rates: number[]): BenchResult {
  rates.sort((a, b) => a - b);
  const result = {
    name,
    unit,
    median: rates[Math.floor(rates.length / 2)] as number,
    min: rates[0] as number,
    max: rates[rates.length - 1] as number,
    rounds: rates.length,
  };
  report(result);
  return result;
}

export function report(r: BenchResult): void {
  const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(2));
  console.log(
    `${r.name.padEnd(52)} ${fmt(r.median).padStart(14)} ${r.unit}/s  (median of ${r.rounds}; min ${fmt(r.min)}, max ${fmt(r.max)})`,
  );
}

/** Runs every `*.bench.ts` in `dir`, in name order, or those whose name contains `filter`. */
export async function runBenches(dir: string, filter?: string): Promise<void> {
  const { readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
    .sort();
  for (const file of files) {
    console.log(`\n== ${file}`);
    await import(join(dir, file));
  }
}
