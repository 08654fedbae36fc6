import { describe, expect, it } from 'vitest';
import { analyzeAlliances } from './alliances';
import { movementPhases } from './phases';
import { scenarioRecord } from './scenario';

describe('alliances over time', () => {
  it('allies powers that supported each other without attacking, until one attacks', async () => {
    const record = await scenarioRecord();
    const report = analyzeAlliances(record, movementPhases(record));
    expect(report.phases.map((p) => [p.phase, p.pairs])).toEqual([
      ['S1901M', [['austria', 'italy']]],
      // Austria attacked Italy; Germany's support of Austria was one-way.
      ['F1901M', []],
    ]);
    const m = report.phases[0]!.matrix;
    expect([m[0]![4], m[4]![0], m[0]![0], m[3]![0]]).toEqual([1, 1, 0, 0]);
    expect(report.pairs).toEqual({ 'austria-italy': 1 });
    expect(report.perPower.italy.alliedPhases).toBe(1);
    expect(report.perAgent).toEqual({ alpha: { alliedPhases: 1 }, gamma: { alliedPhases: 0 }, beta: { alliedPhases: 1 } });
  });

  it('needs both supports inside the window', async () => {
    const record = await scenarioRecord();
    const phases = movementPhases(record);
    // The fall alone: Italy and Germany supported Austria, which supported nobody: no alliance.
    expect(analyzeAlliances(record, phases.slice(1), 1).phases[0]!.pairs).toEqual([]);
  });
});
