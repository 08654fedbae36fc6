/**
 * Diplomacy: the standard map, orders in standard notation, a DATC-conformant adjudicator and
 * the game engine on Parley's `Game` interface. The internal fast representation (integer
 * provinces, typed arrays) stays inside; this surface speaks plain JSON and order text.
 */
export { adjudicateMovement, type MovementInput, type MovementOutcome } from './adjudicate';
export { adjustmentDeltas, civilDisorderDisbands } from './adjustments';
export { type BoardSense, boardSense, distancesFrom, moveDistance, reachable, type UnitSense } from './board-sense';
export { adjudicateCase, type CaseInput, type CaseOutput, parseCase } from './case';
export { COMMITMENT_KINDS, validateCommitment } from './commitments';
export {
  type DiplomacyObservation,
  type DiplomacyOutcome,
  type DiplomacyParams,
  type DiplomacySpectatorView,
  type DiplomacyState,
  diplomacy,
  legalOrders,
  stateFromPosition,
} from './game';
export { locationName, type MapProvince, STANDARD_MAP, type StandardMap, VICTORY_CENTRES } from './map';
export type { MovementFacts } from './movement';
export { type CheckResult, checkOrderText, type PhaseContext } from './orders-check';
export type { OrderGroup } from './orders-legal';
export { formatOrder, type ParseResult, parseOrder } from './orders-parse';
export { formatPhaseCode, parsePhaseCode } from './phase-code';
export {
  attacks,
  type Commitment,
  type CommitmentVerdict,
  checkCommitment,
  orderFor,
  type PhaseOrder,
  type PhaseOrders,
  phaseOrders,
  phaseSupports,
  powerNamed,
  provinceOf,
  type SupportEvent,
  type Territory,
  territory,
  type Verdict,
} from './relations';
export { explainMovement, type PhaseReport, phaseContext, processPhase, type SubmittedOrder, type Turn } from './turn';
export * from './types';
