/**
 * Typed movement orders: the compact value the engine works on inside, with text only at the edges.
 *
 * A unit's movement order is a small integer key whose numeric order is the code-unit order of
 * its canonical text, so a unit's list sorts as integers. After the unit's label the texts run
 * `- DEST`, `C A FROM - TO`, `H`, `S TARGET[ - DEST]` ('-' < 'C' < 'H' < 'S'), so the key is the
 * kind, then two ranks: DEST and its VIA flag; FROM and TO; nothing; the target's label and 0 (a
 * hold) or 1 + DEST. A unit's label (`A PAR`, `F STP/SC`) is `fleet * NUM_LOCS + loc`.
 *
 * Texts are interned per (label, key): every phase reuses the same strings, and a text the engine
 * printed reads back to its (label, key) with one map lookup, no parsing.
 */
import * as mapTables from './map';
import type { Order, UnitSpec } from './types';

// Bound once at load: under some module loaders (vitest) imported bindings are getters, too slow for inner loops.
const { coastLoc, LOC_IDS, locIndex, NUM_LOCS, provinceAt } = mapTables;

export const K_MOVE = 0;
export const K_CONVOY = 1;
export const K_HOLD = 2;
export const K_SUPPORT = 3;
export const orderKey = (kind: number, a: number, b: number): number => (kind << 20) | (a << 10) | b;
export const keyKind = (k: number): number => k >> 20;
export const keyA = (k: number): number => (k >> 10) & 0x3ff;
export const keyB = (k: number): number => k & 0x3ff;

const LOC_TEXT = LOC_IDS.map((id) => id.toUpperCase());
/** Rank of each location's text among all location texts; and back, as text, id and location. */
export const locRank = new Int16Array(NUM_LOCS);
const locTextByRank: string[] = LOC_TEXT.slice().sort();
LOC_TEXT.forEach((t, l) => {
  locRank[l] = locTextByRank.indexOf(t);
});
export const LOC_BY_RANK = Int16Array.from(locTextByRank, (t) => LOC_TEXT.indexOf(t));
const LOC_ID_BY_RANK = locTextByRank.map((t) => t.toLowerCase());

/** A unit label's index, its rank among all label texts, and back. */
export const labelIndex = (fleet: number, loc: number): number => fleet * NUM_LOCS + loc;
export const LABEL_TEXT: readonly string[] = [...LOC_TEXT.map((t) => `A ${t}`), ...LOC_TEXT.map((t) => `F ${t}`)];
const labelTextByRank: string[] = LABEL_TEXT.slice().sort();
export const labelRank = Int16Array.from(LABEL_TEXT, (t) => labelTextByRank.indexOf(t));
export const LABEL_BY_RANK = Int16Array.from(labelTextByRank, (t) => LABEL_TEXT.indexOf(t));
/** The location a label stands on, and whether it is a fleet. */
export const labelLoc = (label: number): number => (label >= NUM_LOCS ? label - NUM_LOCS : label);
export const labelFleet = (label: number): number => (label >= NUM_LOCS ? 1 : 0);

const specOfLabel = (label: number): UnitSpec => ({ type: labelFleet(label) ? 'F' : 'A', loc: LOC_IDS[labelLoc(label)]! });

/**
 * Keys are below KEY_SPAN, so a key and a small number (a label, < 2^9, or a unit, < 2^7) pack into
 * one small integer: an order's id is `label * KEY_SPAN + key`, a unit's order `unit * KEY_SPAN + key`.
 * Both stay below 2^31, so they split with a shift and a mask (a division is several times slower,
 * and these are split for every order read).
 */
const KEY_BITS = 22;
export const KEY_SPAN = 1 << KEY_BITS;
const ID_STRIDE = KEY_SPAN;
/** The label or unit packed with a key, and the key. */
export const packedHigh = (packed: number): number => packed >> KEY_BITS;
export const packedKey = (packed: number): number => packed & (KEY_SPAN - 1);

// Interned texts, per label in an open-addressing table of its keys: a phase looks up a few
// thousand texts, a unit's together, and a Map keyed by number costs several times this probe.
interface LabelTexts {
  keys: Int32Array;
  texts: string[];
  count: number;
}
const byLabel: LabelTexts[] = LABEL_TEXT.map(() => ({ keys: new Int32Array(64).fill(-1), texts: new Array(64), count: 0 }));

