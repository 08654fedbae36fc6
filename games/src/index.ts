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
export { type DiplomacyObservation, type DiplomacySpectatorView, diplomacy } from './diplomacy';
export { type KuhnObservation, type KuhnSpectatorView, kuhn } from './kuhn';
export { type LeducObservation, type LeducSpectatorView, leduc } from './leduc';
export { type LiarsDiceObservation, type LiarsDiceSpectatorView, liarsDice } from './liars-dice';
export * as Nlhe from './nlhe';
export { type NlheObservation, type NlheSpectatorView, nlhe } from './nlhe';

registerGame(kuhn);
registerGame(leduc);
registerGame(diplomacy);
registerGame(nlhe);
registerGame(liarsDice);
