import { hash } from 'node:crypto';

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
  // Written out in one pass, each object's keys put in order once per shape (shapeOf): the
  // native serialiser with a sorted property list was slower than the hand it hashed.
  return write(value) ?? (undefined as unknown as string);
}

function write(value: unknown): string | undefined {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof v) {
    case 'string':
      return quoted(v);
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

// Most strings of a state need no escaping (log entries, phases, action texts): those are
// quoted as they are, which one native scan decides; the rest go through JSON.stringify. (A map
// of quoted texts was slower on fresh states, whose raise entries and amounts are new strings.)
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among what JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quoted(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
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

/** An object's own keys as `Object.keys` lists them, and in the order they are written. */
interface Shape {
  readonly keys: readonly string[];
  readonly order: readonly string[];
  /** `"key":` for each key of `order`. */
  readonly quoted: readonly string[];
}

// States of one game have a handful of shapes; each is sorted once, found again by its first key.
const shapes = new Map<string, Shape[]>();
let shapeCount = 0;
const SHAPE_LIMIT = 4096;

function shapeOf(keys: string[]): Shape {
  const candidates = shapes.get(keys[0]!);
  if (candidates) {
    for (const shape of candidates) if (sameKeys(shape.keys, keys)) return shape;
  }
  // Object.keys lists array-index keys first, ascending; only the rest need sorting.
  const order = keys.slice();
  let k = 0;
  while (k < order.length && isIndex(order[k]!)) k++;
  if (k < order.length - 1) {
    const named = order.slice(k).sort();
    for (let i = 0; i < named.length; i++) order[k + i] = named[i]!;
  }
  const shape: Shape = { keys, order, quoted: order.map((key) => `${JSON.stringify(key)}:`) };
  if (shapeCount >= SHAPE_LIMIT) {
    shapes.clear();
    shapeCount = 0;
  }
  shapeCount++;
  if (candidates) candidates.push(shape);
  else shapes.set(keys[0]!, [shape]);
  return shape;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function writeObject(object: Record<string, unknown>): string {
  const keys = Object.keys(object);
  if (keys.length === 0) return '{}';
  const { order, quoted } = shapeOf(keys);
  let out = '{';
  for (let i = 0; i < order.length; i++) {
    const text = write(object[order[i]!]);
    if (text === undefined) continue;
    out += out.length > 1 ? `,${quoted[i]}${text}` : `${quoted[i]}${text}`;
  }
  return `${out}}`;
}

/** The hash a record carries for a state: sha256 of its canonical JSON, hex. */
export function stateHash(state: unknown): string {
  // The one-shot digest: the same bytes as a Hash object's, without making one per record.
  return hash('sha256', canonicalJson(state), 'hex');
}
