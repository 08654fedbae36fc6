/**
 * Maps a model's reply onto one legal action. Explicit answers win: a JSON object with
 * `action`, or a line such as `ACTION: call`. Only when there is none does the parser read
 * the reply itself (a bare `call`, or one legal action named alone in the last line or the text).
 * An explicit answer that is not legal is an error, not a guess: the model is told and asked again.
 */
import { lastObjectWith } from './json';

export type ParseErrorCode = 'agent/unparseable' | 'agent/illegal' | 'agent/ambiguous';

export interface ParseError {
  readonly code: ParseErrorCode;
  /** What to tell the model, in one or two sentences. */
  readonly message: string;
  readonly raw: string;
  readonly proposed?: string;
  /** What could be used anyway (the valid orders of a list with some bad ones). */
  readonly partial?: unknown;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ParseError };

/**
 * A game's own reading of a candidate answer (aliases, bet sizes in range): the legal action,
 * an error message, or null to fall back to matching the legal list.
 */
export type Resolver = (candidate: string, legal: readonly string[]) => { action: string } | { error: string } | null;

const ANSWER_KEYS = ['action', 'move', 'decision', 'answer'];
const MARKER = /^[\s>*_#-]*(?:final\s+)?(?:action|answer|decision|move)\s*[*_]*\s*[:=\u2013\u2014-]\s*(.+?)\s*$/gim;

/** Lowercase, no markdown or quotes, single spaces, no trailing punctuation; `raise to 300` → `raise 300`. */
export function normalizeAction(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`"'\u201c\u201d\u2018\u2019]/g, '')
    .replace(/\$/g, '')
    .replace(/\b(raise|bet)\s+(?:to|of)\s+/g, '$1 ')
    .replace(/(\d)\s*chips?\b/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/[\s.!,;:]+$/g, '')
    .trim();
}

function matchLegal(candidate: string, legal: readonly string[], resolve?: Resolver): { action: string } | { error: string } {
  const c = normalizeAction(candidate);
  const own = resolve?.(c, legal);
  if (own) return own;
  const hit = legal.find((a) => normalizeAction(a) === c);
  return hit
    ? { action: hit }
    : { error: `'${candidate.trim()}' is not a legal action here; the legal actions are: ${legal.join(', ')}` };
}

/** The explicit answer, if the reply gave one: the last JSON `action`, else the last `ACTION:` line. */
export function explicitAnswer(raw: string): string | undefined {
  const obj = lastObjectWith(raw, ANSWER_KEYS);
  if (obj) {
    for (const k of ANSWER_KEYS) {
      const v = obj[k];
      if (typeof v === 'string') return v;
      if (typeof v === 'number') return String(v);
    }
  }
  const markers = [...raw.matchAll(MARKER)];
  const last = markers[markers.length - 1]?.[1];
  return last === undefined ? undefined : last.replace(/[{}]/g, '').trim();
}

export function parseAction(raw: string, legal: readonly string[], resolve?: Resolver): Parsed<string> {
  const fail = (code: ParseErrorCode, message: string, proposed?: string): Parsed<string> => ({
    ok: false,
    error: proposed === undefined ? { code, message, raw } : { code, message, raw, proposed },
  });
  const explicit = explicitAnswer(raw);
  if (explicit !== undefined) {
    const m = matchLegal(explicit, legal, resolve);
    return 'action' in m ? { ok: true, value: m.action } : fail('agent/illegal', m.error, explicit);
  }
  const whole = raw.trim();
  if (whole === '') return fail('agent/unparseable', 'the reply was empty');
  if (whole.length <= 40 && !whole.includes('\n')) {
    const m = matchLegal(whole, legal, resolve);
    if ('action' in m) return { ok: true, value: m.action };
    // The game recognised the form (a raise) but not the amount: say so rather than guess.
    const own = resolve?.(normalizeAction(whole), legal);
    if (own && 'error' in own) return fail('agent/illegal', own.error, whole);
  }
  const lines = whole.split('\n').filter((l) => l.trim() !== '');
  for (const scope of [lines[lines.length - 1] ?? '', whole]) {
    const named = mentioned(scope, legal);
    if (named.length === 1) return { ok: true, value: named[0] as string };
    if (named.length > 1) {
      return fail('agent/ambiguous', `the reply names several actions (${named.join(', ')}); give exactly one`);
    }
  }
  return fail('agent/unparseable', 'no action could be found in the reply');
}

/** Legal actions named as whole words (longest first, so `raise 300` is not also read as `raise`). */
function mentioned(text: string, legal: readonly string[]): string[] {
  let t = ` ${normalizeAction(text).replace(/[^a-z0-9 /-]/g, ' ')} `;
  const found: string[] = [];
  for (const a of [...legal].sort((x, y) => y.length - x.length)) {
    const n = ` ${normalizeAction(a)} `;
    if (t.includes(n)) {
      found.push(a);
      t = t.split(n).join(' ');
    }
  }
  return found;
}
