/**
 * Diplomacy on the generic `Game` interface: seven powers ordering simultaneously, one order
 * per action.
 *
 * Seats are the powers in the classic (alphabetical) order: 0 austria, 1 england, 2 france,
 * 3 germany, 4 italy, 5 russia, 6 turkey. In each phase every power with something to decide is
 * in `actingSeats` until its slots are filled: in movement one order per unit, in retreats one
 * retreat or disband per dislodged unit, in adjustments one build or WAIVE per build allowed, or
 * one disband per disband required. When the last slot of the last power is filled the phase is
 * adjudicated (turn.ts) and play moves to the next phase that needs a decision.
 *
 * Draws. In a movement phase a power may also play `VOTE DRAW` among its orders (it fills no
 * slot, so it must come before the power's last order). If, when the phase closes, every power
 * that has units has voted, the game ends in a draw and that phase's orders are not carried out.
 * Votes are secret until the phase closes, then public (`lastPhase.drawVotes`).
 *
 * End and scoring. A power owning 18 centres at the end of a fall turn wins alone: it scores 1,
 * the others 0. With `lastYear` set, the game ends after that year's winter (or its fall, if no
 * winter is needed). A draw, voted or at the last year, is scored by draw size: every surviving
 * power (one owning a centre or a unit) scores 1/n, the others 0. Returns are 0 until the end.
 *
 * Views. Orders given this phase are private: a power sees its own, as `"france: A PAR - BUR"`
 * (the power named so that the string is unique to it), spectators and other powers see none.
 * Everyone sees the board, the phase, and the previous phase's orders with their results.
 * `infoStateKey` is the seat, the public board and phase, and the seat's own pending orders: the
 * full history is not part of it (perfect recall would make every key unique and help nobody).
 */
import { z } from 'zod';
import { type ActionError, type Actor, actionError, type Game, type Seat } from '../core/game';
import { parseWith } from '../core/params';
import { adjustmentDeltas, civilDisorderDisbands } from './adjustments';
import { validateCommitment } from './commitments';
import { POWER_INDEX, POWERS, STANDARD_MAP, VICTORY_CENTRES } from './map';
import { checkOrderText, type PhaseContext } from './orders-check';
import { legalOrderGroups, listedMovementKey, type OrderGroup, sortOrders } from './orders-legal';
import { formatPhaseCode, parsePhaseCode } from './phase-code';
import { phaseContext, processPhase, type Turn } from './turn';
import type { CentreOwner, DislodgedUnit, OrderResult, Phase, Power, Unit } from './types';

export interface DiplomacyParams {
  /** Last year played: the game ends after its winter adjustments. null plays until a win or a draw. */
  lastYear: number | null;
}

export type DiplomacyOutcome = { kind: 'solo'; winner: Power } | { kind: 'draw'; powers: Power[]; reason: 'vote' | 'last-year' };

export interface DiplomacyState {
  lastYear: number | null;
  phase: Phase;
  units: Unit[];
  /** Retreat phase: units waiting to retreat, with where each may go. */
  dislodged: DislodgedUnit[];
  centres: CentreOwner[];
  /** Adjustment phase: builds allowed (> 0) or disbands required (< 0), per seat. */
  adjust: number[];
  /** How many orders each seat gives this phase (units, dislodged units, or builds/disbands). Public. */
  ordersDue: number[];
  /** Orders given so far this phase (canonical text), per seat. Private to each seat. */
  pending: string[][];
  /** Draw votes cast this phase, per seat. Private until the phase closes. */
  drawVotes: boolean[];
  /** The phase just played: every order with its result, and who voted for a draw. Public. */
  lastPhase: { phase: Phase; orders: OrderResult[]; drawVotes: Power[] } | null;
  outcome: DiplomacyOutcome | null;
}

const paramsSchema = z.object({ lastYear: z.number().int().min(1901).nullable().default(null) }).strict();

const NONE: readonly string[] = [];

// Legal orders depend only on the board, which is shared (by reference) by every state of a
// phase; they are computed once per phase and cached against it.
interface PhaseCache {
  units: Unit[];
  phase: Phase;
  ctx: PhaseContext;
  groups: Map<Power, OrderGroup[]>;
  /** Movement and retreats: every order of a power (and VOTE DRAW), sorted, in runs per unit. */
  merged: Map<Power, Merged>;
}
/**
 * A power's orders in one sorted list: each unit's orders are a run (`starts[g]` to
 * `starts[g + 1]`), runs ordered by unit label; VOTE DRAW, if offered, is last.
 */
