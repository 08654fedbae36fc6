/**
 * @parley/games: the rules engines and the game interface they share.
 * Importing this module registers every game, so `getGame('kuhn')` works for any caller.
 */
import { registerGame } from './core/registry';
import { kuhn } from './kuhn';
import { leduc } from './leduc';

export * from './core';
export { kuhn } from './kuhn';
export { leduc } from './leduc';

registerGame(kuhn);
registerGame(leduc);
