/** The ACPC poker dealer protocol (MATCHSTATE, version 2.0.0): game definitions, the codec, seats and the dealer. */
export { type AcpcMatchOptions, DEFAULT_RESPONSE_MS, dealerLog, runAcpcMatch } from './dealer';
export { type Gamedef, gamedefOf, paramsOf, parseGamedef, writeGamedef } from './gamedef';
export { type AcpcHand, currentHand, engineAction, finishedHand, matchState, parseReply, stateLine } from './matchstate';
export { AcpcSeat, type AcpcSeatOptions } from './seat';
