/**
 * No-Limit Texas Hold'em: the `nlhe` game, its hand engine, the seven-card evaluator, equity,
 * and PHH import/export. Cards are `As`, `Td`, `2c` at this surface.
 */
export { cardName, cardsText, parseCard, parseCards } from './cards';
export * from './engine';
export { type EquityAnswer, type EquityQuery, type EquityResult, equity } from './equity';
export * from './eval';
export { nlhe } from './game';
export { legalActionsOf, POT_FRACTIONS, parseAction, raiseAction, raiseRange, raiseSizes } from './match/actions';
export { actLine, dealLine, type HistoryLine, parseHistoryLine, raiseTotal } from './match/history';
export { publicLogKey, withHoleCards } from './match/hypothetical';
export { DEFAULT_PARAMS, levelFor, type NlheParams, paramsSchema } from './match/params';
export { finishingOrder, type HandRecord, type NlheState } from './match/session';
export {
  type FinishedHand,
  finishedHands,
  handHistory,
  type NlheObservation,
  type NlhePlayerView,
  type NlheSpectatorView,
  summarize,
} from './match/views';
export * from './phh';
