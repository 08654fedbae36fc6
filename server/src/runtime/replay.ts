/**
 * Replays a match record through the pure engine: every action is validated where it stands,
 * and the final state's hash is compared with the one the record carries.
 */
import { getGame } from '@parley/games';
import { describeIssues, matchRecordSchema } from '@parley/protocol';
import { stateHash } from './canonical';
import { type MatchRecord, RECORD_FORMAT, RECORD_VERSION } from './record';

export type ReplayResult =
  | { ok: true; hash: string; returns: number[]; state: unknown }
  | { ok: false; error: string; seq?: number };

export function replayRecord(record: MatchRecord): ReplayResult {
  if (record?.format !== RECORD_FORMAT)
    return { ok: false, error: `not a Parley match record (format ${JSON.stringify(record?.format)})` };
  if (record.version !== RECORD_VERSION)
    return { ok: false, error: `record version ${record.version} is not supported (this build reads ${RECORD_VERSION})` };
  const shape = matchRecordSchema.safeParse(record);
  if (!shape.success) return { ok: false, error: `malformed record: ${describeIssues(shape.error)}` };
  const game = getGame(record.game);
  const parsed = game.descriptor.parseParams(record.params);
  if (!parsed.ok) return { ok: false, error: `bad params: ${parsed.error.message}` };
  let state = game.newInitialState(parsed.params);
  for (const { seq, actor, action } of record.actions) {
    const error = game.validateAction(state, actor, action);
    if (error) return { ok: false, seq, error: `action ${seq} '${action}' by ${actor}: ${error.code}: ${error.message}` };
    state = game.applyAction(state, actor, action);
  }
  if (!game.isTerminal(state)) return { ok: false, error: 'the record ends before the game does' };
  const hash = stateHash(state);
  if (hash !== record.finalStateHash)
    return { ok: false, error: `final state hash ${hash} differs from the record's ${record.finalStateHash}` };
  return { ok: true, hash, returns: [...game.returns(state)], state };
}