interface Merged {
  orders: string[];
  /** The slot (province) each run fills, and where each run starts; one more start closes the last. */
  slots: string[];
  starts: number[];
}
/**
 * The phases last played, most recent first: a game loop asks about one phase at a time, a search
 * about a few. A small list rather than a WeakMap: a WeakMap entry per phase makes every garbage
 * collection slower, and the list holds at most RECENT phases' tables alive.
 */
const RECENT = 8;
const recent: PhaseCache[] = [];

function phaseCache(s: DiplomacyState): PhaseCache {
  const first = recent[0];
  if (first !== undefined && first.units === s.units && first.phase === s.phase) return first;
  for (let i = 1; i < recent.length; i++) {
    const c = recent[i]!;
    if (c.units === s.units && c.phase === s.phase) {
      recent.splice(i, 1);
      recent.unshift(c);
      return c;
    }
  }
  const ctx = phaseContext({ phase: s.phase, units: s.units, dislodged: s.dislodged, centres: s.centres });
  const c: PhaseCache = { units: s.units, phase: s.phase, ctx, groups: new Map(), merged: new Map() };
  recent.unshift(c);
  if (recent.length > RECENT) recent.pop();
  return c;
}

function groupsOf(s: DiplomacyState, power: Power): OrderGroup[] {
  const c = phaseCache(s);
  let g = c.groups.get(power);
  if (!g) {
    g = legalOrderGroups(c.ctx, power);
    c.groups.set(power, g);
  }
  return g;
}

/** Every legal order of `power` in this phase, grouped per unit (or one group of builds). Pending orders are ignored. */
export function legalOrders(s: DiplomacyState, power: Power): OrderGroup[] {
  return s.outcome ? [] : groupsOf(s, power);
}

/** The slot an accepted order fills: its unit's (or build's) province, or WAIVE. */
const slotOf = (text: string): string => (text === 'WAIVE' ? 'WAIVE' : (text.split(' ')[1] ?? '').slice(0, 3).toLowerCase());

function ordersDue(phase: Phase, units: readonly Unit[], dislodged: readonly Unit[], adjust: readonly number[]): number[] {
  if (phase.type === 'adjustment') return POWERS.map((_, seat) => Math.abs(adjust[seat] ?? 0));
  // One pass over the units, not one per power: this runs every phase.
  const due = POWERS.map(() => 0);
  for (const u of phase.type === 'movement' ? units : dislodged) due[POWER_INDEX[u.power]]!++;
  return due;
}

const slotsLeft = (s: DiplomacyState, seat: Seat) => (s.ordersDue[seat] ?? 0) - (s.pending[seat]?.length ?? 0);

function newState(
  turn: Turn,
  lastYear: number | null,
  lastPhase: DiplomacyState['lastPhase'],
  outcome: DiplomacyOutcome | null,
): DiplomacyState {
  const adjust = turn.phase.type === 'adjustment' ? adjustmentDeltas(turn.units, turn.centres) : POWERS.map(() => 0);
  return {
    lastYear,
    phase: turn.phase,
    units: turn.units,
    dislodged: turn.dislodged,
    centres: turn.centres,
    adjust,
    ordersDue: outcome ? POWERS.map(() => 0) : ordersDue(turn.phase, turn.units, turn.dislodged, adjust),
    pending: POWERS.map(() => []),
    drawVotes: POWERS.map(() => false),
    lastPhase,
    outcome,
  };
}

/** A game state at any position (a phase, its units, dislodged units and centres), for puzzles, tests and tools. */
export function stateFromPosition(position: Turn, params: DiplomacyParams = { lastYear: null }): DiplomacyState {
  return newState(position, params.lastYear, null, null);
}

function survivors(units: readonly Unit[], centres: readonly CentreOwner[]): Power[] {
  return POWERS.filter((p) => units.some((u) => u.power === p) || centres.some((c) => c.power === p));
}

