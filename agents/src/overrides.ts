/**
 * Field overrides (`budget.tokens=8000`), as budget sweeps and `llm:PATH?…` specs write them.
 * One place builds the objects they land in: without a prototype, refusing the keys that would
 * reach one (`__proto__`, `constructor`, `prototype`), so no input can pollute Object.prototype.
 */
import { isSafeOverrideKey, PROTOTYPE_KEYS } from '@parley/protocol';

export { isSafeOverrideKey };

/** A prototype-free deep copy of plain JSON data (objects, arrays, scalars), refusing forbidden keys. */
export function nullProtoCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nullProtoCopy);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(value)) {
    if (PROTOTYPE_KEYS.has(k)) throw new Error(`the key '${k}' is not allowed`);
    out[k] = nullProtoCopy(v);
  }
  return out;
}

/** Reads `'true'`, `'false'` and numbers as such; anything else stays text. */
export function overrideValue(text: string): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  return text !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

/**
 * Applies `key=value` pairs to a prototype-free copy of `base`; dotted keys reach nested fields.
 * Throws on a forbidden key or on a path through a non-object value.
 */
export function applyOverrides(
  base: unknown,
  pairs: Iterable<readonly [string, string | number | boolean]>,
): Record<string, unknown> {
  const root = nullProtoCopy(base ?? {}) as Record<string, unknown>;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) throw new Error('overrides need an object to apply to');
  for (const [key, value] of pairs) {
    if (!isSafeOverrideKey(key)) throw new Error(`the override key '${key.slice(0, 80)}' is not allowed`);
    const path = key.split('.');
    let node = root;
    for (const part of path.slice(0, -1)) {
      const next = Object.hasOwn(node, part) ? node[part] : undefined;
      if (next === undefined) node[part] = Object.create(null);
      else if (next === null || typeof next !== 'object' || Array.isArray(next))
        throw new Error(`the override '${key.slice(0, 80)}' goes through a field that is not an object`);
      node = node[part] as Record<string, unknown>;
    }
    node[path[path.length - 1] as string] = typeof value === 'string' ? overrideValue(value) : value;
  }
  return root;
}
