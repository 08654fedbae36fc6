/**
 * A match record's final-state hash, computed the first time it is read. Hashing the canonical
 * JSON of the final state costs as much as a whole one-hand poker match, and bot runs that only
 * total the returns never read it; whoever does (the store, `--out`, a replay, `structuredClone`,
 * `JSON.stringify`) reads the same string, in the same place among the keys, as if it had been
 * computed with the record; states are immutable, so later gives the same.
 */
import { stateHash } from './canonical';
import type { MatchRecord } from './record';

/**
 * Completes `record` with its last key, `finalStateHash`, standing for the hash of `finalState`.
 *
 * Every record gets the same two properties, added in the same order, so records share one hidden
 * class: one accessor pair for the hash (a getter made per record, a closure or one in the
 * literal, gave each record a class of its own) and the state under a symbol that is not
 * enumerable, which JSON, `structuredClone`, spreads and key listings all pass over. The state is
 * not kept in a weak map: the collector processes every entry of one at each young collection,
 * and that cost a bot run more than all of the matches' own garbage. The accessor is added as a
 * new key rather than laid over a placeholder: redefining a key turned every record into a
 * dictionary.
 */
export function withLazyHash<P>(record: Omit<MatchRecord<P>, 'finalStateHash'>, finalState: unknown): MatchRecord<P> {
  Object.defineProperty(record, 'finalStateHash', LAZY_HASH);
  return Object.defineProperty(record, FINAL_STATE, { value: finalState, configurable: true }) as MatchRecord<P>;
}

const FINAL_STATE = Symbol('finalState');

type Unhashed = MatchRecord<unknown> & { [FINAL_STATE]?: unknown };

function settleHash(record: Unhashed, value: string): string {
  delete record[FINAL_STATE];
  Object.defineProperty(record, 'finalStateHash', { value, writable: true, enumerable: true, configurable: true });
  return value;
}

const LAZY_HASH: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: Unhashed): string {
    return settleHash(this, stateHash(this[FINAL_STATE]));
  },
  set(this: Unhashed, value: string): void {
    settleHash(this, value);
  },
};
