import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, sampleOutcome } from './rng';

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
    for (let i = 0; i < 4000; i++) {
      const x = a.int(4);
      expect(b.int(4)).toBe(x);
      counts[x] = (counts[x] ?? 0) + 1;
    }
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
});
