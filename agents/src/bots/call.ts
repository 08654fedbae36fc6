import { findGame } from '@parley/games';
import type { Agent } from '../agent';

/**
 * The call station: always checks or calls, never folds or raises. At a showdown (NLHE) it
 * shows, since mucking gives up the pot. A game whose check and call have other names says
 * which action that is (`passiveAction`, e.g. Kuhn's `pass` or `bet`); where none of these is
 * legal (a game with other moves) it takes the first legal action.
 */
const PASSIVE = ['check', 'call', 'show'] as const;

export const callBot = (): Agent => ({
  name: 'call',
  act: ({ gameId, legalActions, observation }) => {
    const named = findGame(gameId)?.passiveAction?.(observation);
    if (named && legalActions.includes(named)) return named;
    for (const a of PASSIVE) if (legalActions.includes(a)) return a;
    return legalActions[0] as string;
  },
});
