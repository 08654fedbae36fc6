import type { Diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import type { PublicDiplomacyView } from './model';
import { historyOf, mergeHistory, recordPhase } from './phase-history';

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

describe('mergeHistory', () => {
  const orders: Diplomacy.OrderResult[] = [{ power: 'france', text: 'A PAR - BUR', result: 'succeeds', reason: '' }];
  const inBur = { units: [{ power: 'france' as const, type: 'A' as const, province: 'bur' }] };
  const winter = { season: 'winter', year: 1901, type: 'adjustment' } as const;

  it('puts the arena’s earlier phases first, with the page’s resolved version of a phase both know', () => {
    // The arena lists the spring and the fall openings; the page opened in the fall and saw it resolve.
    const earlier = historyOf([view(spring), view(fall, { ...inBur, lastPhase: { phase: spring, orders, drawVotes: [] } })]);
    expect(earlier.map((p) => p.code)).toEqual(['S1901M', 'F1901M']);
    expect(earlier[0]!.model.orders.map((o) => o.text)).toEqual(['A PAR - BUR']);
    let seen = recordPhase([], view(fall, inBur));
    seen = recordPhase(seen, view(winter, { ...inBur, lastPhase: { phase: fall, orders: [], drawVotes: [] } }));
    const merged = mergeHistory(earlier, seen);
    expect(merged.map((p) => p.code)).toEqual(['S1901M', 'F1901M', 'W1901A']);
    expect(merged[0]!.model.orders.map((o) => o.text)).toEqual(['A PAR - BUR']);
    // The fall as the page saw it resolve (its orders' phase set), not the arena's opening.
    expect(merged[1]!.model.ordersPhase).toEqual(fall);
    expect(mergeHistory([], seen)).toEqual(seen);
  });
});
