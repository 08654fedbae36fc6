/**
 * @parley/games: the rules engines and the game interface they share.
 * Importing this module registers every game, so `getGame('kuhn')` works for any caller.
 */
import { registerGame } from './core/registry';
import { diplomacy } from './diplomacy';
import { kuhn } from './kuhn';
import { leduc } from './leduc';
import { liarsDice } from './liars-dice';
import { nlhe } from './nlhe';

export * from './core';
export * as Diplomacy from './diplomacy';
export { diplomacy } from './diplomacy';
export { kuhn } from './kuhn';
export { leduc } from './leduc';
export { liarsDice } from './liars-dice';
export * as Nlhe from './nlhe';
export { nlhe } from './nlhe';

registerGame(kuhn);
registerGame(leduc);
registerGame(diplomacy);
registerGame(nlhe);
registerGame(liarsDice);
