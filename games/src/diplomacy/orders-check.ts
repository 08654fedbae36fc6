/**
 * Checks a parsed order against the board and the phase, and completes it into canonical form.
 *
 * This is where "illegal" in the DATC sense is decided: an order that could never be carried
 * out on this board (an army to sea, a move to a non-neighbour with no fleets that could convoy
 * it, a support into a province the supporter cannot reach, a convoy by a fleet on a coast) is
 * rejected here with a typed error, and the adjudicator treats such a unit as holding (DATC 4.E.1
 * and 6.D.28–6.D.33: impossible orders are illegal, not merely unsuccessful). Orders that are legal
 * come back completed: unit types filled in, the unit's real coast used (6.B.10), a missing coast
 * added where only one is reachable (6.B.2), an army's coast dropped (6.B.12), and `VIA` dropped
 * where no convoy is possible.
 */
import { type ActionError, actionError } from '../core/game';
import { type Board, convoyPossible, convoyPossibleThrough } from './board';
import { checkKey } from './check-keys';
import * as mapTables from './map';
import * as orderKeys from './order-keys';
import { listedMovementKey, listedMovementOrder } from './orders-legal';
import { formatOrder, parseOrder } from './orders-parse';
import type { DislodgedUnit, Order, PhaseType, Power, UnitSpec, UnitType } from './types';

// Bound once at load: under some module loaders (vitest) imported bindings are getters, too slow for inner loops.
const {
  armyAdjBits,
  coastsOf,
  fleetAdjBits,
  fleetLocsOf,
  fleetReach,
  homeOf,
  KIND_COASTAL,
  KIND_INLAND,
  KIND_SEA,
  LOC_IDS,
  locIndex,
  locationName,
  locProvince,
  NUM_LOCS,
  NUM_PROVINCES,
  POWER_INDEX,
  POWERS,
  PROVINCE_IDS,
  provinceIndex,
  provinceKind,
} = mapTables;
const { decodeOrderText, idKey, idLabel, KEY_SPAN, keyOfOrder, labelLoc, orderOfKey } = orderKeys;

export interface PhaseContext {
  readonly phase: PhaseType;
  /** The units on the board (in a retreat phase: those not dislodged). */
  readonly board: Board;
  /** Retreat phase: the dislodged units, each with where it may retreat. */
  readonly dislodged: readonly DislodgedUnit[];
  /** Adjustment phase: owner of each province's centre (power index, -1 if none). */
  readonly owner: Int8Array;
  /** Adjustment phase: builds allowed (> 0) or disbands required (< 0), by power index. */
  readonly adjust: readonly number[];
  /**
   * Checks already made in this phase, by power index and text: an order is validated, applied
   * and adjudicated, and each step asks about the same text on the same board.
   */
  readonly checked?: readonly Map<string, CheckResult>[];
}

/** Bounds a phase's memo, so a flood of distinct junk orders cannot grow it without limit. */
const CHECKED_LIMIT = 10_000;

export interface CheckedOrder {
  readonly order: Order;
  /** Canonical text. */
  readonly text: string;
  /** What the order uses up: the unit's province, a build's province, `WAIVE` or `VOTE`. */
  readonly slot: string;
}

export type CheckResult = { ok: true; checked: CheckedOrder } | { ok: false; error: ActionError };

/**
 * A rejection on its way out of the checker's recursion to `checkOrder`, which turns it into a
 * result; it never leaves this module. Not an `Error`: capturing a stack for every rejected order
 * was a third of the time a flood of bad orders took to check.
 */
class CheckError {
  constructor(readonly error: ActionError) {}
}
const reject = (code: string, message: string, detail?: unknown): never => {
  throw new CheckError(actionError(code, message, detail));
};

const upper = (loc: string) => loc.toUpperCase();
const typeName = (t: UnitType) => (t === 'A' ? 'army' : 'fleet');
/** `A PAR`: built only for an error message, never on the path of a legal order. */
const labelOf = (unit: UnitSpec) => `${unit.type} ${upper(unit.loc)}`;

