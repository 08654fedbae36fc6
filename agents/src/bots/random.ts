import type { Agent } from '../agent';

/**
 * Picks a legal action uniformly at random from the seat's own seeded stream; in a simultaneous
 * phase it is asked once per action, so every Diplomacy unit gets a random legal order.
 */
export const randomBot = (): Agent => ({
  name: 'random',
  incremental: true,
  act: ({ legalActions, rng }) => rng.pick(legalActions),
});
