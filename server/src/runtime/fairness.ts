/**
 * Provably fair chance. Every deal and every chance outcome is derived from the match seed
 * (match-runner.ts), so whoever knew the seed during a match would know every card to come. The
 * arena therefore keeps the seed secret while a match runs and publishes at creation only a
 * commitment, SHA-256 over the seed and a random 128-bit salt. When the match ends it reveals
 * both; `verifyRecord` (and `parley verify RECORD`) recomputes the commitment and every chance
 * outcome from the seed, so a player can check that the deck was not stacked after the fact.
 *
 * The salt matters: seeds are 32-bit, and a bare hash of one could be inverted by trying them all.
 */
import { createHash, randomBytes } from 'node:crypto';
import { getGame } from '@parley/games';
import { stateHash } from './canonical';
import type { MatchRecord } from './record';
import { ChanceDraws } from './seeds';

export const COMMITMENT_SCHEME = 'sha256("parley-seed-v1:" + seed + ":" + salt)';

/** What a finished match reveals beside its seed. */
export interface Fairness {
  scheme: typeof COMMITMENT_SCHEME;
  commitment: string;
  /** Hex; revealed with the seed once the match is over. */
  salt: string;
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

export function seedCommitment(seed: number, salt: string): string {
  return createHash('sha256').update(`parley-seed-v1:${seed}:${salt}`).digest('hex');
}

export type VerifyResult =
  | { ok: true; chanceOutcomes: number; actions: number; commitment: string }
  | { ok: false; error: string; seq?: number };

/**
 * Checks a finished match record with its revealed fairness data: the commitment matches the
 * seed and salt, every chance action is the one the seed yields, every other action is legal,
 * and the replay reaches the record's final state.
 */
export function verifyRecord(record: MatchRecord): VerifyResult {
  const fairness = record?.fairness;
  if (!fairness || typeof fairness.salt !== 'string' || typeof fairness.commitment !== 'string')
    return { ok: false, error: 'the record carries no seed commitment (fairness.commitment and fairness.salt)' };
  if (typeof record.seed !== 'number') return { ok: false, error: 'the record carries no seed' };
  const expected = seedCommitment(record.seed, fairness.salt);
  if (expected !== fairness.commitment)
    return { ok: false, error: `the seed and salt hash to ${expected}, not the published commitment ${fairness.commitment}` };
  let game: ReturnType<typeof getGame>;
  try {
    game = getGame(record.game);
  } catch {
    return { ok: false, error: `unknown game '${String(record.game).slice(0, 40)}'` };
  }
  const parsed = game.descriptor.parseParams(record.params);
  if (!parsed.ok) return { ok: false, error: `bad params: ${parsed.error.message}` };
  let state = game.newInitialState(parsed.params);
  const chance = new ChanceDraws(record.seed);
  for (const { seq, actor, action } of record.actions ?? []) {
    if (actor === 'chance') {
      if (game.currentPlayer(state) !== 'chance')
        return { ok: false, seq, error: `action ${seq}: a chance action where none is due` };
      const due = chance.next(game, state);
      if (due !== action) return { ok: false, seq, error: `action ${seq}: chance dealt '${action}' but the seed gives '${due}'` };
    } else {
      const error = game.validateAction(state, actor, action);
      if (error) return { ok: false, seq, error: `action ${seq} '${action}' by ${actor}: ${error.code}` };
    }
    state = game.applyAction(state, actor, action);
  }
  if (!game.isTerminal(state)) return { ok: false, error: 'the record ends before the game does' };
  if (record.finalStateHash && stateHash(state) !== record.finalStateHash)
    return { ok: false, error: "the replay does not reach the record's final state" };
  return { ok: true, chanceOutcomes: chance.count, actions: record.actions.length, commitment: expected };
}