/** Parses and checks one order text for `power`. Never throws. */
export function checkOrderText(ctx: PhaseContext, power: Power, text: string): CheckResult {
  const memo = ctx.checked?.[POWER_INDEX[power]];
  let result = memo?.get(text);
  if (result === undefined) {
    const listed = listedMovementOrder(ctx, POWER_INDEX[power], text);
    result = listed ? { ok: true, checked: listed } : checkUnlisted(ctx, power, text);
    if (memo && typeof text === 'string') {
      if (memo.size >= CHECKED_LIMIT) memo.clear();
      memo.set(text, result);
    }
  }
  return result;
}

/** A text in the printer's form (printed in any phase, on any board, or not) needs no parsing: its typed form is read from it. */
function checkUnlisted(ctx: PhaseContext, power: Power, text: string): CheckResult {
  const id = ctx.phase === 'movement' ? decodeOrderText(text) : -1;
  if (id >= 0) return checkOrder(ctx, power, orderOfKey(idLabel(id), idKey(id)));
  const parsed = parseOrder(text);
  return parsed.ok ? checkOrder(ctx, power, parsed.order) : parsed;
}

/**
 * Reads a movement-phase order to its typed form: the unit it orders and its key (order-keys.ts),
 * packed as `unit * KEY_SPAN + key`; or, for anything that is not a legal board order, the check's
 * result (an error, or a draw vote). An order listed this phase is read without a check's objects.
 */
export function readMovementOrder(ctx: PhaseContext, power: Power, text: string): number | CheckResult {
  return readMovementOrderOf(ctx, POWER_INDEX[power], text);
}

/** readMovementOrder for the power of index `me`. */
export function readMovementOrderOf(ctx: PhaseContext, me: number, text: string): number | CheckResult {
  const listed = listedMovementKey(ctx, me, text);
  if (listed >= 0) return listed;
  // A text in the printer's form, on a board whose orders were not listed: checked as a key
  // (checkKey answers only what it can answer exactly, and leaves the rest to the long way).
  const id = ctx.phase === 'movement' ? decodeOrderText(text) : -1;
  if (id >= 0) {
    const label = idLabel(id);
    const u = ctx.board.at[locProvince[labelLoc(label)]!]!;
    const k = u >= 0 && ctx.board.power[u] === me ? checkKey(ctx.board, u, label, idKey(id)) : -1;
    if (k >= 0) return u * KEY_SPAN + k;
  }
  const r = checkOrderText(ctx, POWERS[me]!, text);
  if (!r.ok || r.checked.order.kind === 'vote-draw') return r;
  return ctx.board.at[provinceIndex(r.checked.slot)]! * KEY_SPAN + keyOfOrder(r.checked.order);
}

/** Checks a parsed order for `power`; on success returns its completed, canonical form. Never throws. */
export function checkOrder(ctx: PhaseContext, power: Power, order: Order): CheckResult {
  try {
    const done = complete(ctx, POWER_INDEX[power], order);
    return { ok: true, checked: { order: done, text: formatOrder(done), slot: slotOf(done) } };
  } catch (e) {
    if (e instanceof CheckError) return { ok: false, error: e.error };
    throw e;
  }
}

function slotOf(order: Order): string {
  if (order.kind === 'waive') return 'WAIVE';
  if (order.kind === 'vote-draw') return 'VOTE';
  return order.unit.loc.slice(0, 3);
}

function complete(ctx: PhaseContext, me: number, order: Order): Order {
  if (order.kind === 'vote-draw') {
    if (ctx.phase !== 'movement') reject('order/wrong-phase', 'A draw can be voted only in a movement phase.');
    return order;
  }
  switch (ctx.phase) {
    case 'movement':
      return completeMovement(ctx.board, me, order);
    case 'retreat':
      return completeRetreat(ctx, me, order);
    case 'adjustment':
      return completeAdjustment(ctx, me, order);
  }
}

// --- movement --------------------------------------------------------------------------------

function ownUnit(board: Board, me: number, spec: UnitSpec): number {
  const u = findUnit(board, spec, 'order');
  if (board.power[u] !== me) {
    reject(
      'order/not-your-unit',
      `The ${typeName(board.units[u]!.type)} in ${locationName(spec.loc)} belongs to ${POWERS[board.power[u]!]}.`,
      {
        province: spec.loc.slice(0, 3),
      },
    );
  }
  return u;
}

