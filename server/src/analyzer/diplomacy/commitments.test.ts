import { describe, expect, it } from 'vitest';
import { analyzeCommitments } from './commitments';
import { movementPhases } from './phases';
import { scenarioRecord } from './scenario';

describe('promise keeping', () => {
  it('checks each commitment against the sender’s orders in the next movement phase', async () => {
    const record = await scenarioRecord();
    const report = analyzeCommitments(record, movementPhases(record));
    const verdicts = report.checks.map((c) => [c.checkedIn, c.from, c.commitment.kind, c.verdict]);
    expect(verdicts).toEqual([
      ['S1901M', 'austria', 'support', 'kept'],
      ['S1901M', 'austria', 'no-attack', 'kept'],
      ['S1901M', 'england', 'support', 'not-checkable'],
      ['S1901M', 'england', 'move', 'not-checkable'],
      ['S1901M', 'russia', 'support', 'broken'],
      ['F1901M', 'austria', 'no-attack', 'broken'],
      ['F1901M', 'austria', 'demilitarise', 'broken'],
      ['F1901M', 'france', 'move', 'kept'],
      ['F1901M', 'france', 'no-attack', 'broken'],
      ['F1901M', 'germany', 'move', 'broken'],
      ['F1901M', 'germany', 'no-attack', 'kept'],
      ['F1901M', 'italy', 'demilitarise', 'kept'],
      ['F1901M', 'italy', 'support', 'kept'],
      ['F1901M', 'turkey', 'no-attack', 'not-checkable'],
      ['F1901M', 'turkey', 'no-attack', 'not-checkable'],
    ]);
    expect(report.checks[4]!.reason).toBe('ordered A WAR H');
    expect(report.checks[5]!.reason).toBe('F TRI - VEN');
    expect(report.perPower.austria).toEqual({ kept: 2, broken: 2, notCheckable: 0, keptRate: 0.5 });
    expect(report.perPower.england).toEqual({ kept: 0, broken: 0, notCheckable: 2, keptRate: null });
    expect(report.perPower.russia.keptRate).toBe(0);
    expect(report.perAgent.alpha).toEqual({ kept: 3, broken: 3, notCheckable: 0, keptRate: 0.5 });
    expect(report.perAgent.beta).toEqual({ kept: 2, broken: 0, notCheckable: 0, keptRate: 1 });
    expect(report.perAgent.gamma).toEqual({ kept: 1, broken: 2, notCheckable: 4, keptRate: 1 / 3 });
  });

  it('cannot check a promise with no movement phase after it', async () => {
    const record = await scenarioRecord();
    const report = analyzeCommitments(record, movementPhases(record).slice(0, 1));
    const fall = report.checks.filter((c) => c.sentIn === 'F1901M');
    expect(fall.length).toBe(10);
    expect(fall.every((c) => c.verdict === 'not-checkable' && c.checkedIn === null)).toBe(true);
  });
});
