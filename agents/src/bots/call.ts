import type { Agent } from '../agent';

/**
 * The call station: always checks or calls, never folds or raises. At a showdown (NLHE) it
 * shows, since mucking gives up the pot. Where none of these is legal (a game with other
 * moves) it takes the first legal action.
 */
const PASSIVE = ['check', 'call', 'pass', 'show'] as const;

export const callBot = (): Agent => ({
  name: 'call',
  act: ({ legalActions, observation }) => {
    for (const a of PASSIVE) if (legalActions.includes(a)) return a === 'pass' ? kuhnCallOrCheck(legalActions, observation) : a;
    return legalActions[0] as string;
  },
});

/** In Kuhn, `pass` checks when nothing is owed but folds facing a bet; calling is `bet` then. */
function kuhnCallOrCheck(legal: readonly string[], observation: unknown): string {
  const history = (observation as { history?: readonly string[] }).history ?? [];
  const facingBet = history[history.length - 1] === 'bet';
  return facingBet && legal.includes('bet') ? 'bet' : 'pass';
}
