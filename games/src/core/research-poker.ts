/**
 * What the two research pokers (Kuhn, Leduc) declare alike: trees small enough to solve exactly,
 * one hand per match at fixed bet sizes, and a person seated against the solved equilibrium.
 */
import type { GameSupports, TableViews } from './game';

export function researchPokerSupports(tableViews: TableViews): GameSupports<unknown> {
  return {
    exactTree: true,
    view: 'poker-table',
    tableViews,
    betting: 'fixed',
    defaultSeats: ['human', 'equilibrium'],
    chipScale: () => ({ bigBlind: 1, handsPerMatch: 1 }),
  };
}
