import type { SolvePoint } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { parseAnalysis } from './analysis';

describe('parseAnalysis', () => {
  it('reads the lines `parley solve` prints as they are', () => {
    const line: SolvePoint = {
      algorithm: 'cfr+',
      iteration: 8,
      nashConv: 0.5,
      exploitability: 0.25,
      value: -0.05,
      seconds: 0.01,
    };
    const file = parseAnalysis('run.jsonl', `${JSON.stringify(line)}\n`);
    expect(file.kind).toBe('solve');
    expect(file.solve).toEqual([line]);
    expect(file.skipped).toBe(0);
  });

  it('fills in what an older checkpoint line lacks, and leaves its time unknown', () => {
    const file = parseAnalysis('old.jsonl', '{"iteration":4,"exploitability":0.3}\nnot json\n');
    expect(file.solve).toEqual([
      { algorithm: 'solver', iteration: 4, exploitability: 0.3, nashConv: 0.6, value: Number.NaN, seconds: undefined },
    ]);
    expect(file.skipped).toBe(1);
  });
});
