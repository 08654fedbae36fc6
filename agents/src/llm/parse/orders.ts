/**
 * Reads a list of Diplomacy orders from a reply (`{"orders": [...]}`, or order lines in prose),
 * checks each with the engine's checker, and checks the list as a whole: one order per unit,
 * no unit twice, no unit left out. Every problem is named, order by order, in the error, and the
 * orders that were fine come back as `partial`, so a last failed attempt still plays them.
 */
import type { OrderCheck } from '../prompts/diplomacy-engine';
import type { Parsed, ParseError } from './action';
import { lastObjectWith } from './json';

export interface OrderSlots {
  /** Units that may be ordered (`A PAR`, `F STP/SC`), from the legal orders. */
  readonly units: readonly string[];
  /** How many of them to order: all of them, except when a winter asks for fewer disbands. */
  readonly count: number;
  /** Builds still to give (adjustment phase), else 0. */
  readonly builds: number;
  /** Whether `VOTE DRAW` is available. */
  readonly canVote: boolean;
}

const unitOf = (order: string): string => order.split(' ').slice(0, 2).join(' ');
const slotOf = (order: string): string => (order.split(' ')[1] ?? '').slice(0, 3);
const isBuild = (order: string): boolean => order === 'WAIVE' || / B$/.test(order);

/** What the legal list asks for: the units to order, or the number of builds. */
export function slotsFromLegal(legal: readonly string[], ordersToGive: number): OrderSlots {
  const units = [...new Set(legal.filter((a) => a !== 'VOTE DRAW' && !isBuild(a)).map(unitOf))];
  const hasBuilds = legal.some(isBuild);
  return {
    units,
    count: hasBuilds ? 0 : Math.min(units.length, ordersToGive),
    builds: hasBuilds ? ordersToGive : 0,
    canVote: legal.includes('VOTE DRAW'),
  };
}

const ORDER_LINE =
  /^\s*(?:[-*\u2022]|\d+[.)])?\s*[`"']?((?:[AF]\s+[A-Z]{3}\b|[Aa]rmy\s|[Ff]leet\s).*?|WAIVE|VOTE DRAW)[`"',]?\s*$/gm;

/** The order texts a reply gives: the last `orders` (or `actions`) list, else order-like lines. */
export function findOrderTexts(raw: string): string[] | undefined {
  const obj = lastObjectWith(raw, ['orders', 'actions']);
  const list = obj?.orders ?? obj?.actions;
  if (Array.isArray(list)) return list.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  const lines = [...raw.matchAll(ORDER_LINE)].map((m) => (m[1] ?? '').trim());
  return lines.length > 0 ? lines : undefined;
}

export function parseOrders(raw: string, slots: OrderSlots, check: (text: string) => OrderCheck): Parsed<string[]> {
  const texts = findOrderTexts(raw);
  if (!texts) {
    return { ok: false, error: { code: 'agent/unparseable', message: 'no orders could be found in the reply', raw } };
  }
  const problems: string[] = [];
  const accepted: string[] = [];
  const usedSlots = new Set<string>();
  const ordered = new Set<string>();
  let builds = 0;
  let voted = false;
  for (const text of texts) {
    const r = check(text);
    if (!r.ok) {
      problems.push(`"${text}": ${r.message} (${r.code})`);
      continue;
    }
    const order = r.text;
    if (order === 'VOTE DRAW') {
      if (!slots.canVote) problems.push(`"${text}": a draw vote is not possible now`);
      else if (!voted) accepted.push(order);
      voted = true;
      continue;
    }
    if (isBuild(order)) {
      if (builds >= slots.builds) problems.push(`"${text}": you have ${slots.builds} build(s) to give, and this one is extra`);
      else if (order !== 'WAIVE' && usedSlots.has(slotOf(order))) problems.push(`"${text}": that centre already has a build`);
      else {
        builds++;
        if (order !== 'WAIVE') usedSlots.add(slotOf(order));
        accepted.push(order);
      }
      continue;
    }
    const unit = slots.units.find((u) => slotOf(u) === slotOf(order));
    if (!unit) problems.push(`"${text}": no unit of yours waits for an order in ${slotOf(order).toUpperCase()}`);
    else if (ordered.has(unit)) problems.push(`"${text}": ${unit} already has an order in your list; give one order per unit`);
    else if (ordered.size >= slots.count)
      problems.push(`"${text}": only ${slots.count} order(s) are needed, and this one is extra`);
    else {
      ordered.add(unit);
      accepted.push(order);
    }
  }
  if (ordered.size < slots.count) {
    const missing = slots.units.filter((u) => !ordered.has(u));
    problems.push(
      slots.count === slots.units.length
        ? `no order for ${missing.join(', ')}`
        : `${slots.count} disband order(s) are needed, ${ordered.size} given (choose among ${missing.join(', ')})`,
    );
  }
  if (slots.builds > 0 && builds < slots.builds)
    problems.push(`${slots.builds - builds} build(s) not given (use WAIVE to give up a build)`);
  if (problems.length === 0) return { ok: true, value: accepted };
  const error: ParseError = { code: 'agent/illegal', message: problems.join('; '), raw, partial: accepted };
  return { ok: false, error };
}
