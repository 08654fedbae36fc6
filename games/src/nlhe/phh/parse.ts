/**
 * Reading PHH (the open Poker Hand History standard, https://phh.readthedocs.io): one hand is a
 * TOML document (`.phh`); a `.phhs` file holds many as tables `[1]`, `[2]`, ….
 *
 * A `.phhs` file is split at its table headers and each hand parsed on its own, so one broken
 * hand yields an error for that hand while the others still load. Only No-Limit Texas Hold'em
 * (`variant = 'NT'`) with whole-chip amounts is accepted; other fields are kept as they are.
 */
import { parse } from 'smol-toml';

/** A hand's PHH fields (snake_case as in the standard); unknown fields survive in `extra`. */
export interface PhhHand {
  readonly variant: 'NT';
  readonly antes: number[];
  readonly blinds_or_straddles: number[];
  readonly min_bet: number;
  readonly starting_stacks: number[];
  readonly actions: string[];
  readonly ante_trimming_status?: boolean;
  readonly finishing_stacks?: number[];
  readonly players?: string[];
  readonly hand?: number;
  /** Any other field of the document (seats, event, _custom fields, …). */
  readonly extra: Record<string, unknown>;
}

export type PhhEntry = { readonly name: string; readonly hand: PhhHand } | { readonly name: string; readonly error: string };

const KNOWN = new Set([
  'variant',
  'antes',
  'blinds_or_straddles',
  'min_bet',
  'starting_stacks',
  'actions',
  'ante_trimming_status',
  'finishing_stacks',
  'players',
  'hand',
]);

const wholeArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => Number.isSafeInteger(x) && x >= 0);

/** Checks one parsed TOML table as a hand; returns the hand or why it is not one. */
export function toPhhHand(table: Record<string, unknown>): PhhHand | string {
  const {
    variant,
    antes,
    blinds_or_straddles,
    min_bet,
    starting_stacks,
    actions,
    ante_trimming_status,
    finishing_stacks,
    players,
    hand,
  } = table;
  if (variant !== 'NT') return `variant ${JSON.stringify(variant)} is not supported (only 'NT', no-limit Texas hold'em)`;
  if (!wholeArray(starting_stacks)) return 'starting_stacks must be an array of whole chip counts';
  const n = starting_stacks.length;
  const perPlayer = (name: string, v: unknown, fallback?: number[]): number[] | string => {
    if (v === undefined && fallback) return fallback;
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return new Array<number>(n).fill(v);
    if (!wholeArray(v)) return `${name} must be an array of whole chip counts`;
    if (v.length !== n) return `${name} has ${v.length} entries for ${n} players`;
    return v;
  };
  const a = perPlayer('antes', antes, new Array<number>(n).fill(0));
  if (typeof a === 'string') return a;
  const b = perPlayer('blinds_or_straddles', blinds_or_straddles);
  if (typeof b === 'string') return b;
  if (!(typeof min_bet === 'number' && Number.isSafeInteger(min_bet) && min_bet > 0))
    return 'min_bet must be a positive whole number';
  if (!Array.isArray(actions) || !actions.every((x) => typeof x === 'string')) return 'actions must be an array of strings';
  if (ante_trimming_status !== undefined && typeof ante_trimming_status !== 'boolean')
    return 'ante_trimming_status must be true or false';
  if (
    finishing_stacks !== undefined &&
    !(Array.isArray(finishing_stacks) && finishing_stacks.every((x) => typeof x === 'number'))
  ) {
    return 'finishing_stacks must be an array of numbers';
  }
  const extra = Object.fromEntries(Object.entries(table).filter(([k]) => !KNOWN.has(k)));
  return {
    variant: 'NT',
    antes: a,
    blinds_or_straddles: b,
    min_bet,
    starting_stacks,
    actions: actions as string[],
    ...(ante_trimming_status === undefined ? {} : { ante_trimming_status }),
    ...(finishing_stacks === undefined ? {} : { finishing_stacks: finishing_stacks as number[] }),
    ...(Array.isArray(players) ? { players: players.map(String) } : {}),
    ...(typeof hand === 'number' ? { hand } : {}),
    extra,
  };
}

const HEADER = /^\s*\[\s*([A-Za-z0-9_.'"-]+)\s*\]\s*(#.*)?$/;

/**
 * Splits a PHH or PHHS text into hands, in file order. A text with no table header is one hand
 * (named '1'). Throws if the text holds no hand at all or no part of it is valid TOML.
 */
export function parsePhhText(text: string): PhhEntry[] {
  const lines = text.split(/\r?\n/);
  const chunks: { name: string; body: string[] }[] = [];
  let current: { name: string; body: string[] } = { name: '', body: [] };
  for (const line of lines) {
    const header = HEADER.exec(line);
    if (header) {
      chunks.push(current);
      current = { name: header[1]!.replace(/^["']|["']$/g, ''), body: [] };
    } else {
      current.body.push(line);
    }
  }
  chunks.push(current);
  const meaningful = (body: string[]) => body.some((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const [preamble, ...tables] = chunks;
  const docs = tables.length === 0 ? [{ name: '1', body: preamble!.body }] : tables;
  if (tables.length > 0 && meaningful(preamble!.body)) {
    throw new Error('text before the first [table] header: not a PHH or PHHS file');
  }
  if (docs.length === 0 || (tables.length === 0 && !meaningful(docs[0]!.body))) throw new Error('no hand found');
  let parsed = 0;
  const entries = docs.map(({ name, body }): PhhEntry => {
    let table: Record<string, unknown>;
    try {
      table = parse(body.join('\n')) as Record<string, unknown>;
    } catch (error) {
      return { name, error: `TOML syntax: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
    }
    parsed++;
    const hand = toPhhHand(table);
    return typeof hand === 'string' ? { name, error: hand } : { name, hand };
  });
  // Not one hand is even TOML: the file as a whole is unreadable, not a file of bad hands.
  if (parsed === 0) throw new Error((entries[0] as { error: string }).error);
  return entries;
}
