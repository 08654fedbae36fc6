/**
 * One phase of play from start to finish: read every power's orders, adjudicate, and say which
 * phase comes next. Both the game engine and the one-shot DATC adjudicator go through here, so
 * there is one copy of the turn rules.
 *
 * Sequence: spring movement, spring retreats, fall movement, fall retreats, winter adjustments.
 * A retreat phase is played only if some dislodged unit has somewhere to go; an adjustment
 * phase only if some power may build or must disband. Centres change hands at the end of the
 * fall turn: after fall retreats, or after fall movement when there is no retreat phase.
 *
 * Orders are read the way the DATC's harness reads them: an order that is illegal, or names a
 * unit its power does not have, is void and the unit holds (6.A.6); when a unit gets several
 * legal orders the last one counts; units without orders hold, dislodged units without orders
 * disband, missing builds are waived and missing disbands follow the civil disorder rule.
 */
import { adjustmentDeltas, civilDisorderDisbands, ownerTable, updateOwnership } from './adjustments';
import { boardOf } from './board';
import { NUM_PROVINCES, POWER_INDEX, POWERS, powerIndexOf } from './map';
import { type MovementFacts, movementFacts, runMovement } from './movement';
import { packedHigh, packedKey } from './order-keys';
import { type CheckedOrder, checkOrderText, type PhaseContext, readMovementOrderOf } from './orders-check';
import { formatOrder } from './orders-parse';
import { resolveRetreats } from './retreats';
import type { CentreOwner, DislodgedUnit, OrderResult, Phase, Power, Unit } from './types';

export interface Turn {
  phase: Phase;
  /** Units on the board; in a retreat phase, those not dislodged. */
  units: Unit[];
  /** Retreat phase: the dislodged units and their retreats. */
  dislodged: DislodgedUnit[];
  centres: CentreOwner[];
}

export interface SubmittedOrder {
  power: string;
  text: string;
}

export interface PhaseReport {
  /** One result per submitted order, in the order given. */
  results: OrderResult[];
  /** What the rules did without an order: disbands of units that could not retreat, civil disorder. */
  automatic: OrderResult[];
  /** The next phase to play, with phases that need no decision skipped. */
  next: Turn;
  /** Centre ownership was updated (the end of a fall turn). */
  centresUpdated: boolean;
}

/**
 * The context order checking needs for this phase; with `memo`, it remembers every order text it
 * checked (the game engine reads each order when it is validated, applied and adjudicated).
 */
export function phaseContext(turn: Turn, memo = true): PhaseContext {
  const owner = turn.phase.type === 'adjustment' ? ownerTable(turn.centres) : NO_OWNERS;
  return {
    phase: turn.phase.type,
    board: boardOf(turn.units),
    dislodged: turn.dislodged,
    owner,
    adjust: turn.phase.type === 'adjustment' ? adjustmentDeltas(turn.units, turn.centres) : POWERS.map(() => 0),
    ...(memo ? { checked: POWERS.map(() => new Map()) } : {}),
  };
}

/** Centre owners matter to orders only in winter (builds); other phases share this empty table. */
const NO_OWNERS = new Int8Array(NUM_PROVINCES).fill(-1);

interface Accepted {
  index: number;
  power: Power;
  checked: CheckedOrder;
}

/** Parses and checks every order; the last legal order for a slot wins, earlier ones are void. */
function accept(
  ctx: PhaseContext,
  orders: readonly SubmittedOrder[],
  results: OrderResult[],
  dedupe: (a: Accepted) => string | null,
) {
  const bySlot = new Map<string, Accepted>();
  const accepted: Accepted[] = [];
  orders.forEach((o, index) => {
    const power = o.power as Power;
    const base = { power, text: o.text };
    if (!(POWERS as readonly string[]).includes(o.power)) {
      results[index] = { ...base, result: 'void', reason: `no power '${o.power}'` };
      return;
    }
    const r = checkOrderText(ctx, power, o.text);
    if (!r.ok) {
      results[index] = { ...base, result: 'void', reason: r.error.message };
      return;
    }
    if (r.checked.order.kind === 'vote-draw') {
      results[index] = { ...base, result: 'void', reason: 'a draw vote is not a board order' };
      return;
    }
    const a = { index, power, checked: r.checked };
    const key = dedupe(a);
    if (key !== null) {
      const earlier = bySlot.get(key);
      if (earlier)
        results[earlier.index] = {
          power: earlier.power,
          text: orders[earlier.index]!.text,
          result: 'void',
          reason: 'replaced by a later order for the same unit',
        };
      bySlot.set(key, a);
    }
    accepted.push(a);
  });
  return accepted.filter((a) => results[a.index] === undefined);
}

