/**
 * Orders between DAIDE and Parley: a submitted DAIDE order becomes Parley's order text (which the
 * engine checks, so no rule is written twice here), the engine's refusal becomes the THX note a
 * bot expects, and an adjudicated order comes back as the `( order ) ( result )` of an ORD.
 */
import { Diplomacy } from '@parley/games';
import type { Item } from './codec';
import { locationId, locationItem, powerOf, powerToken, unitItem } from './map';
import { tk, tokenName } from './tokens';

type Position = Pick<Diplomacy.Turn, 'phase' | 'units' | 'dislodged'>;

export interface DaideUnit {
  power: Diplomacy.Power;
  type: Diplomacy.UnitType;
  loc: string;
}

/** `( AUS FLT ( STP SCS ) )` → the unit, or null. */
export function unitOf(item: Item | undefined): DaideUnit | null {
  if (!Array.isArray(item) || item.length !== 3) return null;
  const power = powerOf(item[0]);
  const type = item[1] === tk('AMY') ? 'A' : item[1] === tk('FLT') ? 'F' : null;
  const loc = locationId(item[2]);
  return power && type && loc ? { power, type, loc } : null;
}

const unitText = (u: DaideUnit) => `${u.type} ${u.loc.toUpperCase()}`;
const word = (item: Item | undefined) => (typeof item === 'number' ? tokenName(item) : null);

export type Translation =
  /** `route`: the sea provinces a CTO … VIA names, in order (checked against the board by `routeNote`). */
  | { ok: true; text: string; unit: DaideUnit | null; power: Diplomacy.Power; route?: string[] }
  | { ok: false; note: 'NSP' | 'NSU' | 'FAR' | 'NRS' };

/** One DAIDE order (the items of one bracket of a SUB) → Parley order text. */
export function translateOrder(order: Item[]): Translation {
  if (order.length === 2 && word(order[1]) === 'WVE') {
    const power = powerOf(order[0]);
    return power ? { ok: true, text: 'WAIVE', unit: null, power } : { ok: false, note: 'NSU' };
  }
  const unit = unitOf(order[0]);
  if (!unit) return { ok: false, note: Array.isArray(order[0]) && order[0].length === 3 ? 'NSP' : 'NSU' };
  const u = unitText(unit);
  const done = (text: string): Translation => ({ ok: true, text, unit, power: unit.power });
  const to = (item: Item | undefined) => locationId(item)?.toUpperCase() ?? null;
  switch (word(order[1])) {
    case 'HLD':
      return done(`${u} H`);
    case 'MTO':
      return to(order[2]) ? done(`${u} - ${to(order[2])}`) : { ok: false, note: 'NSP' };
    case 'CTO': {
      // `CTO prov VIA ( sea sea … )`. The route is checked when the order is given (routeNote);
      // the adjudicator then convoys by any route of matching convoy orders (DATC 4.A.1).
      const route = viaRoute(order.slice(3));
      if (!to(order[2]) || !route) return { ok: false, note: 'NSP' };
      return { ok: true, text: `${u} - ${to(order[2])} VIA`, unit, power: unit.power, route };
    }
    case 'SUP': {
      const target = unitOf(order[2]);
      if (!target) return { ok: false, note: 'NSU' };
      if (order.length === 3) return done(`${u} S ${unitText(target)}`);
      if (word(order[3]) !== 'MTO' || !to(order[4])) return { ok: false, note: 'NSP' };
      return done(`${u} S ${unitText(target)} - ${to(order[4])!.slice(0, 3)}`);
    }
    case 'CVY': {
      const army = unitOf(order[2]);
      if (!army || word(order[3]) !== 'CTO' || !to(order[4])) return { ok: false, note: 'NSU' };
      return done(`${u} C ${unitText(army)} - ${to(order[4])}`);
    }
    case 'RTO':
      return to(order[2]) ? done(`${u} R ${to(order[2])}`) : { ok: false, note: 'NSP' };
    case 'DSB':
    case 'REM':
      return done(`${u} D`);
    case 'BLD':
      return done(`${u} B`);
    default:
      return { ok: false, note: 'NRS' };
  }
}

/** `VIA ( sea … )` after a CTO → the provinces, `[]` when no route is named, null when malformed. */
function viaRoute(items: Item[]): string[] | null {
  if (items.length === 0) return [];
  const [via, list] = items;
  if (items.length !== 2 || word(via) !== 'VIA' || !Array.isArray(list) || list.length === 0) return null;
  const route = list.map((item) => (typeof item === 'number' ? locationId(item) : null));
  return route.every((p): p is string => p !== null) ? route : null;
}

const SEAS = new Set(Diplomacy.STANDARD_MAP.provinces.filter((p) => p.kind === 'sea').map((p) => p.id));
const fleetTouches = (sea: string, province: string) =>
  (Diplomacy.STANDARD_MAP.fleetAdjacency[sea] ?? []).some((l) => l.slice(0, 3) === province.slice(0, 3));

/**
 * The THX note for a convoy route that cannot be sailed on this board, or null: every province
 * named must be a sea (NAS) holding a fleet (NSF), each next to the one before, the first next to
 * the army and the last next to its destination (FAR).
 */
export function routeNote(
  route: readonly string[],
  from: string,
  to: string,
  units: readonly Diplomacy.Unit[],
): 'NAS' | 'NSF' | 'FAR' | null {
  for (const sea of route) {
    if (!SEAS.has(sea)) return 'NAS';
    if (!units.some((u) => u.type === 'F' && u.province === sea)) return 'NSF';
  }
  const stops = [from, ...route, to];
  for (let i = 1; i < stops.length - 1; i++) {
    if (!fleetTouches(stops[i]!, stops[i - 1]!) || !fleetTouches(stops[i]!, stops[i + 1]!)) return 'FAR';
  }
  return null;
}

