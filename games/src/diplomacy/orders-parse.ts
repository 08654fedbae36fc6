/**
 * Orders as text: a tolerant parser and the canonical printer.
 *
 * People and language models write orders in many ways (`a par -> bur`, `Army Paris moves to
 * Burgundy`, `F spa(sc) S F mao - por`, `build fleet St Petersburg north coast`), so the parser
 * accepts any case and spacing, full names and common aliases, `-`/`->`/`to`, long or short
 * keywords and coasts as `spa/sc`, `spa(sc)` or `spa sc`. It knows nothing about the board: it
 * only turns text into an `Order`, or a typed error naming the word it could not read. The
 * printer writes the one canonical form (`A PAR - BUR`, `F NTH C A LON - NWY`), which is what
 * the engine stores, shows and compares.
 */
import { type ActionError, actionError } from '../core/game';
import * as mapTables from './map';
import type { Order, UnitSpec, UnitType } from './types';

// Bound once at load: under some module loaders (vitest) imported bindings are getters, too slow for inner loops.
const { coastsOf, LOC_IDS, PROVINCE_IDS, PROVINCE_NAMES, provinceBySpelling } = mapTables;

export type ParseResult = { ok: true; order: Order } | { ok: false; error: ActionError };

const WORDS = {
  hold: new Set(['h', 'hold', 'holds', 'stand', 'stands']),
  move: new Set(['-', 'to', 'm', 'move', 'moves', 'mv']),
  support: new Set(['s', 'sup', 'supp', 'support', 'supports']),
  convoy: new Set(['c', 'convoy', 'convoys', 'cvy']),
  retreat: new Set(['r', 'retreat', 'retreats']),
  disband: new Set(['d', 'disband', 'disbands', 'remove', 'removes']),
  build: new Set(['b', 'build', 'builds']),
};
const UNIT_TYPES: Record<string, UnitType> = { a: 'A', army: 'A', f: 'F', fleet: 'F' };
const COAST_WORDS: Record<string, string> = {
  nc: 'nc',
  n: 'nc',
  north: 'nc',
  sc: 'sc',
  s: 'sc',
  south: 'sc',
  ec: 'ec',
  e: 'ec',
  east: 'ec',
};
/** Longest province name, in words (`north atlantic ocean`). */
const MAX_NAME_WORDS = 4;
/** Words that end a province name: `A RUH R BEL` is Ruhr retreating, not a province called "ruh r". */
const KEYWORDS = new Set([...Object.values(WORDS).flatMap((set) => [...set]), ...Object.keys(UNIT_TYPES), 'via', 'by']);

/** Lowercases and splits into tokens; coasts end up glued to their province as `spa/sc`. */
function tokenize(text: string): string[] {
  const s = text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2192\u21d2]/g, ' - ')
    .replace(/mid-atlantic/g, 'midatlantic')
    .replace(/\bst\.\s*/g, 'st ')
    .replace(/[-=]+>/g, ' - ')
    .replace(/-/g, ' - ')
    .replace(/\(\s*([a-z ]+?)\s*\)/g, '/$1')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\/(north|south|east)\s+coast\b/g, '/$1')
    .replace(/\s+(north|south|east)\s+coast\b/g, '/$1')
    .replace(/[,;:.!?]+/g, ' ');
  return s.split(/\s+/).filter(Boolean);
}

class Reader {
  i = 0;
  constructor(readonly tokens: string[]) {}
  peek(): string | undefined {
    return this.tokens[this.i];
  }
  done(): boolean {
    return this.i >= this.tokens.length;
  }
  take(): string | undefined {
    return this.tokens[this.i++];
  }
  takeIf(set: Set<string>): boolean {
    const t = this.peek();
    if (t !== undefined && set.has(t)) {
      this.i++;
      return true;
    }
    return false;
  }
}

class ParseError extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
  }
}

const fail = (code: string, message: string, detail?: unknown): never => {
  throw new ParseError(actionError(code, message, detail));
};