/** Closes the phase: adjudicates every pending order and moves on (or ends the game). */
function closePhase(s: DiplomacyState): DiplomacyState {
  const voters = POWERS.filter((_, i) => s.drawVotes[i]);
  const orders: { power: Power; text: string }[] = [];
  for (let seat = 0; seat < POWERS.length; seat++)
    for (const text of s.pending[seat]!) orders.push({ power: POWERS[seat]!, text });
  const turn: Turn = { phase: s.phase, units: s.units, dislodged: s.dislodged, centres: s.centres };
  // Without a vote only a board with no units at all could be a draw by vote (every power with
  // units voted, vacuously); the check is skipped otherwise, as it runs every phase.
  if (s.phase.type === 'movement' && (voters.length > 0 || s.units.length === 0)) {
    const withUnits = POWERS.filter((p) => s.units.some((u) => u.power === p));
    if (withUnits.every((p) => voters.includes(p))) {
      const void_ = orders.map((o) => ({ ...o, result: 'void' as const, reason: 'draw agreed' }));
      const outcome: DiplomacyOutcome = { kind: 'draw', powers: survivors(s.units, s.centres), reason: 'vote' };
      return newState(turn, s.lastYear, { phase: s.phase, orders: void_, drawVotes: voters }, outcome);
    }
  }
  const report = processPhase(turn, orders, phaseCache(s).ctx);
  const lastPhase = { phase: s.phase, orders: [...report.results, ...report.automatic], drawVotes: voters };
  const next = report.next;
  let outcome: DiplomacyOutcome | null = null;
  if (report.centresUpdated) {
    const winner = POWERS.find((p) => next.centres.filter((c) => c.power === p).length >= VICTORY_CENTRES);
    if (winner) outcome = { kind: 'solo', winner };
  }
  if (!outcome && s.lastYear !== null && next.phase.year > s.lastYear) {
    outcome = { kind: 'draw', powers: survivors(next.units, next.centres), reason: 'last-year' };
  }
  return newState(next, s.lastYear, lastPhase, outcome);
}

function validate(s: DiplomacyState, actor: Actor, action: string): ActionError | null {
  if (s.outcome) return actionError('action/game-over', 'The game is over.');
  if (actor === 'chance' || typeof actor !== 'number' || !POWERS[actor])
    return actionError('action/not-a-seat', 'Only the seven powers (seats 0-6) act in Diplomacy; it has no chance moves.');
  const power = POWERS[actor]!;
  if (slotsLeft(s, actor) <= 0) {
    return actionError('action/not-acting', `${power} has no orders to give in this phase (or has given them all).`);
  }
  if (typeof action !== 'string') return actionError('order/syntax', 'An order must be text.');
  const checked = checkOrderText(phaseCache(s).ctx, power, action);
  if (!checked.ok) return checked.error;
  const { text, slot } = checked.checked;
  if (text === 'VOTE DRAW')
    return s.drawVotes[actor] ? actionError('order/already-voted', `${power} has already voted for a draw this phase.`) : null;
  if (slot !== 'WAIVE') {
    const at = usedSlots(s, actor).indexOf(slot);
    const earlier = at < 0 ? undefined : s.pending[actor]![at];
    if (earlier) {
      return actionError(
        s.phase.type === 'adjustment' && !earlier.endsWith(' D') ? 'order/already-built' : 'order/already-ordered',
        `${slot.toUpperCase()} already has an order this phase: ${earlier}.`,
        { order: earlier },
      );
    }
  }
  return null;
}

/** `{ ...s, pending }`, written out: an object spread is several times slower, once per order. */
function withPending(s: DiplomacyState, pending: string[][]): DiplomacyState {
  return {
    lastYear: s.lastYear,
    phase: s.phase,
    units: s.units,
    dislodged: s.dislodged,
    centres: s.centres,
    adjust: s.adjust,
    ordersDue: s.ordersDue,
    pending,
    drawVotes: s.drawVotes,
    lastPhase: s.lastPhase,
    outcome: s.outcome,
  };
}

function apply(s: DiplomacyState, actor: Actor, action: string): DiplomacyState {
  const seat = actor as Seat;
  const ctx = phaseCache(s).ctx;
  // An order listed this phase is its own canonical text: no check result is built for it.
  let text = action;
  if (listedMovementKey(ctx, seat, action) < 0) {
    const checked = checkOrderText(ctx, POWERS[seat]!, action);
    if (!checked.ok) throw new Error(`diplomacy: applyAction on an invalid order '${action}': ${checked.error.message}`);
    if (checked.checked.text === 'VOTE DRAW') return { ...s, drawVotes: s.drawVotes.map((v, i) => v || i === seat) };
    text = checked.checked.text;
  }
  const pending = s.pending.slice();
  pending[seat] = [...pending[seat]!, text];
  const next = withPending(s, pending);
  for (let i = 0; i < POWERS.length; i++) if (slotsLeft(next, i) > 0) return next;
  return closePhase(next);
}

