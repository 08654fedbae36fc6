import type { Diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import type { PublicDiplomacyView } from './model';
import { recordPhase } from './phase-history';

const spring = { season: 'spring', year: 1901, type: 'movement' } as const;
const fall = { season: 'fall', year: 1901, type: 'movement' } as const;

function view(phase: Diplomacy.Phase, extra: Partial<PublicDiplomacyView> = {}): PublicDiplomacyView {
  return {
    phase,
    units: [{ power: 'france', type: 'A', province: 'par' }],
    dislodged: [],
    centres: { france: ['par'] },
    adjustments: null,
    ordersDue: {},
    lastPhase: null,
    outcome: null,
    lastYear: null,
    ...extra,
  };
}

describe('recordPhase', () => {
  it('keeps each phase once, its opening position first and its results once the next phase shows them', () => {
    let h = recordPhase([], view(spring, { power: 'france', pendingOrders: ['france: A PAR - BUR'] }));
    expect(h).toHaveLength(1);
    // A seat's own pending orders never enter the history.
    expect(h[0]!.model.orders).toEqual([]);
    h = recordPhase(h, view(spring));
    expect(h).toHaveLength(1);
    const orders: Diplomacy.OrderResult[] = [{ power: 'france', text: 'A PAR - BUR', result: 'succeeds', reason: '' }];
    h = recordPhase(
      h,
      view(fall, {
        units: [{ power: 'france', type: 'A', province: 'bur' }],
        lastPhase: { phase: spring, orders, drawVotes: [] },
      }),
    );
    expect(h.map((p) => p.code)).toEqual(['S1901M', 'F1901M']);
    expect(h[0]!.model.units[0]!.province).toBe('par');
    expect(h[0]!.model.orders.map((o) => [o.text, o.result])).toEqual([['A PAR - BUR', 'succeeds']]);
    expect(h[1]!.model.orders).toEqual([]);
  });
});