/** Reads a province (one to four words, or an id) with an optional coast. */
function readLocation(r: Reader, what: string): string {
  const start = r.peek();
  if (start === undefined) return fail('order/syntax', `Expected ${what} but the order ended.`);
  for (let n = Math.min(MAX_NAME_WORDS, r.tokens.length - r.i); n >= 1; n--) {
    const words = r.tokens.slice(r.i, r.i + n);
    const last = words[n - 1] as string;
    const slash = last.indexOf('/');
    const coastText = slash >= 0 ? last.slice(slash + 1) : '';
    words[n - 1] = slash >= 0 ? last.slice(0, slash) : last;
    if (words.some((w) => w === '' || (n > 1 && KEYWORDS.has(w)))) continue;
    const p = provinceBySpelling.get(words.join('').replace(/[^a-z]/g, ''));
    if (p === undefined) continue;
    r.i += n;
    let coast = coastText;
    if (!coast && COAST_WORDS[r.peek() ?? ''] && (r.peek() as string).length === 2) coast = r.take() as string;
    return withCoast(p, coast);
  }
  return fail('order/unknown-province', `'${start}' is not a province. Use a three-letter id like PAR or a name like Paris.`, {
    token: start,
  });
}

function withCoast(p: number, coastText: string): string {
  const id = PROVINCE_IDS[p] as string;
  if (!coastText) return id;
  const coast = COAST_WORDS[coastText.replace(/coast$/, '').trim()];
  const coasts = coastsOf[p]!.map((l) => (LOC_IDS[l] as string).slice(4));
  if (!coast || !coasts.includes(coast)) {
    const has = coasts.length
      ? `its coasts are ${coasts.map((c) => `${id}/${c}`.toUpperCase()).join(' and ')}`
      : 'it has no coasts';
    return fail('order/no-such-coast', `${PROVINCE_NAMES[p]} has no coast '${coastText}': ${has}.`, {
      province: id,
      coast: coastText,
    });
  }
  return `${id}/${coast}`;
}

function readUnit(r: Reader, what: string): UnitSpec {
  const t = r.peek();
  const type = t !== undefined ? UNIT_TYPES[t] : undefined;
  if (type) r.take();
  return { type: type ?? null, loc: readLocation(r, what) };
}

function readVia(r: Reader): boolean {
  const t = r.peek();
  if (t === 'via' || t === 'by') {
    r.take();
    r.takeIf(new Set(['convoy', 'c']));
    return true;
  }
  return false;
}

function expectEnd(r: Reader): void {
  if (!r.done()) fail('order/syntax', `Unexpected '${r.peek()}' after a complete order.`, { token: r.peek() });
}

