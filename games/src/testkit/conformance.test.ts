import { describe, expect, it } from 'vitest';
import type { Game } from '../core/game';
import { type KuhnParams, type KuhnState, kuhn } from '../kuhn/kuhn';
import { ConformanceError, checkConformance } from './conformance';

/** A copy of Kuhn with one defect patched in, to prove the kit notices it. */
const broken = (patch: Partial<Game<KuhnState, KuhnParams>>): Game<KuhnState, KuhnParams> => ({ ...kuhn, ...patch });
const params = kuhn.descriptor.defaultParams;

describe('conformance kit', () => {
  it('catches a view that leaks the other seat card', () => {
    const leaky = broken({ observation: (s, seat) => ({ seat, cards: s.cards }) });
    expect(() => checkConformance(leaky, { params, playouts: 20 })).toThrow(/leaks seat \d's private value/);
  });

  it('catches unsorted legal actions', () => {
    const unsorted = broken({ legalActions: (s, seat) => (kuhn.currentPlayer(s) === seat ? ['pass', 'bet'] : []) });
    expect(() => checkConformance(unsorted, { params, playouts: 5 })).toThrow(/not sorted/);
  });

  it('catches chance probabilities that do not sum to 1', () => {
    const skewed = broken({ chanceOutcomes: (s) => kuhn.chanceOutcomes(s).map((o) => ({ ...o, probability: 0.3 })) });
    expect(() => checkConformance(skewed, { params, playouts: 5 })).toThrow(/chance probabilities sum to 0\.(9|8999)/);
  });

  it('catches returns that do not sum to zero in a zero-sum game', () => {
    const nonZero = broken({ returns: (s) => kuhn.returns(s).map((r) => r + 1) });
    expect(() => checkConformance(nonZero, { params, playouts: 5 })).toThrow(ConformanceError);
  });

  it('catches a state that mutates on apply', () => {
    const mutating = broken({
      applyAction: (s, actor, action) => {
        const next = kuhn.applyAction(s, actor, action);
        if (actor !== 'chance') (s.history as string[]).push('bet');
        return next;
      },
    });
    expect(() => checkConformance(mutating, { params, playouts: 5 })).toThrow(/mutated/);
  });
});