function probe(t: LabelTexts, k: number): number {
  const mask = t.keys.length - 1;
  let h = (Math.imul(k, 0x9e3779b1) >>> 16) & mask;
  while (t.keys[h] !== -1 && t.keys[h] !== k) h = (h + 1) & mask;
  return h;
}

function intern(label: number, k: number, text: string): void {
  const t = byLabel[label]!;
  if (2 * (t.count + 1) > t.keys.length) {
    const { keys, texts } = t;
    t.keys = new Int32Array(keys.length * 2).fill(-1);
    t.texts = new Array(keys.length * 2);
    for (let h = 0; h < keys.length; h++) {
      if (keys[h] === -1) continue;
      const to = probe(t, keys[h]!);
      t.keys[to] = keys[h]!;
      t.texts[to] = texts[h]!;
    }
  }
  const h = probe(t, k);
  t.keys[h] = k;
  t.texts[h] = text;
  t.count++;
}

/** The canonical text of `label`'s order `k`, interned. */
export function orderText(label: number, k: number): string {
  const t = byLabel[label]!;
  const h = probe(t, k);
  if (t.keys[h] === k) return t.texts[h]!;
  const a = keyA(k);
  const b = keyB(k);
  const me = LABEL_TEXT[label]!;
  // Joined from parts, not written as a template literal: a join makes one flat string, where a
  // template makes a rope, and every character read of a rope (decodeOrderText, each time the
  // text is given as an order) goes through it. Not internalized: that cost more than it saved (86a997b).
  let parts: string[];
  switch (keyKind(k)) {
    case K_MOVE:
      parts = [me, ' - ', locTextByRank[a]!, b ? ' VIA' : ''];
      break;
    case K_CONVOY:
      parts = [me, ' C A ', locTextByRank[a]!, ' - ', locTextByRank[b]!];
      break;
    case K_HOLD:
      parts = [me, ' H'];
      break;
    default:
      parts = b ? [me, ' S ', labelTextByRank[a]!, ' - ', locTextByRank[b - 1]!] : [me, ' S ', labelTextByRank[a]!];
  }
  const text = parts.join('');
  intern(label, k, text);
  return text;
}

/**
 * The id of a text `orderText` printed (on any board, in any phase), or -1. The text is read
 * as the printer writes it (decodeOrderText), then looked up among the printed texts: no map of
 * strings, whose hashing and probing cost more than reading a dozen characters.
 */
export function orderIdOf(text: string): number {
  const id = decodeOrderText(text);
  if (id < 0) return -1;
  const t = byLabel[idLabel(id)]!;
  const h = probe(t, idKey(id));
  return t.keys[h] === idKey(id) && t.texts[h] === text ? id : -1;
}

// --- reading printed texts ----------------------------------------------------------------------
//
// The printer's grammar, read character by character: `L H`, `L - D[ VIA]`, `L S L2[ - D]`,
// `L C A P - D`, where a label L is `A ` or `F ` and a location, and a location is three capitals
// with an optional `/NC`, `/SC` or `/EC`. Only that exact form is read (one space, capitals, no
// trailing text), so a text reads to (label, key) only if `orderText(label, key)` would print it.

// A location or label read at some index comes back packed with where it ends: `value * 256 + end`
// (texts are far shorter than 256), so reading keeps no state between calls.

/** The location written at `i` and where it ends, packed; or -1. */
function readLoc(text: string, i: number): number {
  const p = provinceAt(text, i, 65);
  if (p < 0) return -1;
  if (text.charCodeAt(i + 3) !== 47 /* / */) return p * 256 + i + 3;
  const x = text.charCodeAt(i + 4);
  const coast = x === 78 /* N */ ? 0 : x === 83 /* S */ ? 1 : x === 69 /* E */ ? 2 : -1;
  if (coast < 0 || text.charCodeAt(i + 5) !== 67 /* C */) return -1;
  const loc = coastLoc(p, coast);
  return loc < 0 ? -1 : loc * 256 + i + 6;
}

/** The label written at `i` (`A PAR`, `F STP/SC`) and where it ends, packed; or -1. */
function readLabel(text: string, i: number): number {
  const t = text.charCodeAt(i);
  if ((t !== 65 && t !== 70) || text.charCodeAt(i + 1) !== 32) return -1;
  const at = readLoc(text, i + 2);
  return at < 0 ? -1 : labelIndex(t === 70 ? 1 : 0, at >> 8) * 256 + (at & 255);
}

