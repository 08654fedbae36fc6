/**
 * `heuristic`: a greedy, one-phase-deep Diplomacy bot. It is a baseline to measure agents
 * against, not a strong player: it reads only the board, never the other powers' press.
 *
 * Movement. Each unit is scored on where it would stand: a supply centre it does not own is worth
 * GAIN_FALL in the fall (it changes hands) and GAIN_SPRING in the spring (it can be held into the
 * fall); one of its own centres that a foreign unit could enter is worth DEFEND_FALL in the fall;
 * and every step between the unit and the nearest target centre no other unit of ours is heading
 * for costs STEP. First, pairs of units attack a foreign-held target centre, one moving and one
 * supporting, where that beats what the two would do alone. Then the other units choose, nearest
 * the front first, never into a province another unit of ours holds or enters (no self-bounce,
 * no swaps). Last, idle units support holds of units on threatened centres and moves into
 * contested ones. Only orders from `legalActions` are given; rng only breaks ties
 * (and orders press partners).
 *
 * Retreats go where a unit scores best (never two into one province); builds take every home
 * centre allowed, army or fleet by whichever is nearer its nearest target; disbands remove the
 * units farthest from any centre of ours.
 *
 * Press (diplomacy-press.ts): it offers peace to near neighbours and answers proposals. It keeps
 * its word: the orders it pledged in a phase are given as pledged; while a peace stands it neither
 * moves into the partner's units or centres nor supports such a move (the analyzer's definition
 * of an attack); and it moves into no province it agreed to keep empty.
 */
import { Diplomacy, type Rng } from '@parley/games';
import type { Agent, DecisionInput } from '../agent';
import { negotiate, type Pledges, phaseCode, pledgesIn } from './diplomacy-press';

type Power = Diplomacy.Power;
type UnitType = Diplomacy.UnitType;
interface Unit {
  power: Power;
  type: UnitType;
  province: string;
}
interface View {
  power: Power;
  phase: Diplomacy.Phase;
  units: Unit[];
  dislodged: Diplomacy.DislodgedUnit[];
  centres: Record<Power, string[]>;
  adjustments: Record<Power, number> | null;
  lastPhase: { phase: Diplomacy.Phase; orders: Diplomacy.OrderResult[] } | null;
}

const GAIN_FALL = 10;
const GAIN_SPRING = 4;
const DEFEND_FALL = 6;
const STEP = 1;
/** An unsupported move into a foreign unit usually bounces. */
const LONE_ATTACK_PENALTY = 6;
/** A supported attack on a holding unit succeeds unless it is supported too or the supporter is cut. */
const SUPPORTED_SUCCESS = 0.8;

// ---------------------------------------------------------------------------------------------
// The map, compiled once: moves from each location to each province, per unit type.

const MAP = Diplomacy.STANDARD_MAP;
const POWERS = MAP.powers;
const FAR = 50;
const CENTRES = MAP.provinces.filter((p) => p.supplyCentre).map((p) => p.id);
const IS_CENTRE = new Set(CENTRES);
const prov = (loc: string) => loc.slice(0, 3);

const dist = (type: UnitType, loc: string, to: string): number => Diplomacy.distancesFrom(type, loc)?.get(to) ?? FAR;
const reach = (type: UnitType, loc: string): string[] =>
  type === 'A' ? (MAP.armyAdjacency[prov(loc)] ?? []) : (MAP.fleetAdjacency[loc] ?? []).map(prov);
const labelOf = (u: Unit) => `${u.type} ${u.province.toUpperCase()}`;

// ---------------------------------------------------------------------------------------------
// The board as the bot sees it.

class Board {
  readonly me: Power;
  readonly fall: boolean;
  readonly owner = new Map<string, Power>();
  readonly occupant = new Map<string, Unit>();
  /** How many foreign units could move into each province. */
  readonly threat = new Map<string, number>();
  readonly mine: Unit[];
  readonly targets: string[];
  /** `nearest` with nothing claimed, by unit type and location. */
  private readonly nearestFree = new Map<string, { d: number; t: string | null }>();

  constructor(
    readonly view: View,
    readonly pledges: Pledges,
  ) {
    this.me = view.power;
    this.fall = view.phase.season === 'fall';
    for (const p of POWERS) for (const c of view.centres[p] ?? []) this.owner.set(c, p);
    for (const u of view.units) {
      this.occupant.set(prov(u.province), u);
      if (u.power === this.me) continue;
      for (const q of reach(u.type, u.province)) this.threat.set(q, (this.threat.get(q) ?? 0) + 1);
    }
    this.mine = view.units.filter((u) => u.power === this.me);
    this.targets = CENTRES.filter((c) => this.owner.get(c) !== this.me && !this.isPromised(c));
  }

