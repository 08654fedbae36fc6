import { describe, expect, it } from 'vitest';
import { actLatency, latencyQuantile, recordActLatency } from './act-latency';

describe('act latency histogram', () => {
  it('gives the quantiles of what was recorded between two reads, as bucket upper bounds', () => {
    recordActLatency(400); // before the window: not counted
    const before = actLatency();
    for (let i = 0; i < 98; i++) recordActLatency(4); // the 5 ms bucket
    recordActLatency(60); // the 70 ms bucket
    recordActLatency(9_000); // past the last bound
    const after = actLatency();
    expect(latencyQuantile(before, after, 0.5)).toBe(5);
    expect(latencyQuantile(before, after, 0.99)).toBe(70);
    expect(latencyQuantile(before, after, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(latencyQuantile(after, after, 0.5)).toBeNaN();
  });
});
