/**
 * A tiny benchmark harness: runs a body for several timed rounds after a warm-up and reports
 * the median rate, so one noisy round on a shared 2-core machine does not move the figure.
 * Each figure is also given per second of this process's CPU time (what one core would do if it
 * had it to itself, near enough: GC and JIT threads count too), with the load average beside it.
 * `compare` runs several bodies round-robin and reports each one's ratio to the first, taken
 * within each round: on a loaded machine a ratio measured side by side is the figure to trust.
 *
 * With `--profile` on the command line, the timed rounds of every benchmark run under the V8
 * CPU profiler, and the functions taking the most time (self time) are printed and written to
 * `bench-profiles/<benchmark>.txt` in the working directory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const PROFILE = process.argv.includes('--profile');
export interface BenchResult {
  name: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  rounds: number;
  /** Median rate per second of CPU time used by the process. */
  cpuMedian: number;
}

/** Wall and CPU seconds since `start()`. */
function start(): () => { wall: number; cpu: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(c0);
    return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
  };
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
  const cpuRates: number[] = [];
  const profile = startProfile();
  for (let i = 0; i < rounds; i++) {
    const stop = start();
    const units = body();
    const t = stop();
    rates.push(units / t.wall);
    cpuRates.push(units / t.cpu);
  }
  const result = summarize(name, unit, rates, cpuRates);
  profile?.(name);
  return result;
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
  const cpuRates: number[] = [];
  const profile = startProfile();
  for (let i = 0; i < rounds; i++) {
    const stop = start();
    const units = await body();
    const t = stop();
    rates.push(units / t.wall);
    cpuRates.push(units / t.cpu);
  }
  const result = summarize(name, unit, rates, cpuRates);
  profile?.(name);
  return result;
}

export interface Variant {
  label: string;
  /** Performs some work and returns how many units it did; may await. */
  body: () => number | Promise<number>;
}

/**
 * Runs the variants in turn, round after round, and reports each one's median rate and its
 * median ratio to the first variant (the ratio of the two rates within the same round).
 */
export async function compare(
  name: string,
  unit: string,
  variants: readonly Variant[],
  opts: { rounds?: number; warmup?: number } = {},
): Promise<{ results: BenchResult[]; ratios: number[] }> {
  const rounds = opts.rounds ?? 5;
  for (let i = 0; i < (opts.warmup ?? 1); i++) for (const v of variants) await v.body();
  const rates: number[][] = variants.map(() => []);
  const cpuRates: number[][] = variants.map(() => []);
  const profile = startProfile();
  for (let i = 0; i < rounds; i++) {
    for (let k = 0; k < variants.length; k++) {
      const stop = start();
      const units = await variants[k]!.body();
      const t = stop();
      rates[k]!.push(units / t.wall);
      cpuRates[k]!.push(units / t.cpu);
    }
  }
  console.log(`${name}:`);
  const results = variants.map((v, k) => summarize(`  ${v.label}`, unit, rates[k]!.slice(), cpuRates[k]!.slice()));
  const ratios = variants.map((_, k) => median(rates[0]!.map((base, i) => base / rates[k]![i]!)));
  const cpuRatios = variants.map((_, k) => median(cpuRates[0]!.map((base, i) => base / cpuRates[k]![i]!)));
  const line = (rs: number[]) => variants.map((v, k) => `${v.label} ${rs[k]!.toFixed(2)}x`).join(', ');
  console.log(`  time relative to ${variants[0]!.label}: ${line(ratios)}`);
  console.log(`  CPU time relative to ${variants[0]!.label}: ${line(cpuRatios)}`);
  profile?.(name);
  return { results, ratios };
}

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// --- profiling -------------------------------------------------------------------------------

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

let session: Session | undefined;

/** Starts the profiler when `--profile` was given; the returned function stops it and reports. */
function startProfile(): ((name: string) => void) | undefined {
  if (!PROFILE) return undefined;
  if (!session) {
    session = new Session();
    session.connect();
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 250 });
  }
  session.post('Profiler.start');
  return (name) => {
    session!.post('Profiler.stop', (error, result) => {
      if (error) throw error;
      writeSummary(name, (result as unknown as { profile: CpuProfile }).profile);
    });
  };
}

/** Self time per function, the top 25 written to a file and the top 8 printed. */
function writeSummary(name: string, profile: CpuProfile): void {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const f = frames.get(id)!;
    const where = f.url
      ? ` ${f.url
          .replace(/^file:\/\//, '')
          .split('/')
          .slice(-3)
          .join('/')}`
      : '';
    const key = `${f.functionName || '(anonymous)'}${where}`;
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  const lines = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([key, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${key}`);
  const dir = 'bench-profiles';
  mkdirSync(dir, { recursive: true });
  const file = join(
    dir,
    `${name
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()}.txt`,
  );
  writeFileSync(file, `CPU profile of the timed rounds of: ${name}\nself time, top functions\n${lines.join('\n')}\n`);
  console.log(
    `  profile (${file}):\n${lines
      .slice(0, 8)
      .map((l) => `    ${l}`)
      .join('\n')}`,
  );
}

function summarize(name: string, unit: string, rates: number[], cpuRates: number[]): BenchResult {
  rates.sort((a, b) => a - b);
  const result = {
    name,
    unit,
    median: rates[Math.floor(rates.length / 2)] as number,
    min: rates[0] as number,
    max: rates[rates.length - 1] as number,
    rounds: rates.length,
    cpuMedian: median(cpuRates),
  };
  report(result);
  return result;
}

export function report(r: BenchResult): void {
  const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(2));
  console.log(
    `${r.name.padEnd(52)} ${fmt(r.median).padStart(14)} ${r.unit}/s  (median of ${r.rounds}; min ${fmt(r.min)}, max ${fmt(r.max)}; ${fmt(r.cpuMedian)}/s of CPU time; load ${loadavg()[0]!.toFixed(1)})`,
  );
}

/**
 * Runs every `*.bench.ts` in `dir`, in name order, or those whose name contains the first
 * argument that is not a flag (`--profile` is read by the harness itself).
 */
export async function runBenches(dir: string, args: readonly string[]): Promise<void> {
  const filter = args.find((a) => !a.startsWith('--'));
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
