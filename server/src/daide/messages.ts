/**
 * The server's messages about the game, built from a seat's observation: SCO, NOW (with retreat
 * options in a retreat phase), the ORDs of the phase just played, HLO, MIS and SMR.
 */
import { Diplomacy } from '@parley/games';
import type { Item } from './codec';
import { locationItem, POWERS, powerToken, provinceToken, turnItem, unitItem } from './map';
import { convoyRoute, orderItems, resultItems } from './orders';
import { integerToken, textTokens, tk } from './tokens';

/** What the Diplomacy engine shows a seat (`observation`), as far as DAIDE needs it. */
export interface DiplomacyView {
  power?: Diplomacy.Power;
  phase: Diplomacy.Phase;
  units: Diplomacy.Unit[];
  dislodged: Diplomacy.DislodgedUnit[];
  centres: Record<string, string[]>;
  adjustments: Record<string, number> | null;
  ordersDue: Record<string, number>;
  lastPhase: { phase: Diplomacy.Phase; orders: Diplomacy.OrderResult[]; drawVotes: string[] } | null;
  outcome: Diplomacy.DiplomacyOutcome | null;
  ordersToGive?: number;
}

const ALL_CENTRES = Diplomacy.STANDARD_MAP.provinces.filter((p) => p.supplyCentre).map((p) => p.id);

export function sco(view: DiplomacyView): Item[] {
  const owned = new Set(Object.values(view.centres).flat());
  const groups: Item[] = POWERS.filter((p) => (view.centres[p] ?? []).length > 0).map((p) => [
    powerToken(p),
    ...(view.centres[p] ?? []).map(provinceToken),
  ]);
  const unowned = ALL_CENTRES.filter((c) => !owned.has(c));
  if (unowned.length > 0) groups.push([tk('UNO'), ...unowned.map(provinceToken)]);
  return [tk('SCO'), ...groups];
}

export function now(view: DiplomacyView): Item[] {
  const units: Item[] = view.units.map(unitItem);
  for (const d of view.dislodged) units.push([...unitItem(d), tk('MRT'), d.retreats.map(locationItem)]);
  return [tk('NOW'), turnItem(view.phase), ...units];
}

/**
 * One ORD per order of the phase just played, on the board it was played on (`before`). The
 * disbands the rules made for dislodged units with nowhere to go are not orders and are left out
 * (the movement ORD already says RET); unordered retreats and civil-disorder removals are
 * reported as the DSB or REM they became.
 */
export function ords(last: NonNullable<DiplomacyView['lastPhase']>, before: DiplomacyView | null): Item[][] {
  const position = {
    phase: last.phase,
    units: before?.units ?? [],
    dislodged: before?.dislodged ?? [],
  };
  const out: Item[][] = [];
  for (const r of last.orders) {
    if (r.reason === 'dislodged with no retreat' || r.reason === 'draw agreed') continue;
    const order = orderItems(r.power, r.text, position, viaRouteOf(r.text, last.orders));
    if (!order) continue;
    out.push([tk('ORD'), turnItem(last.phase), order, resultItems(r, last.phase.type)]);
  }
  return out;
}

/** For a convoyed move (`A LON - NWY VIA`), the route its convoying fleets made. */
function viaRouteOf(text: string, orders: readonly Diplomacy.OrderResult[]): string[] {
  const m = /^A (\S+) - (\S+) VIA$/.exec(text);
  if (!m) return [];
  const convoy = new RegExp(`^F (\\S+) C A ${m[1]} - ${m[2]}$`);
  const seas = orders.flatMap((o) => convoy.exec(o.text)?.[1]?.toLowerCase() ?? []);
  return convoyRoute(m[1]!.toLowerCase(), m[2]!.toLowerCase(), seas);
}

export function hlo(power: Diplomacy.Power, passcode: number, variant: Item[]): Item[] {
  return [tk('HLO'), [powerToken(power)], [integerToken(passcode)], variant];
}

/** MIS: the units still without orders, or `( n )` in adjustments (n > 0 removals owed, n < 0 builds left); bare when complete. */
export function mis(view: DiplomacyView, power: Diplomacy.Power, ordered: Set<string>, count: number): Item[] {
  if (view.phase.type === 'adjustment') {
    const due = view.adjustments?.[power] ?? 0;
    const left = due > 0 ? -(due - count) : -due - count;
    return left === 0 ? [tk('MIS')] : [tk('MIS'), [integerToken(left)]];
  }
  const items: Item[] = [];
  if (view.phase.type === 'movement') {
    for (const u of view.units) if (u.power === power && !ordered.has(u.province.slice(0, 3))) items.push(unitItem(u));
  } else {
    for (const d of view.dislodged)
      if (d.power === power && !ordered.has(d.province.slice(0, 3)))
        items.push([...unitItem(d), tk('MRT'), d.retreats.map(locationItem)]);
  }
  return [tk('MIS'), ...items];
}

export interface SummaryEntry {
  name: string;
  version: string;
  eliminatedIn: number | null;
}

export function smr(view: DiplomacyView, entries: SummaryEntry[]): Item[] {
  return [
    tk('SMR'),
    turnItem(view.phase),
    ...POWERS.map((p, i) => {
      const e = entries[i]!;
      const centres = (view.centres[p] ?? []).length;
      return [
        powerToken(p),
        textTokens(e.name || p),
        textTokens(e.version || '-'),
        integerToken(centres),
        ...(e.eliminatedIn !== null ? [integerToken(e.eliminatedIn)] : []),
      ];
    }),
  ];
}