// Scratch for reading a movement phase's orders, read within one synchronous call (a board has
// at most one unit per province); typed arrays of this size are slow allocations outside V8's heap.
const scratchKeys = new Int32Array(NUM_PROVINCES);
const scratchIndex = new Int32Array(NUM_PROVINCES);

/**
 * The orders of a movement phase as adjudication reads them: one typed order per unit of the
 * board (-1 holds), read as `accept` reads them (void if illegal; the last legal one per unit counts).
 */
function movementOrders(ctx: PhaseContext, orders: readonly SubmittedOrder[], results: OrderResult[]) {
  const n = ctx.board.units.length;
  const keys = scratchKeys.fill(-1, 0, n);
  const indexOfUnit = scratchIndex.fill(-1, 0, n);
  for (let index = 0; index < orders.length; index++) {
    const o = orders[index]!;
    const power = o.power as Power;
    const me = powerIndexOf(power);
    if (me < 0) {
      results[index] = { power, text: o.text, result: 'void', reason: `no power '${o.power}'` };
      continue;
    }
    const r = readMovementOrderOf(ctx, me, o.text);
    if (typeof r !== 'number') {
      const reason = r.ok ? 'a draw vote is not a board order' : r.error.message;
      results[index] = { power, text: o.text, result: 'void', reason };
      continue;
    }
    const u = packedHigh(r);
    const earlier = indexOfUnit[u]!;
    if (earlier >= 0) {
      const e = orders[earlier]!;
      results[earlier] = {
        power: e.power as Power,
        text: e.text,
        result: 'void',
        reason: 'replaced by a later order for the same unit',
      };
    }
    indexOfUnit[u] = index;
    keys[u] = packedKey(r);
  }
  return { keys, indexOfUnit, n };
}

/** The adjudicator's decisions, unit by unit, for a movement phase played with `orders` (see MovementFacts). */
export function explainMovement(turn: Turn, orders: readonly SubmittedOrder[]): MovementFacts {
  if (turn.phase.type !== 'movement') throw new Error(`not a movement phase: ${turn.phase.type}`);
  const ctx = phaseContext(turn);
  const { keys } = movementOrders(ctx, orders, new Array(orders.length));
  return movementFacts(ctx.board, keys);
}

/**
 * Plays one phase. `ctx` may pass in `phaseContext(turn)` when the caller has it already; made
 * here, it keeps no memo, as each order is read once.
 */
