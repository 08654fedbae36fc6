/**
 * The match record: everything needed to replay a match through the pure engine and prove it
 * reproduced it (the final-state hash). Chance outcomes are ordinary actions with actor
 * `chance`, so a replay needs no RNG. Version bumps when the shape changes.
 */
export {
  type ActionRecord,
  type BranchOrigin,
  type Fallback,
  type MatchRecord,
  type MessageRecord,
  type ModelCallRecord,
  parseMatchRecord,
  RECORD_FORMAT,
  RECORD_VERSION,
  type SeatRecord,
} from '@parley/protocol';
