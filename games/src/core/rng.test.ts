import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, finishSeed, mixPart, sampleOutcome, seedMix } from './rng';

/** deriveSeed's mixing as first written: FNV-1a over each part's text, built with String. */
function deriveSeedFromText(base: number, ...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5 ^ (base | 0);
  for (const part of parts) {
    const text = `|${String(part)}`;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return finishSeed(h); // the finaliser is unchanged; only the mixing is written anew
}

describe('rng', () => {
  it('gives uncorrelated first draws for consecutive small seeds', () => {
    const firsts = Array.from({ length: 200 }, (_, seed) => createRng(seed).float());
    const mean = firsts.reduce((a, b) => a + b, 0) / firsts.length;
    expect(mean).toBeGreaterThan(0.4);
    expect(mean).toBeLessThan(0.6);
  });

  it('is reproducible and draws integers uniformly', () => {
    const a = createRng(42);
    const b = createRng(42);
    const counts = [0, 0, 0, 0];
    const [fromA, fromB] = [[] as number[], [] as number[]];
    for (let i = 0; i < 4000; i++) {
      const x = a.int(4);
      fromA.push(x);
      fromB.push(b.int(4));
      counts[x] = (counts[x] ?? 0) + 1;
    }
    // One comparison of the whole sequences: an \`expect\` per draw cost more than the draws.
    expect(fromB).toEqual(fromA);
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(120);
  });

  it('derives distinct seeds for distinct labels', () => {
    const seeds = new Set([
      deriveSeed(1, 'chance', 0),
      deriveSeed(1, 'chance', 1),
      deriveSeed(1, 'seat', 0),
      deriveSeed(2, 'chance', 0),
    ]);
    expect(seeds.size).toBe(4);
  });

  it('samples outcomes by probability', () => {
    const rng = createRng(5);
    const outcomes = [
      { action: 'a', probability: 0.75 },
      { action: 'b', probability: 0.25 },
    ];
    let a = 0;
    for (let i = 0; i < 10_000; i++) if (sampleOutcome(outcomes, rng).action === 'a') a++;
    expect(a / 10_000).toBeCloseTo(0.75, 1);
  });

  it('mixes numbers as their decimal text, in one call or in steps (the runtime keeps prefixes)', () => {
    const rng = createRng(3);
    const numbers = [0, 1, 9, 10, 99, 100, 12_345, 2 ** 31, 2 ** 32 + 7, Number.MAX_SAFE_INTEGER, -1, -250, 0.5, 1e21, -0];
    for (let i = 0; i < 500; i++) numbers.push(rng.int(1_000_000), Math.floor(rng.float() * Number.MAX_SAFE_INTEGER));
    for (const n of numbers) {
      const base = rng.int(2 ** 31) - 2 ** 30;
      const expected = deriveSeedFromText(base, 'seat', n, 'hand 7, card 4');
      expect(deriveSeed(base, 'seat', n, 'hand 7, card 4')).toBe(expected);
      expect(finishSeed(mixPart(mixPart(mixPart(seedMix(base), 'seat'), n), 'hand 7, card 4'))).toBe(expected);
    }
    // Values recorded before the stepwise mixing: records and bots' choices depend on them.
    expect([deriveSeed(1, 'seat', 0, 12), deriveSeed(7, 'chance', 'hand 1, card 3')]).toEqual([1321999780, 1818529712]);
  });
});