/**
 * Every order text starts with its unit's label (`A PAR `), and two units' labels differ within
 * their first five characters, so sorting the runs by label sorts the whole list: no string sort
 * of hundreds of orders per power and phase. `VOTE DRAW` sorts after every `A …` and `F …`.
 */
function mergedOf(s: DiplomacyState, power: Power): Merged {
  const c = phaseCache(s);
  let m = c.merged.get(power);
  if (!m) {
    const groups = groupsOf(s, power)
      .slice()
      .sort((a, b) => (a.unit! < b.unit! ? -1 : 1));
    const orders: string[] = [];
    const slots: string[] = [];
    const starts: number[] = [];
    for (const g of groups) {
      slots.push(g.slot);
      starts.push(orders.length);
      for (const o of g.orders) orders.push(o);
    }
    starts.push(orders.length);
    if (s.phase.type === 'movement') orders.push('VOTE DRAW');
    m = { orders, slots, starts };
    c.merged.set(power, m);
  }
  return m;
}

/** The slot each pending order of `seat` filled (read from the phase's memo of checked orders). */
function usedSlots(s: DiplomacyState, seat: Seat): string[] {
  const ctx = phaseCache(s).ctx;
  const power = POWERS[seat]!;
  return s.pending[seat]!.map((text) => {
    const r = checkOrderText(ctx, power, text);
    return r.ok ? r.checked.slot : slotOf(text);
  });
}

function legal(s: DiplomacyState, seat: Seat): readonly string[] {
  if (s.outcome || slotsLeft(s, seat) <= 0) return NONE;
  const power = POWERS[seat]!;
  const pending = s.pending[seat]!;
  if (s.phase.type !== 'adjustment') {
    // The phase's sorted list, less the runs of the units already ordered (and VOTE DRAW once voted).
    const { orders, slots, starts } = mergedOf(s, power);
    const voted = s.drawVotes[seat];
    if (pending.length === 0 && !voted) return orders;
    const used = usedSlots(s, seat);
    const out: string[] = [];
    for (let g = 0; g < slots.length; g++) {
      if (used.includes(slots[g]!)) continue;
      for (let i = starts[g]!; i < starts[g + 1]!; i++) out.push(orders[i]!);
    }
    if (s.phase.type === 'movement' && !voted) out.push('VOTE DRAW');
    return out;
  }
  const used = new Set(pending.map(slotOf));
  const out: string[] = [];
  for (const g of groupsOf(s, power)) {
    if (g.slot === 'builds' || g.slot === 'disbands') out.push(...g.orders.filter((o) => o === 'WAIVE' || !used.has(slotOf(o))));
    else if (!used.has(g.slot)) out.push(...g.orders);
  }
  return sortOrders(out);
}

function defaultFor(s: DiplomacyState, seat: Seat): string {
  if (s.outcome || slotsLeft(s, seat) <= 0) return '';
  const power = POWERS[seat]!;
  const used = new Set(s.pending[seat]!.map(slotOf));
  if (s.phase.type === 'adjustment') {
    if ((s.adjust[seat] ?? 0) > 0) return 'WAIVE';
    const left = s.units.filter((u) => u.power === power && !used.has(u.province.slice(0, 3)));
    const u = civilDisorderDisbands(left, 1)[0]!;
    return `${u.type} ${u.province.toUpperCase()} D`;
  }
  const list = s.phase.type === 'movement' ? s.units : s.dislodged;
  const u = list.find((x) => x.power === power && !used.has(x.province.slice(0, 3)))!;
  return `${u.type} ${u.province.toUpperCase()} ${s.phase.type === 'movement' ? 'H' : 'D'}`;
}

function publicView(s: DiplomacyState) {
  const centres = Object.fromEntries(POWERS.map((p) => [p, s.centres.filter((c) => c.power === p).map((c) => c.province)]));
  return {
    phase: s.phase,
    units: s.units,
    dislodged: s.dislodged,
    centres,
    adjustments: s.phase.type === 'adjustment' ? Object.fromEntries(POWERS.map((p, i) => [p, s.adjust[i] ?? 0])) : null,
    ordersDue: Object.fromEntries(POWERS.map((p, i) => [p, s.ordersDue[i] ?? 0])),
    lastPhase: s.lastPhase,
    outcome: s.outcome,
    lastYear: s.lastYear,
  };
}

const privateEntries = (s: DiplomacyState, seat: Seat): string[] => {
  const power = POWERS[seat]!;
  const entries = s.pending[seat]!.map((o) => `${power}: ${o}`);
  if (s.drawVotes[seat]) entries.push(`${power}: VOTE DRAW`);
  return entries;
};

