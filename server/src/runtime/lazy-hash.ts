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
 * One accessor pair serves every record, the state waiting in a weak map: a getter made per
 * record (a closure, or one in the literal) gave each record a hidden class of its own, and the
 * collector spent more on those than the hash saved. The accessor is added as a new key rather
 * than laid over a placeholder: redefining an existing key turned every record into a dictionary.
 */
export function withLazyHash<P>(record: Omit<MatchRecord<P>, 'finalStateHash'>, finalState: unknown): MatchRecord<P> {
  unhashed.set(record, finalState);
  return Object.defineProperty(record, 'finalStateHash', LAZY_HASH) as MatchRecord<P>;
}

const unhashed = new WeakMap<object, unknown>();

function settleHash(record: MatchRecord<unknown>, value: string): string {
  unhashed.delete(record);
  Object.defineProperty(record, 'finalStateHash', { value, writable: true, enumerable: true, configurable: true });
  return value;
}

const LAZY_HASH: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: MatchRecord<unknown>): string {
    return settleHash(this, stateHash(unhashed.get(this)));
  },
  set(this: MatchRecord<unknown>, value: string): void {
    settleHash(this, value);
  },
};
