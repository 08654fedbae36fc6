import { describe, expect, it } from 'vitest';
import { attacks, checkCommitment, phaseOrders, phaseSupports } from './relations';
import type { CentreOwner, OrderResult, Unit } from './types';

const units: Unit[] = [
  { power: 'france', type: 'A', province: 'bur' },
  { power: 'france', type: 'A', province: 'mar' },
  { power: 'germany', type: 'A', province: 'mun' },
  { power: 'germany', type: 'A', province: 'ruh' },
  { power: 'italy', type: 'A', province: 'pie' },
];
const centres: CentreOwner[] = [
  { power: 'germany', province: 'mun' },
  { power: 'france', province: 'mar' },
];
const result = (power: OrderResult['power'], text: string): OrderResult => ({ power, text, result: 'succeeds', reason: '' });

describe('relations in one movement phase', () => {
  const phase = phaseOrders('F1901M', units, centres, [
    result('france', 'A BUR - MUN'),
    result('france', 'A MAR S A BUR - MUN'),
    result('germany', 'A MUN H'),
    result('germany', 'A RUH S A BUR - MUN'),
    result('italy', 'A PIE S A MAR'),
  ]);

  it('finds attacks by moves and by supports of them, judged on the orders given', () => {
    expect(attacks(phase, 'france', 'germany').map((o) => o.text)).toEqual(['A BUR - MUN', 'A MAR S A BUR - MUN']);
    // Germany supporting an attack on its own unit is not an attack on France, nor on itself.
    expect(attacks(phase, 'germany', 'france')).toEqual([]);
    expect(attacks(phase, 'italy', 'france')).toEqual([]);
  });

  it('counts supports across powers only', () => {
    expect(phaseSupports(phase).map((s) => [s.from, s.to, s.order])).toEqual([
      ['germany', 'france', 'A RUH S A BUR - MUN'],
      ['italy', 'france', 'A PIE S A MAR'],
    ]);
  });

  it('checks promises against the orders', () => {
    expect(checkCommitment({ kind: 'no-attack', target: 'germany' }, 'france', phase).verdict).toBe('broken');
    expect(checkCommitment({ kind: 'no-attack', target: 6 }, 'france', phase).verdict).toBe('kept');
    expect(checkCommitment({ kind: 'support', order: 'A PIE S A MAR' }, 'italy', phase).verdict).toBe('kept');
    expect(checkCommitment({ kind: 'move', order: 'A MUN - BUR' }, 'germany', phase)).toEqual({
      verdict: 'broken',
      reason: 'ordered A MUN H',
    });
    // Burgundy was left (kept); Munich was entered (broken).
    expect(checkCommitment({ kind: 'demilitarise', province: 'Burgundy' }, 'france', phase).verdict).toBe('kept');
    expect(checkCommitment({ kind: 'demilitarise', province: 'mun' }, 'france', phase).verdict).toBe('broken');
    expect(checkCommitment({ kind: 'move', order: 'A KIE - BER' }, 'germany', phase).verdict).toBe('not-checkable');
  });
});