function observation(s: DiplomacyState, seat: Seat) {
  return {
    power: POWERS[seat],
    ...publicView(s),
    ordersToGive: s.outcome ? 0 : Math.max(0, slotsLeft(s, seat)),
    pendingOrders: privateEntries(s, seat),
  };
}

/** What a power sees: the board, how many orders it still owes, and its own pending orders. */
export type DiplomacyObservation = ReturnType<typeof observation>;
/** What a spectator sees: the board, centres, adjustments and orders due, the last phase's results. */
export type DiplomacySpectatorView = ReturnType<typeof publicView>;

export const diplomacy: Game<DiplomacyState, DiplomacyParams, DiplomacyObservation, DiplomacySpectatorView> = {
  descriptor: {
    id: 'diplomacy',
    name: 'Diplomacy',
    minPlayers: 7,
    maxPlayers: 7,
    traits: { dynamics: 'simultaneous', chance: 'none', information: 'imperfect', utility: 'general-sum' },
    supports: {
      exports: ['diplomacy'],
      view: 'diplomacy-map',
      press: true,
      judge: true,
      seatNames: POWERS.map((p) => p[0]?.toUpperCase() + p.slice(1)),
      lengthParam: 'lastYear',
      // A person against two heuristic powers that negotiate and four random ones.
      defaultSeats: ['human', 'heuristic', 'heuristic', 'random', 'random', 'random', 'random'],
    },
    defaultParams: { lastYear: null },
    parseParams: (raw) => parseWith(paramsSchema as z.ZodType<DiplomacyParams>, raw),
    numPlayers: () => POWERS.length,
  },

  newInitialState(params) {
    const centres: CentreOwner[] = STANDARD_MAP.provinces
      .filter((p) => p.supplyCentre && p.home)
      .map((p) => ({ power: p.home as Power, province: p.id }));
    const units = [...STANDARD_MAP.startingUnits].sort((a, b) => (a.province < b.province ? -1 : 1));
    return stateFromPosition(
      { phase: { season: 'spring', year: 1901, type: 'movement' }, units, dislodged: [], centres },
      params,
    );
  },
  currentPlayer: (s) => (s.outcome ? 'terminal' : 'simultaneous'),
  /** The standard phase code, `S1901M`, `F1901R`, `W1901A`: a new one opens each round of orders. */
  turnKey: (s) => formatPhaseCode(s.phase),
  parseTurnKey: (text) => {
    const phase = parsePhaseCode(text);
    return phase ? formatPhaseCode(phase) : null;
  },
  roundClock: (s) => (s.phase.type === 'retreat' ? 'retreat' : s.phase.type === 'adjustment' ? 'adjust' : 'orders'),
  /** Powers negotiate before movement; retreats and adjustments follow without press. */
  negotiationPhase: (s) => s.outcome === null && s.phase.type === 'movement',
  validateCommitment,
  actingSeats: (s) => (s.outcome ? [] : POWERS.map((_, i) => i).filter((i) => slotsLeft(s, i) > 0)),
  legalActions: legal,
  validateAction: validate,
  applyAction: apply,
  chanceOutcomes: () => [],
  defaultAction: defaultFor,

  observation,
  spectatorView: publicView,
  infoStateKey: (s, seat) =>
    `${seat}|${JSON.stringify([s.phase, s.units, s.dislodged, s.centres, s.adjust, s.outcome, s.pending[seat], s.drawVotes[seat]])}`,
  privateValues: privateEntries,

  isTerminal: (s) => s.outcome !== null,
  returns(s) {
    const o = s.outcome;
    if (!o) return POWERS.map(() => 0);
    if (o.kind === 'solo') return POWERS.map((p) => (p === o.winner ? 1 : 0));
    return POWERS.map((p) => (o.powers.includes(p) ? 1 / o.powers.length : 0));
  },
  numPlayers: () => POWERS.length,
  standing(s) {
    const alive = survivors(s.units, s.centres);
    const winner = s.outcome?.kind === 'solo' ? POWERS.indexOf(s.outcome.winner) : null;
    return {
      year: s.phase.year,
      centres: POWERS.map((p) => s.centres.filter((c) => c.power === p).length),
      alive: POWERS.map((p) => alive.includes(p)),
      winner,
      totalCentres: STANDARD_MAP.provinces.filter((p) => p.supplyCentre).length,
    };
  },
};