/**
 * A route for an ORD's `CTO … VIA ( … )`: the shortest chain of the seas whose fleets were
 * ordered to convoy this army there (Parley keeps convoy orders, not the route a bot named).
 */
export function convoyRoute(from: string, to: string, seas: readonly string[]): string[] {
  const previous = new Map<string, string | null>();
  const queue = seas.filter((s) => fleetTouches(s, from));
  for (const s of queue) previous.set(s, null);
  for (let i = 0; i < queue.length; i++) {
    const here = queue[i]!;
    if (fleetTouches(here, to)) {
      const path = [here];
      for (let p = previous.get(here); p; p = previous.get(p)) path.unshift(p);
      return path;
    }
    for (const s of seas)
      if (!previous.has(s) && fleetTouches(here, s)) {
        previous.set(s, here);
        queue.push(s);
      }
  }
  return [];
}

/** The THX note for an order the engine refused (its typed error code). */
export function noteFor(code: string, phase: Diplomacy.PhaseType, onBoard: boolean): string {
  switch (code) {
    case 'order/wrong-phase':
      return 'NRS';
    case 'order/no-unit':
      return phase === 'retreat' && onBoard ? 'NRN' : 'NSU';
    case 'order/wrong-unit-type':
      return 'NSU';
    case 'order/not-your-unit':
      return 'NYU';
    case 'order/army-to-sea':
    case 'order/fleet-to-land':
    case 'order/coast-required':
    case 'order/unit-type-required':
      return 'CST';
    case 'order/cannot-convoy':
      return 'NAS';
    case 'order/bad-retreat':
      return 'NVR';
    case 'order/no-builds':
      return 'NMB';
    case 'order/no-disbands':
      return 'NMR';
    case 'order/not-home-centre':
      return 'HSC';
    case 'order/not-owned':
      return 'YSC';
    case 'order/occupied':
      return 'ESC';
    default:
      return 'FAR';
  }
}

/** Parley order text (adjudicated) → DAIDE order items, with powers looked up on the board it was given on. */
export function orderItems(
  power: Diplomacy.Power,
  text: string,
  position: Position,
  route: readonly string[] = [],
): Item[] | null {
  if (text === 'WAIVE') return [powerToken(power), tk('WVE')];
  const parsed = Diplomacy.parseOrder(text);
  if (!parsed.ok || !('unit' in parsed.order)) return null;
  const o = parsed.order;
  const unitAt = (loc: string, type: Diplomacy.UnitType | null) => {
    const all = [...position.units, ...position.dislodged];
    const found = all.find((x) => x.province.slice(0, 3) === loc.slice(0, 3));
    return unitItem(found ?? { power, type: type ?? 'A', province: loc });
  };
  const own =
    position.phase.type === 'retreat'
      ? unitItem(
          position.dislodged.find((d) => d.province.slice(0, 3) === o.unit.loc.slice(0, 3)) ?? {
            power,
            type: o.unit.type ?? 'A',
            province: o.unit.loc,
          },
        )
      : o.kind === 'build'
        ? unitItem({ power, type: o.unit.type ?? 'A', province: o.unit.loc })
        : unitAt(o.unit.loc, o.unit.type);
  switch (o.kind) {
    case 'hold':
      return [own, tk('HLD')];
    case 'move':
      return o.via
        ? [own, tk('CTO'), locationItem(o.to), tk('VIA'), route.map(locationItem)]
        : [own, tk('MTO'), locationItem(o.to)];
    case 'support':
      return o.to
        ? [own, tk('SUP'), unitAt(o.target.loc, o.target.type), tk('MTO'), locationItem(o.to.slice(0, 3))]
        : [own, tk('SUP'), unitAt(o.target.loc, o.target.type)];
    case 'convoy':
      return [own, tk('CVY'), unitAt(o.target.loc, 'A'), tk('CTO'), locationItem(o.to)];
    case 'retreat':
      return [own, tk('RTO'), locationItem(o.to)];
    case 'disband':
      return [own, tk(position.phase.type === 'adjustment' ? 'REM' : 'DSB')];
    case 'build':
      return [own, tk('BLD')];
    default:
      return null;
  }
}

/** The result tokens of an adjudicated order: `SUC`, `BNC`, `CUT`, `DSR`, `NSO`, `FLD`, with `RET` if dislodged. */
export function resultItems(r: Pick<Diplomacy.OrderResult, 'result' | 'reason' | 'text'>, phase: Diplomacy.PhaseType): Item[] {
  const dislodged = phase === 'movement' && r.reason.includes('dislodged');
  const base = (): string | null => {
    if (r.result === 'succeeds') return 'SUC';
    if (r.result === 'void') return / [SC] /.test(r.text) ? 'NSO' : 'FLD';
    if (r.reason.startsWith('bounced')) return 'BNC';
    if (r.reason === 'cut') return 'CUT';
    if (/convoy|route|paradox/.test(r.reason)) return 'DSR';
    if (r.reason === 'dislodged') return / S /.test(r.text) ? 'CUT' : / C /.test(r.text) ? 'DSR' : null;
    return 'FLD';
  };
  const b = base();
  return [...(b ? [tk(b)] : []), ...(dislodged ? [tk('RET')] : [])];
}
