import type { Agent } from '../agent';

/** Picks a legal action uniformly at random from the seat's own seeded stream. */
export const randomBot = (): Agent => ({
  name: 'random',
  act: ({ legalActions, rng }) => rng.pick(legalActions),
});
