/**
 * Writing PHH: a hand played by the engine (or replayed from a file) back to the open format,
 * so that PokerKit and other PHH tools can read Parley's hands.
 *
 * The engine's log names check and call apart and deals one card per entry; PHH folds check and
 * call into `cc`, lists a player's hole cards in one entry and the flop as one entry.
 */
import type { HandConfig } from '../engine';
import type { PhhHand } from './parse';

/** The engine log (`p2 call`, `d dh p1 As`, …) in PHH action notation. */
export function phhActions(log: readonly string[]): string[] {
  const out: string[] = [];
  let boardCards = 0;
  for (const entry of log) {
    const words = entry.split(' ');
    const last = out[out.length - 1];
    if (words[0] === 'd' && words[1] === 'dh') {
      const prefix = `d dh ${words[2]} `;
      if (last?.startsWith(prefix) && last.length === prefix.length + 2) out[out.length - 1] = last + words[3];
      else out.push(entry);
      continue;
    }
    if (words[0] === 'd' && words[1] === 'db') {
      boardCards++;
      if (boardCards >= 2 && boardCards <= 3 && last?.startsWith('d db ')) out[out.length - 1] = last + words[2];
      else out.push(entry);
      continue;
    }
    const [player, verb, arg] = words as [string, string, string | undefined];
    const phh = { fold: 'f', check: 'cc', call: 'cc', raise: `cbr ${arg}`, show: `sm ${arg}`, muck: 'sm' }[verb];
    if (phh === undefined) throw new Error(`phh: unknown log entry '${entry}'`);
    out.push(`${player} ${phh}`);
  }
  return out;
}

/** A PHH hand from an engine configuration and log. */
export function toPhhHand(
  config: HandConfig,
  log: readonly string[],
  finishing: readonly number[] | null,
  extra: Record<string, unknown> = {},
): PhhHand {
  return {
    variant: 'NT',
    ante_trimming_status: config.anteTrimming ?? false,
    antes: [...config.antes],
    blinds_or_straddles: [...config.blindsOrStraddles],
    min_bet: config.minBet,
    starting_stacks: [...config.startingStacks],
    actions: phhActions(log),
    ...(finishing ? { finishing_stacks: [...finishing] } : {}),
    extra,
  };
}

const FIELD_ORDER = [
  'variant',
  'ante_trimming_status',
  'antes',
  'blinds_or_straddles',
  'min_bet',
  'starting_stacks',
  'actions',
  'hand',
  'players',
  'finishing_stacks',
];

function tomlValue(value: unknown): string {
  if (typeof value === 'string') return /^[^'\n\r]*$/.test(value) ? `'${value}'` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(tomlValue).join(', ')}]`;
  throw new Error(`phh: cannot write ${JSON.stringify(value)} as a TOML value`);
}

/** One hand as a PHH (TOML) document. */
export function writePhh(hand: PhhHand): string {
  const { extra, ...fields } = hand;
  const all: Record<string, unknown> = { ...fields, ...extra };
  const keys = [...FIELD_ORDER.filter((k) => k in all), ...Object.keys(all).filter((k) => !FIELD_ORDER.includes(k))];
  return keys
    .filter((k) => all[k] !== undefined)
    .map((k) => `${/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k)} = ${tomlValue(all[k])}\n`)
    .join('');
}

/** Many hands as a PHHS document: tables `[1]`, `[2]`, … in order. */
export function writePhhs(hands: readonly PhhHand[]): string {
  return hands.map((hand, i) => `[${i + 1}]\n${writePhh(hand)}`).join('\n');
}