  /** Moving into (or supporting a move into) this province would attack a power we promised peace, or enter one we agreed to keep empty. */
  isPromised(p: string): boolean {
    const o = this.owner.get(p);
    const u = this.occupant.get(p);
    const peace = this.pledges.peace;
    return (o !== undefined && peace.has(o)) || (u !== undefined && peace.has(u.power)) || this.pledges.demilitarised.has(p);
  }

  foreignAt(p: string): Unit | undefined {
    const u = this.occupant.get(p);
    return u && u.power !== this.me ? u : undefined;
  }

  gain(p: string): number {
    if (!IS_CENTRE.has(p) || this.isPromised(p)) return 0;
    if (this.owner.get(p) !== this.me) return this.fall ? GAIN_FALL : GAIN_SPRING;
    return this.threat.get(p) ? (this.fall ? DEFEND_FALL : 1) : 0;
  }

  /** The nearest target not in `claimed` (any target if all are claimed), with its distance. */
  nearest(type: UnitType, loc: string, claimed: ReadonlySet<string>): { d: number; t: string | null } {
    const key = claimed.size === 0 ? `${type} ${loc}` : '';
    const cached = this.nearestFree.get(key);
    if (cached) return cached;
    const from = Diplomacy.distancesFrom(type, loc);
    let best = { d: FAR, t: null as string | null };
    for (const pass of [true, false]) {
      for (const t of this.targets) {
        if (pass && claimed.has(t)) continue;
        const d = (from?.get(t) ?? FAR) + (this.foreignAt(t) ? 1 : 0);
        if (d < best.d) best = { d, t };
      }
      if (best.t !== null) break;
    }
    if (key) this.nearestFree.set(key, best);
    return best;
  }

  /** What standing at `loc` is worth to a unit of `type`. */
  value(type: UnitType, loc: string, claimed: ReadonlySet<string>): number {
    const p = prov(loc);
    if (IS_CENTRE.has(p) && this.owner.get(p) !== this.me && !this.isPromised(p)) return this.gain(p);
    const { d } = this.nearest(type, loc, claimed);
    return this.gain(p) - STEP * Math.min(d, 12);
  }
}

// ---------------------------------------------------------------------------------------------
// Movement.

interface Option {
  order: string;
  /** Where the unit stands if the order succeeds. */
  loc: string;
  moving: boolean;
}

interface Plan extends Option {
  unit: Unit;
  label: string;
  value: number;
}

function optionsOf(b: Board, u: Unit, legal: readonly string[]): Option[] {
  const label = labelOf(u);
  const options: Option[] = [{ order: `${label} H`, loc: u.province, moving: false }];
  const adjacent = new Set(reach(u.type, u.province));
  for (const order of legal) {
    const m = /^\S+ \S+ - (\S+)$/.exec(order);
    if (!m) continue;
    const loc = m[1]!.toLowerCase();
    if (!adjacent.has(prov(loc)) || b.isPromised(prov(loc))) continue;
    options.push({ order, loc, moving: true });
  }
  return options;
}

function optionValue(b: Board, u: Unit, o: Option, claimed: ReadonlySet<string>): number {
  const v = b.value(u.type, o.loc, claimed);
  return o.moving && b.foreignAt(prov(o.loc)) ? v - LONE_ATTACK_PENALTY : v;
}