/** ` - ` at `i`? */
const dash = (text: string, i: number): boolean =>
  text.charCodeAt(i) === 32 && text.charCodeAt(i + 1) === 45 && text.charCodeAt(i + 2) === 32;

/**
 * The id (`label * KEY_SPAN + key`) of a movement order written exactly as `orderText` prints
 * it, or -1 for any other text. Reads characters and builds nothing; it does not say whether the
 * order is legal anywhere, only which typed order the text spells.
 */
export function decodeOrderText(text: string): number {
  if (typeof text !== 'string') return -1;
  const me = readLabel(text, 0);
  if (me < 0) return -1;
  const label = me >> 8;
  const at = me & 255;
  const end = text.length;
  if (text.charCodeAt(at) !== 32) return -1;
  const verb = text.charCodeAt(at + 1);
  if (verb === 72 /* H */) return at + 2 === end ? label * ID_STRIDE + orderKey(K_HOLD, 0, 0) : -1;
  if (text.charCodeAt(at + 2) !== 32) return -1;
  let k = -1;
  if (verb === 45 /* - */) {
    const to = readLoc(text, at + 3);
    if (to < 0) return -1;
    const after = to & 255;
    if (after === end) k = orderKey(K_MOVE, locRank[to >> 8]!, 0);
    else if (after + 4 === end && text.endsWith(' VIA')) k = orderKey(K_MOVE, locRank[to >> 8]!, 1);
  } else if (verb === 83 /* S */) {
    const target = readLabel(text, at + 3);
    if (target < 0) return -1;
    const after = target & 255;
    const rank = labelRank[target >> 8]!;
    if (after === end) k = orderKey(K_SUPPORT, rank, 0);
    else if (dash(text, after)) {
      const to = readLoc(text, after + 3);
      if (to >= 0 && (to & 255) === end) k = orderKey(K_SUPPORT, rank, 1 + locRank[to >> 8]!);
    }
  } else if (verb === 67 /* C */) {
    if (text.charCodeAt(at + 3) !== 65 || text.charCodeAt(at + 4) !== 32) return -1;
    const from = readLoc(text, at + 5);
    if (from < 0 || !dash(text, from & 255)) return -1;
    const to = readLoc(text, (from & 255) + 3);
    if (to >= 0 && (to & 255) === end) k = orderKey(K_CONVOY, locRank[from >> 8]!, locRank[to >> 8]!);
  }
  return k < 0 ? -1 : label * ID_STRIDE + k;
}
export const idLabel = packedHigh;
export const idKey = packedKey;

/** The order a key stands for, in the shape the parser and orders-check.ts give it. */
export function orderOfKey(label: number, k: number): Order {
  const unit = specOfLabel(label);
  const a = keyA(k);
  const b = keyB(k);
  switch (keyKind(k)) {
    case K_MOVE:
      return { kind: 'move', unit, to: LOC_ID_BY_RANK[a]!, via: b === 1 };
    case K_CONVOY:
      return { kind: 'convoy', unit, target: { type: 'A', loc: LOC_ID_BY_RANK[a]! }, to: LOC_ID_BY_RANK[b]! };
    case K_HOLD:
      return { kind: 'hold', unit };
    default:
      return {
        kind: 'support',
        unit,
        target: specOfLabel(LABEL_BY_RANK[a]!),
        to: b ? LOC_ID_BY_RANK[b - 1]! : null,
      };
  }
}

const rankOfLoc = (loc: string): number => locRank[locIndex(loc)]!;
const labelRankOf = (spec: UnitSpec): number => labelRank[labelIndex(spec.type === 'F' ? 1 : 0, locIndex(spec.loc))]!;

/** The key of a completed movement order (orders-check.ts's canonical form); -1 for any other kind. */
export function keyOfOrder(order: Order): number {
  switch (order.kind) {
    case 'move':
      return orderKey(K_MOVE, rankOfLoc(order.to), order.via ? 1 : 0);
    case 'convoy':
      return orderKey(K_CONVOY, rankOfLoc(order.target.loc), rankOfLoc(order.to));
    case 'hold':
      return orderKey(K_HOLD, 0, 0);
    case 'support':
      return orderKey(K_SUPPORT, labelRankOf(order.target), order.to ? 1 + rankOfLoc(order.to) : 0);
    default:
      return -1;
  }
}
