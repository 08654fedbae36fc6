import { describe, expect, it } from 'vitest';
import { movementPhases } from './phases';
import { scenarioRecord } from './scenario';
import { analyzeSupports } from './supports';

describe('supports across powers', () => {
  it('counts supports given and received, and whether the engine gave them', async () => {
    const record = await scenarioRecord();
    const report = analyzeSupports(record, movementPhases(record));
    expect(report.events.map((e) => [e.phase, e.from, e.to, e.order, e.result, e.reason, e.helped])).toEqual([
      ['S1901M', 'austria', 'italy', 'F TRI S A VEN', 'succeeds', 'given', true],
      ['S1901M', 'italy', 'austria', 'A VEN S F TRI', 'succeeds', 'given', true],
      ['F1901M', 'germany', 'austria', 'A MUN S A VIE - TYR', 'fails', 'cut', true],
      ['F1901M', 'italy', 'austria', 'A VEN S A VIE - TYR', 'fails', 'cut', true],
    ]);
    expect(report.perPower.austria).toEqual({ given: 1, givenSucceeded: 1, received: 3, receivedSucceeded: 1 });
    expect(report.perPower.italy).toEqual({ given: 2, givenSucceeded: 1, received: 1, receivedSucceeded: 1 });
    expect(report.perPower.germany).toEqual({ given: 1, givenSucceeded: 0, received: 0, receivedSucceeded: 0 });
    // Austria and Germany both play as 'alpha'.
    expect(report.perAgent.alpha).toEqual({ given: 2, givenSucceeded: 1, received: 3, receivedSucceeded: 1 });
    expect(report.perAgent.gamma).toEqual({ given: 0, givenSucceeded: 0, received: 0, receivedSucceeded: 0 });
    expect([report.matrix[0]![4], report.matrix[4]![0], report.matrix[3]![0], report.matrix[0]![3]]).toEqual([1, 2, 1, 0]);
  });
});