function readOrder(r: Reader): Order {
  const first = r.peek();
  const joined = r.tokens.join(' ');
  if (joined === 'waive' || joined === 'waives' || joined === 'build waive') return { kind: 'waive' };
  if (/^(vote( for)?( a)? draw|draw|propose draw)$/.test(joined)) return { kind: 'vote-draw' };
  // Verb-first forms: `build A PAR`, `disband F LYO`, `retreat F TRI - ALB`.
  const second = r.tokens[1];
  const verbFirst =
    first !== undefined &&
    (WORDS.build.has(first) || WORDS.disband.has(first) || WORDS.retreat.has(first)) &&
    (first.length > 1 || (second !== undefined && UNIT_TYPES[second] !== undefined));
  if (verbFirst) {
    r.take();
    const unit = readUnit(r, 'a unit');
    let order: Order = { kind: 'disband', unit };
    if (WORDS.build.has(first)) order = { kind: 'build', unit };
    else if (WORDS.retreat.has(first)) {
      r.takeIf(WORDS.move);
      order = { kind: 'retreat', unit, to: readLocation(r, 'a retreat destination') };
    }
    expectEnd(r);
    return order;
  }
  const unit = readUnit(r, 'a unit');
  const verb = r.take();
  if (verb === undefined) return fail('order/syntax', `Missing the order for ${unit.loc.toUpperCase()}: H, -, S, C, R, D or B.`);
  let order: Order;
  if (WORDS.hold.has(verb)) order = { kind: 'hold', unit };
  else if (WORDS.move.has(verb)) {
    if (verb !== '-') r.takeIf(new Set(['to']));
    const to = readLocation(r, 'a destination');
    order = { kind: 'move', unit, to, via: readVia(r) };
  } else if (WORDS.retreat.has(verb)) {
    r.takeIf(WORDS.move);
    order = { kind: 'retreat', unit, to: readLocation(r, 'a retreat destination') };
  } else if (WORDS.support.has(verb)) {
    const target = readUnit(r, 'the supported unit');
    let to: string | null = null;
    if (r.takeIf(WORDS.move)) {
      r.takeIf(new Set(['to']));
      to = readLocation(r, "the supported unit's destination");
    } else r.takeIf(WORDS.hold);
    order = { kind: 'support', unit, target, to };
  } else if (WORDS.convoy.has(verb)) {
    const target = readUnit(r, 'the convoyed army');
    if (!r.takeIf(WORDS.move)) fail('order/syntax', "A convoy needs the army's move, like F NTH C A LON - NWY.");
    r.takeIf(new Set(['to']));
    order = { kind: 'convoy', unit, target, to: readLocation(r, "the convoyed army's destination") };
  } else if (WORDS.disband.has(verb)) order = { kind: 'disband', unit };
  else if (WORDS.build.has(verb)) order = { kind: 'build', unit };
  else
    return fail('order/syntax', `Unknown order word '${verb}'. Use H (hold), - (move), S (support), C (convoy), R, D or B.`, {
      token: verb,
    });
  expectEnd(r);
  return order;
}

// The same order texts come back again and again (every phase re-reads the canonical orders it
// accepted), so results are memoised; they are never mutated. Bounded so a flood of junk cannot grow it.
const memo = new Map<string, ParseResult>();
const MEMO_LIMIT = 100_000;

/** Parses one order in any common notation. Never throws. */
export function parseOrder(text: string): ParseResult {
  if (typeof text !== 'string') return { ok: false, error: actionError('order/syntax', 'An order must be text.') };
  let result = memo.get(text);
  if (result === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    result = parseUncached(text);
    memo.set(text, result);
  }
  return result;
}

function parseUncached(text: string): ParseResult {
  const tokens = tokenize(text);
  if (tokens.length === 0) return { ok: false, error: actionError('order/empty', 'The order is empty.') };
  try {
    return { ok: true, order: readOrder(new Reader(tokens)) };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.error };
    throw e;
  }
}

const unitText = (u: UnitSpec): string => (u.type ? `${u.type} ${u.loc.toUpperCase()}` : u.loc.toUpperCase());

/** The canonical text of an order: `A PAR - BUR`, `F NTH C A LON - NWY`, `A MAR S A PAR`, `WAIVE`. */
export function formatOrder(order: Order): string {
  switch (order.kind) {
    case 'hold':
      return `${unitText(order.unit)} H`;
    case 'move':
      return `${unitText(order.unit)} - ${order.to.toUpperCase()}${order.via ? ' VIA' : ''}`;
    case 'support':
      return `${unitText(order.unit)} S ${unitText(order.target)}${order.to ? ` - ${order.to.toUpperCase()}` : ''}`;
    case 'convoy':
      return `${unitText(order.unit)} C ${unitText({ type: order.target.type ?? 'A', loc: order.target.loc })} - ${order.to.toUpperCase()}`;
    case 'retreat':
      return `${unitText(order.unit)} R ${order.to.toUpperCase()}`;
    case 'disband':
      return `${unitText(order.unit)} D`;
    case 'build':
      return `${unitText(order.unit)} B`;
    case 'waive':
      return 'WAIVE';
    case 'vote-draw':
      return 'VOTE DRAW';
  }
}