function findUnit(board: Board, spec: UnitSpec, role: 'order' | 'target'): number {
  const p = provinceIndex(spec.loc.slice(0, 3));
  const u = board.at[p]!;
  if (u < 0) {
    reject(
      'order/no-unit',
      role === 'order'
        ? `There is no unit in ${locationName(spec.loc)} to order.`
        : `There is no unit in ${locationName(spec.loc)}.`,
      { province: PROVINCE_IDS[p] },
    );
  }
  const type = board.units[u]!.type;
  if (spec.type && spec.type !== type) {
    reject(
      'order/wrong-unit-type',
      `The unit in ${locationName(spec.loc)} is ${type === 'A' ? 'an army' : 'a fleet'}: write ${type} ${upper(board.units[u]!.province)}.`,
      { province: PROVINCE_IDS[p], type },
    );
  }
  return u;
}

function specOf(board: Board, u: number): UnitSpec {
  return { type: board.units[u]!.type, loc: board.units[u]!.province };
}

/** Can unit `u` move to (so support into) province `p`? Coasts do not matter for supports (DATC 6.B.4). */
function reaches(board: Board, u: number, p: number): boolean {
  return board.fleet[u]
    ? fleetReach[board.loc[u]! * NUM_PROVINCES + p] === 1
    : provinceKind[p] !== KIND_SEA && armyAdjBits[board.prov[u]! * NUM_PROVINCES + p] === 1;
}

/** The location a fleet at `from` would move to for destination text `to`, or an error. */
function fleetDestination(board: Board, u: number, to: string, unit: UnitSpec): string {
  const p = provinceIndex(to.slice(0, 3));
  if (provinceKind[p] === KIND_INLAND) {
    reject('order/fleet-to-land', `${labelOf(unit)} cannot move to ${locationName(to)}: fleets cannot enter inland provinces.`);
  }
  const from = board.loc[u]!;
  const options = to.length > 3 ? [locIndex(to)] : (fleetLocsOf[p] as number[]);
  const reachable = options.filter((l) => fleetAdjBits[from * NUM_LOCS + l] === 1);
  if (reachable.length === 0) {
    const other = (fleetLocsOf[p] as number[]).filter((l) => fleetAdjBits[from * NUM_LOCS + l] === 1);
    const hint = other.length ? ` (it can reach ${other.map((l) => upper(LOC_IDS[l] as string)).join(' or ')})` : '';
    reject('order/not-adjacent', `${labelOf(unit)} cannot reach ${locationName(to)}${hint}.`, { from: LOC_IDS[from], to });
  }
  if (reachable.length > 1) {
    reject(
      'order/coast-required',
      `${labelOf(unit)} could reach ${locationName(to)} on either coast: write ${reachable.map((l) => upper(LOC_IDS[l] as string)).join(' or ')}.`,
      { to },
    );
  }
  return LOC_IDS[reachable[0]!] as string;
}