export function processPhase(
  turn: Turn,
  orders: readonly SubmittedOrder[],
  ctx: PhaseContext = phaseContext(turn, false),
): PhaseReport {
  const results: OrderResult[] = new Array(orders.length);
  const automatic: OrderResult[] = [];
  const { phase } = turn;

  if (phase.type === 'movement') {
    const { keys, indexOfUnit, n } = movementOrders(ctx, orders, results);
    const outcome = runMovement(ctx.board, keys);
    for (let u = 0; u < n; u++) {
      const i = indexOfUnit[u]!;
      if (i >= 0) {
        const r = outcome.results[u]!;
        results[i] = { power: orders[i]!.power as Power, text: orders[i]!.text, result: r.result, reason: r.reason };
      }
    }
    for (const d of outcome.destroyed) automatic.push(disbanded(d, 'dislodged with no retreat'));
    if (outcome.dislodged.length > 0) {
      const retreat: Phase = { ...phase, type: 'retreat' };
      const next: Turn = { phase: retreat, units: outcome.units, dislodged: sortUnits(outcome.dislodged), centres: turn.centres };
      return { results, automatic, next, centresUpdated: false };
    }
    return endOfSeason(results, automatic, phase, outcome.units, turn.centres);
  }

  if (phase.type === 'retreat') {
    const accepted = accept(ctx, orders, results, (a) => a.checked.slot);
    const retreatOrders = accepted.map((a) => {
      const o = a.checked.order as { kind: string; to?: string; unit: { loc: string } };
      return {
        unit: turn.dislodged.findIndex((d) => d.province === o.unit.loc),
        to: o.kind === 'retreat' ? (o.to as string) : null,
      };
    });
    const outcome = resolveRetreats(turn.dislodged, retreatOrders);
    accepted.forEach((a, k) => {
      results[a.index] = { power: a.power, text: orders[a.index]!.text, ...outcome.results[k]! };
    });
    for (const i of outcome.unordered) automatic.push(disbanded(turn.dislodged[i]!, 'no retreat ordered'));
    return endOfSeason(results, automatic, phase, sortUnits([...turn.units, ...outcome.arrived]), turn.centres);
  }

  // Adjustments, handled one by one in the order given.
  const accepted = accept(ctx, orders, results, (a) => (a.checked.order.kind === 'waive' ? null : a.checked.slot));
  const remaining = [...ctx.adjust];
  const removed = new Set<string>();
  const built: Unit[] = [];
  const builtAt = new Set<string>();
  for (const a of accepted) {
    const o = a.checked.order;
    const me = POWER_INDEX[a.power];
    const base = { power: a.power, text: orders[a.index]!.text };
    if (o.kind === 'build' || o.kind === 'waive') {
      if (remaining[me]! <= 0) results[a.index] = { ...base, result: 'void', reason: 'no builds left' };
      else if (o.kind === 'build' && builtAt.has(a.checked.slot))
        results[a.index] = { ...base, result: 'void', reason: 'already built there' };
      else {
        remaining[me]!--;
        if (o.kind === 'build') {
          built.push({ power: a.power, type: o.unit.type!, province: o.unit.loc });
          builtAt.add(a.checked.slot);
        }
        results[a.index] = { ...base, result: 'succeeds', reason: o.kind === 'build' ? 'built' : 'waived' };
      }
    } else if (o.kind === 'disband') {
      if (remaining[me]! >= 0) results[a.index] = { ...base, result: 'void', reason: 'no more disbands needed' };
      else {
        remaining[me]!++;
        removed.add(a.checked.slot);
        results[a.index] = { ...base, result: 'succeeds', reason: 'disbanded' };
      }
    }
  }
  POWERS.forEach((power, i) => {
    if (remaining[i]! >= 0) return;
    const candidates = turn.units.filter((u) => u.power === power && !removed.has(u.province.slice(0, 3)));
    for (const u of civilDisorderDisbands(candidates, -remaining[i]!)) {
      removed.add(u.province.slice(0, 3));
      automatic.push(disbanded(u, 'civil disorder: farthest from home'));
    }
  });
  const units = sortUnits([...turn.units.filter((u) => !removed.has(u.province.slice(0, 3))), ...built]);
  const next: Turn = {
    phase: { season: 'spring', year: phase.year + 1, type: 'movement' },
    units,
    dislodged: [],
    centres: turn.centres,
  };
  return { results, automatic, next, centresUpdated: false };
}

/**
 * The report of a season's movement (and retreats) that leaves no retreat to play: centres change
 * hands in the fall, then winter or the next spring. Objects written out, not spread: this runs
 * every phase.
 */
function endOfSeason(
  results: OrderResult[],
  automatic: OrderResult[],
  { season, year }: Phase,
  units: Unit[],
  centres: CentreOwner[],
): PhaseReport {
  if (season === 'spring') {
    const next: Turn = { phase: { season: 'fall', year, type: 'movement' }, units, dislodged: [], centres };
    return { results, automatic, next, centresUpdated: false };
  }
  const owned = updateOwnership(units, centres);
  const needsWinter = adjustmentDeltas(units, owned).some((d) => d !== 0);
  const phase: Phase = needsWinter
    ? { season: 'winter', year, type: 'adjustment' }
    : { season: 'spring', year: year + 1, type: 'movement' };
  return { results, automatic, next: { phase, units, dislodged: [], centres: owned }, centresUpdated: true };
}

function disbanded(u: Unit, reason: string): OrderResult {
  return {
    power: u.power,
    text: formatOrder({ kind: 'disband', unit: { type: u.type, loc: u.province } }),
    result: 'succeeds',
    reason,
  };
}

/**
 * A copy sorted by province. An insertion sort: units come from a sorted board with a few moved,
 * so the list is nearly in order, and this runs twice a phase. Provinces are unique on a board,
 * so the order is the one any sort by province gives.
 */
export function sortUnits<T extends Unit>(units: T[]): T[] {
  const out = units.slice();
  for (let i = 1; i < out.length; i++) {
    const u = out[i]!;
    const p = u.province;
    let j = i - 1;
    while (j >= 0 && out[j]!.province > p) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = u;
  }
  return out;
}
