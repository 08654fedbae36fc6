import { describe, expect, it } from 'vitest';
import { analyzeBetrayals } from './betrayals';
import { movementPhases } from './phases';
import { scenarioRecord } from './scenario';

describe('betrayals', () => {
  it('flags an attack on a power allied in the phases just before', async () => {
    const record = await scenarioRecord();
    const report = analyzeBetrayals(record, movementPhases(record));
    expect(report.events).toEqual([
      { phase: 'F1901M', betrayer: 'austria', victim: 'italy', alliedAt: 'S1901M', orders: ['F TRI - VEN'], succeeded: false },
    ]);
    expect(report.perPower.austria).toEqual({ betrayals: 1, betrayed: 0 });
    expect(report.perPower.italy).toEqual({ betrayals: 0, betrayed: 1 });
    // France attacked Germany too, but they were never allied.
    expect(report.perPower.france).toEqual({ betrayals: 0, betrayed: 0 });
    expect(report.perAgent.alpha).toEqual({ betrayals: 1, betrayed: 0 });
  });

  it('looks back only `within` phases', async () => {
    const record = await scenarioRecord();
    expect(analyzeBetrayals(record, movementPhases(record), 0).events).toEqual([]);
  });
});