function movementOrders(b: Board, byUnit: Map<string, string[]>, rng: Rng): string[] {
  const legal = new Set([...byUnit.values()].flat());
  const noise = new Map(b.mine.map((u) => [u.province, rng.float() * 0.01]));
  const options = new Map(b.mine.map((u) => [u.province, optionsOf(b, u, byUnit.get(labelOf(u)) ?? [])]));
  const none = new Set<string>();
  const aloneValues = new Map(
    b.mine.map((u) => [u, Math.max(...options.get(u.province)!.map((o) => optionValue(b, u, o, none)))]),
  );
  const alone = (u: Unit) => aloneValues.get(u)!;
  const plans = new Map<string, Plan>();
  const fix = (u: Unit, o: Option, value: number) => plans.set(u.province, { ...o, unit: u, label: labelOf(u), value });
  const hold = (u: Unit): Option => options.get(u.province)![0]!;

  // 0. Orders pledged in press, given as pledged (and never reassigned below).
  const pledged = new Set<string>();
  for (const order of b.pledges.orders) {
    const at = (order.split(' ')[1] ?? '').toLowerCase().slice(0, 3);
    const u = b.mine.find((x) => prov(x.province) === at);
    if (!u || plans.has(u.province) || !legal.has(order)) continue;
    const to = / - (\S+)$/.exec(order);
    const moving = to !== null && !order.includes(' S ');
    fix(u, { order, loc: moving ? to[1]!.toLowerCase() : u.province, moving }, 0);
    pledged.add(u.province);
  }

  // 1. Supported attacks on foreign units in target centres.
  for (const t of b.targets) {
    if (!b.foreignAt(t)) continue;
    let best: { m: Unit; move: Option; s: Unit; order: string; surplus: number } | null = null;
    for (const m of b.mine) {
      if (plans.has(m.province)) continue;
      const move = options.get(m.province)!.find((o) => o.moving && prov(o.loc) === t);
      if (!move) continue;
      const attack =
        SUPPORTED_SUCCESS * b.value(m.type, move.loc, none) + (1 - SUPPORTED_SUCCESS) * b.value(m.type, m.province, none);
      for (const s of b.mine) {
        const order = `${labelOf(s)} S ${move.order}`;
        if (s === m || plans.has(s.province) || !legal.has(order)) continue;
        const surplus = attack + b.value(s.type, s.province, none) - alone(m) - alone(s) + noise.get(s.province)!;
        if (surplus > 0 && (!best || surplus > best.surplus)) best = { m, move, s, order, surplus };
      }
    }
    if (!best) continue;
    fix(best.m, best.move, 0);
    fix(best.s, { order: best.order, loc: best.s.province, moving: false }, 0);
  }

  // 2. Everyone else, nearest the front first.
  const claimed = new Set<string>([...plans.values()].filter((p) => p.moving).map((p) => prov(p.loc)));
  const rest = b.mine
    .filter((u) => !plans.has(u.province))
    .sort(
      (x, y) =>
        b.nearest(x.type, x.province, none).d - b.nearest(y.type, y.province, none).d || (x.province < y.province ? -1 : 1),
    );
  const undecided = new Set(rest.map((u) => prov(u.province)));
  for (const u of rest) {
    undecided.delete(prov(u.province));
    let best: Plan | null = null;
    for (const o of options.get(u.province)!) {
      if (!allowed(plans, undecided, u, o)) continue;
      const value = optionValue(b, u, o, claimed) + (o.moving ? 0 : noise.get(u.province)!);
      if (!best || value > best.value) best = { ...o, unit: u, label: labelOf(u), value };
    }
    const chosen = best ?? { ...hold(u), unit: u, label: labelOf(u), value: 0 };
    plans.set(u.province, chosen);
    const p = prov(chosen.loc);
    claimed.add(b.targets.includes(p) ? p : (b.nearest(u.type, chosen.loc, claimed).t ?? p));
  }

  // 3. Idle units support holds on threatened centres, then moves into contested centres.
  const enteredFrom = new Set([...plans.values()].filter((p) => p.moving).map((p) => prov(p.loc)));
  const idle = (p: Plan) => !p.moving && p.order.endsWith(' H');
  const canLeaveToHelp = (p: Plan) => b.fall && p.moving && b.gain(prov(p.loc)) === 0 && !enteredFrom.has(prov(p.unit.province));
  for (const needy of [...plans.values()]) {
    const p = prov(needy.loc);
    const keeps = !needy.moving && IS_CENTRE.has(p) && (b.threat.get(p) ?? 0) > 0;
    const enters = needy.moving && IS_CENTRE.has(p) && (b.threat.get(p) ?? 0) > 0 && b.gain(p) > 0;
    if (!keeps && !enters) continue;
    const target = keeps ? needy.label : needy.order;
    for (const helper of plans.values()) {
      const order = `${helper.label} S ${target}`;
      if (helper === needy || pledged.has(helper.unit.province)) continue;
      if (!(idle(helper) || (keeps && canLeaveToHelp(helper))) || !legal.has(order)) continue;
      if (helper.moving) enteredFrom.delete(prov(helper.loc));
      plans.set(helper.unit.province, { ...helper, order, loc: helper.unit.province, moving: false });
      break;
    }
  }
  return [...plans.values()].map((p) => p.order);
}

