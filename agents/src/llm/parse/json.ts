/**
 * Finds the JSON values a model wrote, wherever it wrote them: in fenced code blocks, bare in
 * prose, after its reasoning. Light repairs cover the usual slips (trailing commas, curly
 * quotes, single-quoted strings). Values come back in the order they appear.
 */

export function findJsonValues(text: string): unknown[] {
  const found: unknown[] = [];
  const fenced = /```[a-zA-Z]*\s*\n?([\s\S]*?)```/g;
  for (const m of text.matchAll(fenced)) {
    const value = tolerantParse((m[1] ?? '').trim());
    if (value !== undefined) found.push(value);
  }
  if (found.length > 0) return found;
  for (const span of balancedSpans(text)) {
    const value = tolerantParse(span);
    if (value !== undefined) found.push(value);
  }
  return found;
}

/** The last JSON object in the text that has one of `keys`, or undefined. */
export function lastObjectWith(text: string, keys: readonly string[]): Record<string, unknown> | undefined {
  const objects = findJsonValues(text).filter(
    (v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v),
  );
  for (let i = objects.length - 1; i >= 0; i--) {
    const o = objects[i] as Record<string, unknown>;
    if (keys.some((k) => k in o)) return o;
  }
  return undefined;
}

export function tolerantParse(text: string): unknown {
  const attempts = [text, text.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'")];
  const last = attempts[1] as string;
  attempts.push(last.replace(/,\s*([}\]])/g, '$1'));
  if (!last.includes('"')) attempts.push(last.replace(/'/g, '"').replace(/,\s*([}\]])/g, '$1'));
  for (const attempt of attempts) {
    try {
      return JSON.parse(attempt);
    } catch {
      // try the next repair
    }
  }
  return undefined;
}

/** Top-level `{…}` and `[…]` spans, skipping brackets inside strings. */
function balancedSpans(text: string): string[] {
  const spans: string[] = [];
  let depth = 0;
  let start = -1;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' && depth > 0) quote = c;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if ((c === '}' || c === ']') && depth > 0) {
      depth--;
      if (depth === 0) spans.push(text.slice(start, i + 1));
    }
  }
  return spans;
}
