import { describe, expect, it } from 'vitest';
import { ActionLog } from './action-log';
import type { ActionRecord } from './record';

describe('ActionLog', () => {
  it('numbers actions after a stored prefix and builds the records a literal per action would', () => {
    const stored: ActionRecord[] = [
      { seq: 0, actor: 'chance', action: 'deal 0 Ah', ms: 0 },
      { seq: 1, actor: 1, action: 'fold', ms: 3, fallback: 'timeout', error: 'no answer within 3 ms' },
    ];
    const log = new ActionLog(stored);
    expect(log.length).toBe(2);
    expect(log.push(0, 'call', 12)).toBe(2);
    expect(log.push(1, 'check', 0, { fallback: 'illegal', proposed: 'raise 9', error: 'action/illegal: too small' })).toBe(3);
    expect(log.length).toBe(4);
    const records = log.records();
    // The prefix is given back as it was; the rest byte for byte as `{ seq, actor, action, ms, ...substitution }`.
    expect(records[1]).toBe(stored[1]);
    expect(JSON.stringify(records.slice(2))).toBe(
      JSON.stringify([
        { seq: 2, actor: 0, action: 'call', ms: 12 },
        {
          seq: 3,
          actor: 1,
          action: 'check',
          ms: 0,
          fallback: 'illegal',
          proposed: 'raise 9',
          error: 'action/illegal: too small',
        },
      ]),
    );
    expect(log.record(3)).toEqual(records[3]);
  });
});