function completeMovement(board: Board, me: number, order: Order): Order {
  switch (order.kind) {
    case 'hold': {
      const u = ownUnit(board, me, order.unit);
      return { kind: 'hold', unit: specOf(board, u) };
    }
    case 'move': {
      const u = ownUnit(board, me, order.unit);
      const unit = specOf(board, u);
      const from = board.prov[u]!;
      const p = provinceIndex(order.to.slice(0, 3));
      if (p === from) reject('order/not-adjacent', `${labelOf(unit)} is already in ${locationName(order.to)}.`);
      if (board.fleet[u]) return { kind: 'move', unit, to: fleetDestination(board, u, order.to, unit), via: false };
      if (provinceKind[p] === KIND_SEA) {
        reject(
          'order/army-to-sea',
          `${labelOf(unit)} cannot move to ${locationName(order.to)}: armies cannot enter sea provinces.`,
        );
      }
      const to = PROVINCE_IDS[p] as string;
      const convoyable = convoyPossible(board, from, p);
      if (armyAdjBits[from * NUM_PROVINCES + p] === 1) return { kind: 'move', unit, to, via: order.via && convoyable };
      if (!convoyable) {
        reject(
          'order/not-adjacent',
          `${labelOf(unit)} cannot reach ${locationName(to)}: it is not adjacent, and no chain of fleets at sea could convoy it there.`,
          { from: unit.loc, to },
        );
      }
      return { kind: 'move', unit, to, via: false };
    }
    case 'support': {
      const u = ownUnit(board, me, order.unit);
      const unit = specOf(board, u);
      const t = findUnit(board, order.target, 'target');
      const target = specOf(board, t);
      if (t === u) reject('order/cannot-support', `${labelOf(unit)} cannot support itself; order it to hold instead.`);
      if (order.to === null) {
        if (!reaches(board, u, board.prov[t]!)) {
          reject(
            'order/cannot-support',
            `${labelOf(unit)} cannot support ${labelOf(target)}: it could not move to ${locationName(target.loc)} itself.`,
          );
        }
        return { kind: 'support', unit, target, to: null };
      }
      const p = provinceIndex(order.to.slice(0, 3));
      if (p === board.prov[u]) reject('order/cannot-support', `${labelOf(unit)} cannot support a move into its own province.`);
      if (p === board.prov[t]) reject('order/not-adjacent', `${labelOf(target)} cannot move to the province it is in.`);
      if (!reaches(board, u, p)) {
        reject(
          'order/cannot-support',
          `${labelOf(unit)} cannot support a move to ${locationName(order.to)}: it could not move there itself.`,
        );
      }
      let to: string;
      if (board.fleet[t]) {
        if (provinceKind[p] === KIND_INLAND)
          reject('order/cannot-support', `${labelOf(target)} cannot move to inland ${locationName(order.to)}.`);
        const options = order.to.length > 3 ? [locIndex(order.to)] : (fleetLocsOf[p] as number[]);
        if (!options.some((l) => fleetAdjBits[board.loc[t]! * NUM_LOCS + l] === 1)) {
          reject(
            'order/cannot-support',
            `${labelOf(target)} cannot reach ${locationName(order.to)}, so there is no such move to support.`,
          );
        }
        to = order.to;
      } else {
        if (provinceKind[p] === KIND_SEA)
          reject('order/cannot-support', `${labelOf(target)} is an army and cannot move to ${locationName(order.to)}.`);
        const from = board.prov[t]!;
        // The supporter cannot also be the convoy (DATC 6.D.31), so route without it.
        if (armyAdjBits[from * NUM_PROVINCES + p] !== 1 && !convoyPossible(board, from, p, board.prov[u]!)) {
          reject(
            'order/cannot-support',
            `${labelOf(target)} cannot reach ${locationName(order.to)} (not adjacent, and no other fleets could convoy it), so there is no such move to support.`,
          );
        }
        to = PROVINCE_IDS[p] as string;
      }
      return { kind: 'support', unit, target, to };
    }
    case 'convoy': {
      const u = ownUnit(board, me, order.unit);
      const unit = specOf(board, u);
      if (!board.fleet[u] || provinceKind[board.prov[u]!] !== KIND_SEA) {
        reject('order/cannot-convoy', `${labelOf(unit)} cannot convoy: only a fleet in a sea province can convoy.`);
      }
      const t = findUnit(board, order.target, 'target');
      if (board.fleet[t])
        reject('order/cannot-convoy', `Only armies can be convoyed; the unit in ${locationName(order.target.loc)} is a fleet.`);
      const target = specOf(board, t);
      const p = provinceIndex(order.to.slice(0, 3));
      const to = PROVINCE_IDS[p] as string;
      if (!convoyPossibleThrough(board, board.prov[u]!, board.prov[t]!, p)) {
        reject(
          'order/no-convoy-route',
          `${labelOf(unit)} cannot convoy A ${upper(target.loc)} to ${locationName(to)}: no chain of fleets at sea through ${upper(unit.loc)} links them.`,
        );
      }
      return { kind: 'convoy', unit, target, to };
    }
    default:
      return reject(
        'order/wrong-phase',
        `It is a movement phase: order each unit to hold (H), move (-), support (S) or convoy (C).`,
      );
  }
}

// --- retreats --------------------------------------------------------------------------------

