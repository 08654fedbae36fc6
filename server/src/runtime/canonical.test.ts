import { createRng, diplomacy, nlhe, type Rng } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical';

/** The definition: JSON.stringify with every object replaced by a copy with sorted keys. */
const byReplacer = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });

function randomValue(rng: Rng, depth: number): unknown {
  const leaves = [
    null,
    undefined,
    true,
    false,
    0,
    -0,
    1.5,
    -7,
    1e21,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    'a"b\\c',
    'é\n',
    '\u0001\u001f\u007f\u2028',
    'lone \ud800 and \udfff',
    'pair 😀',
    () => 1,
  ];
  if (depth === 0 || rng.int(3) === 0) return leaves[rng.int(leaves.length)];
  if (rng.int(2) === 0) return Array.from({ length: rng.int(4) }, () => randomValue(rng, depth - 1));
  const keys = ['b', 'a', '10', '2', '0', '01', 'z y', '__proto_', 'B', '4294967295', '4294967294'];
  const o: Record<string, unknown> = {};
  for (let i = rng.int(5); i > 0; i--) o[keys[rng.int(keys.length)]!] = randomValue(rng, depth - 1);
  if (rng.int(8) === 0) return { toJSON: () => o };
  return o;
}

describe('canonicalJson', () => {
  it('writes exactly what the sorted-copy replacer writes, on random values', () => {
    const rng = createRng(5);
    // Differences are gathered and asserted once: an \`expect\` per value cost more than the writing.
    const differing: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const v = randomValue(rng, 4);
      if (canonicalJson(v) !== byReplacer(v)) differing.push(byReplacer(v));
    }
    expect(differing).toEqual([]);
  });

  it('writes game states as the replacer does', () => {
    const states = [diplomacy.newInitialState({ lastYear: null }), nlhe.newInitialState(nlhe.descriptor.defaultParams)];
    for (const s of states) expect(canonicalJson(s)).toBe(byReplacer(s));
  });
});
