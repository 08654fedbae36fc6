import type { Agent } from '../agent';

/** One function for every random bot: a match makes a bot per seat, and none needs its own. */
const pickAtRandom: Agent['act'] = ({ legalActions, rng }) => rng.pick(legalActions);

/**
 * Picks a legal action uniformly at random from the seat's own seeded stream; in a simultaneous
 * phase it is asked once per action, so every Diplomacy unit gets a random legal order.
 */
export const randomBot = (): Agent => ({ name: 'random', incremental: true, act: pickAtRandom });