function completeRetreat(ctx: PhaseContext, me: number, order: Order): Order {
  if (order.kind !== 'retreat' && order.kind !== 'move' && order.kind !== 'disband') {
    reject('order/wrong-phase', 'It is a retreat phase: order each dislodged unit to retreat (R) or disband (D).');
  }
  const spec = (order as { unit: UnitSpec }).unit;
  const prov = spec.loc.slice(0, 3);
  const d = ctx.dislodged.find((x) => x.province.slice(0, 3) === prov);
  if (!d) {
    const onBoard = ctx.board.at[provinceIndex(prov)]! >= 0;
    return reject(
      onBoard ? 'order/not-dislodged' : 'order/no-unit',
      onBoard
        ? `The unit in ${locationName(prov)} was not dislodged; only dislodged units take orders in a retreat phase.`
        : `There is no dislodged unit in ${locationName(prov)}.`,
      { province: prov },
    );
  }
  if (POWER_INDEX[d.power] !== me)
    reject('order/not-your-unit', `The dislodged unit in ${locationName(prov)} belongs to ${d.power}.`);
  if (spec.type && spec.type !== d.type)
    reject('order/wrong-unit-type', `The dislodged unit in ${locationName(prov)} is ${d.type === 'A' ? 'an army' : 'a fleet'}.`);
  const unit: UnitSpec = { type: d.type, loc: d.province };
  if (order.kind === 'disband') return { kind: 'disband', unit };
  const to = (order as { to: string }).to;
  const label = `${d.type} ${upper(d.province)}`;
  const choices = d.retreats.filter((r) => (d.type === 'A' || to.length === 3 ? r.slice(0, 3) === to.slice(0, 3) : r === to));
  if (choices.length !== 1) {
    const options = d.retreats.length
      ? `it may retreat to ${d.retreats.map(upper).join(', ')} or disband`
      : 'it has no retreat and can only disband';
    reject(
      choices.length > 1 ? 'order/coast-required' : 'order/bad-retreat',
      `${label} cannot retreat to ${locationName(to)}: ${options}.`,
      {
        retreats: d.retreats,
      },
    );
  }
  return { kind: 'retreat', unit, to: choices[0] as string };
}

// --- adjustments -----------------------------------------------------------------------------

function completeAdjustment(ctx: PhaseContext, me: number, order: Order): Order {
  const delta = ctx.adjust[me] ?? 0;
  const power = POWERS[me];
  if (order.kind === 'waive') {
    if (delta <= 0) reject('order/no-builds', `${power} has no builds to waive this winter.`);
    return order;
  }
  if (order.kind === 'build') {
    if (delta <= 0)
      reject(
        'order/no-builds',
        delta < 0 ? `${power} must disband this winter, not build.` : `${power} has no builds this winter.`,
      );
    const p = provinceIndex(order.unit.loc.slice(0, 3));
    const where = locationName(PROVINCE_IDS[p] as string);
    if (homeOf[p] !== me) reject('order/not-home-centre', `${where} is not a home supply centre of ${power}.`);
    if (ctx.owner[p] !== me) reject('order/not-owned', `${power} does not own ${where} now, so cannot build there.`);
    if (ctx.board.at[p]! >= 0) reject('order/occupied', `${where} is occupied; builds need a vacant home centre.`);
    const type = order.unit.type;
    if (!type)
      reject('order/unit-type-required', `Say what to build: A ${upper(order.unit.loc)} B or F ${upper(order.unit.loc)} B.`);
    if (type === 'A') return { kind: 'build', unit: { type, loc: PROVINCE_IDS[p] as string } };
    if (provinceKind[p] !== KIND_COASTAL) reject('order/fleet-to-land', `A fleet cannot be built in inland ${where}.`);
    const coasts = coastsOf[p] as number[];
    if (coasts.length > 0 && order.unit.loc.length === 3) {
      reject('order/coast-required', `Say which coast: ${coasts.map((l) => `F ${upper(LOC_IDS[l] as string)} B`).join(' or ')}.`);
    }
    return { kind: 'build', unit: { type: 'F', loc: order.unit.loc } };
  }
  if (order.kind === 'disband') {
    if (delta >= 0) reject('order/no-disbands', `${power} has no units to disband this winter.`);
    const u = ownUnit(ctx.board, me, order.unit);
    return { kind: 'disband', unit: specOf(ctx.board, u) };
  }
  return reject(
    'order/wrong-phase',
    delta > 0
      ? `It is an adjustment phase: ${power} may build in a vacant home centre it owns (e.g. A ${upper(homeExample(me))} B) or WAIVE.`
      : delta < 0
        ? `It is an adjustment phase: ${power} must disband units (e.g. ${order.kind === 'hold' || order.kind === 'move' ? `${order.unit.type ?? 'A'} ${upper(order.unit.loc)}` : 'A PAR'} D).`
        : `It is an adjustment phase and ${power} has nothing to adjust.`,
  );
}

function homeExample(me: number): string {
  return PROVINCE_IDS[homeOf.indexOf(me)] ?? 'par';
}
