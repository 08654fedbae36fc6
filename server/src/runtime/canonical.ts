import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so equal values always give equal text.
 *
 * Written out rather than as a `JSON.stringify` replacer that copies every object into a sorted
 * one: records hash every final state, and for one-hand matches that copy cost more than the
 * hand. The text is exactly what the replacer gave: `toJSON` first, `undefined`, functions and
 * symbols left out of objects and written `null` in arrays, non-finite numbers `null`, and keys
 * that are array indices first in numeric order (where JavaScript puts them in any object).
 */
export function canonicalJson(value: unknown): string {
  // Plain data (the usual case) goes through the native serialiser with the sorted list of every
  // key it contains as the property list, which JSON.stringify follows at every level.
  const keys = new Set<string>();
  if (plainKeys(value, keys, 0)) return JSON.stringify(value, [...keys].sort());
  return write(value) ?? (undefined as unknown as string);
}

/**
 * Collects the keys of every object in `value`; false where the property list would not give the
 * replacer's text: a `toJSON`, an object that is not plain (its inherited properties would be
 * read), a key that is an array index (those come first, in numeric order) or `__proto__`.
 */
function plainKeys(value: unknown, keys: Set<string>, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth > 200) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (!plainKeys(item, keys, depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in value) {
    const first = key.charCodeAt(0);
    if (key === 'toJSON' || key === '__proto__' || (first >= 48 && first <= 57 && isIndex(key))) return false;
    keys.add(key);
    if (!plainKeys((value as Record<string, unknown>)[key], keys, depth + 1)) return false;
  }
  return true;
}

function write(value: unknown): string | undefined {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (v === null) return 'null';
      return Array.isArray(v) ? writeArray(v) : writeObject(v as Record<string, unknown>);
    case 'bigint':
      return JSON.stringify(v); // throws, as JSON.stringify does
    default:
      return undefined;
  }
}

function writeArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += write(items[i]) ?? 'null';
  }
  return `${out}]`;
}

const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
const isIndex = (key: string): boolean => ARRAY_INDEX.test(key) && Number(key) < 4_294_967_295;

function writeObject(object: Record<string, unknown>): string {
  const keys = Object.keys(object);
  // Object.keys lists array-index keys first, ascending; only the rest need sorting.
  let k = 0;
  while (k < keys.length && isIndex(keys[k]!)) k++;
  if (k < keys.length - 1) {
    const named = keys.slice(k).sort();
    for (let i = 0; i < named.length; i++) keys[k + i] = named[i]!;
  }
  let out = '{';
  for (const key of keys) {
    const text = write(object[key]);
    if (text === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${text}`;
  }
  return `${out}}`;
}

/** The hash a record carries for a state: sha256 of its canonical JSON, hex. */
export function stateHash(state: unknown): string {
  return createHash('sha256').update(canonicalJson(state)).digest('hex');
}
