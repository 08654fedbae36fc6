/**
 * Heap measurements for the memory benchmarks: a forced full GC, and object counts by constructor
 * from a V8 heap snapshot, so two snapshots can be diffed ("what did N decisions leave behind?").
 */
import { getHeapSnapshot, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Full GC (twice, so weak callbacks and finalizers run), then the live heap in bytes. */
export function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** Live objects (and closures) per constructor name, from a full heap snapshot taken after GC. */
export async function objectCounts(): Promise<Map<string, number>> {
  heapAfterGc();
  const chunks: string[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const counts = new Map<string, number>();
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt] as number];
    if (type !== 'object' && type !== 'closure') continue;
    const name = `${snapshot.strings[snapshot.nodes[i + nameAt] as number]}${type === 'closure' ? '()' : ''}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** The constructors whose counts grew most between two snapshots. */
export function growth(before: Map<string, number>, after: Map<string, number>, top = 12): [string, number, number][] {
  return [...after.entries()]
    .map(([name, n]): [string, number, number] => [name, before.get(name) ?? 0, n])
    .filter(([, a, b]) => b > a)
    .sort((x, y) => y[2] - y[1] - (x[2] - x[1]))
    .slice(0, top);
}

/** Least-squares slope of `ys` over `xs`. */
export function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += ((xs[i] as number) - mx) * ((ys[i] as number) - my);
    den += ((xs[i] as number) - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