/** No self-bounce: never into a province one of our units keeps, enters, or may still keep; no swaps. */
function allowed(plans: Map<string, Plan>, undecided: ReadonlySet<string>, u: Unit, o: Option): boolean {
  const p = prov(o.loc);
  for (const other of plans.values()) {
    const stays = prov(other.unit.province);
    if (other.moving && prov(other.loc) === p) return false;
    if (!other.moving && stays === p) return false;
    if (other.moving && stays === p && prov(other.loc) === prov(u.province) && o.moving) return false;
  }
  return !(o.moving && undecided.has(p));
}

// ---------------------------------------------------------------------------------------------
// Retreats and adjustments.

function retreatOrders(b: Board, byUnit: Map<string, string[]>): string[] {
  const used = new Set<string>();
  const orders: string[] = [];
  for (const d of b.view.dislodged.filter((x) => x.power === b.me)) {
    const legal = byUnit.get(labelOf(d)) ?? [];
    let best = { order: legal.find((o) => o.endsWith(' D')) ?? `${labelOf(d)} D`, value: -Infinity };
    for (const order of legal) {
      const m = /^\S+ \S+ R (\S+)$/.exec(order);
      if (!m || used.has(prov(m[1]!.toLowerCase()))) continue;
      const loc = m[1]!.toLowerCase();
      const value = b.value(d.type, loc, new Set()) - (b.threat.get(prov(loc)) ?? 0) * 0.1;
      if (value > best.value) best = { order, value };
    }
    const m = /R (\S+)$/.exec(best.order);
    if (m) used.add(prov(m[1]!.toLowerCase()));
    orders.push(best.order);
  }
  return orders;
}

function buildOrders(b: Board, legal: readonly string[], count: number): string[] {
  const none = new Set<string>();
  const best = new Map<string, { order: string; score: number }>();
  for (const order of legal) {
    const m = /^([AF]) (\S+) B$/.exec(order);
    if (!m) continue;
    const type = m[1] as UnitType;
    const loc = m[2]!.toLowerCase();
    // Armies by a small margin: they hold land and need no coast.
    const score = -b.nearest(type, loc, none).d - (type === 'F' ? 0.5 : 0);
    const p = prov(loc);
    if (!best.has(p) || score > best.get(p)!.score) best.set(p, { order, score });
  }
  const chosen = [...best.values()].sort((x, y) => y.score - x.score || (x.order < y.order ? -1 : 1)).slice(0, count);
  const orders = chosen.map((c) => c.order);
  while (orders.length < count) orders.push('WAIVE');
  return orders;
}

function disbandOrders(b: Board, legal: readonly string[], count: number): string[] {
  const own = CENTRES.filter((c) => b.owner.get(c) === b.me);
  const far = (u: Unit) => Math.min(FAR, ...own.map((c) => dist(u.type, u.province, c)));
  return b.mine
    .filter((u) => legal.includes(`${labelOf(u)} D`))
    .map((u) => ({ u, far: far(u), away: b.nearest(u.type, u.province, new Set()).d }))
    .sort((x, y) => y.far - x.far || y.away - x.away || (x.u.province < y.u.province ? -1 : 1))
    .slice(0, count)
    .map((x) => `${labelOf(x.u)} D`);
}

// ---------------------------------------------------------------------------------------------

function act(input: DecisionInput): string[] {
  if (input.gameId !== 'diplomacy') throw new Error(`the heuristic bot plays Diplomacy only, not ${input.gameId}`);
  const view = input.observation as View;
  const b = new Board(view, pledgesIn(input.inbox, input.seat, phaseCode(view.phase)));
  const byUnit = new Map<string, string[]>();
  for (const a of input.legalActions) {
    if (a === 'VOTE DRAW' || a === 'WAIVE') continue;
    const label = a.split(' ', 2).join(' ');
    byUnit.set(label, [...(byUnit.get(label) ?? []), a]);
  }
  if (view.phase.type === 'movement') return movementOrders(b, byUnit, input.rng);
  if (view.phase.type === 'retreat') return retreatOrders(b, byUnit);
  const delta = view.adjustments?.[b.me] ?? 0;
  if (delta > 0) return buildOrders(b, input.legalActions, delta);
  if (delta < 0) return disbandOrders(b, input.legalActions, -delta);
  return [];
}

export function diplomacyHeuristicBot(gameId = 'diplomacy'): Agent {
  if (gameId !== 'diplomacy') throw new Error(`the heuristic bot plays Diplomacy only, not ${gameId}`);
  return { name: 'heuristic', act, negotiate };
}
