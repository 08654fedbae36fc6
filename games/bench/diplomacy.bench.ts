/**
 * Diplomacy benchmarks.
 *
 * 1. Movement adjudications per second on mid-game positions: 64 positions of 28–34 units taken
 *    from seeded random games, each with 16 sets of random legal orders, all compiled to the
 *    adjudicator's input up front; only `adjudicateMovement` is timed.
 * 2. `processPhase` (orders as text: read, checked, adjudicated, turned into results and the next
 *    position) against `adjudicateMovement` alone, on the same phases, side by side. Issue 19's
 *    target: within 2x. The phases come sixteen to a position, and processPhase indexes a position
 *    once for consecutive calls on it; a second row plays them interleaved, so every call indexes
 *    a new position, as a one-off adjudication (a DATC case, an analysis) does. (The Game
 *    interface hands processPhase the board it indexed to list the legal orders.)
 * 3. Full random games per second (to the end of 1920) through the Game interface, seven bots
 *    picking each unit's order uniformly from its legal orders. Issue 19's target, on one core:
 *    200 games/s; on a shared machine the CPU-time rate is the one-core figure.
 *
 * With `--base=DIR` (another checkout's `games` folder, e.g. main's), 2 and 3 also run that
 * engine, round by round beside this one, so a change is measured against its base under the
 * same load.
 */
import { createRng, deriveSeed } from '../src/core/rng';
import { adjudicateMovement, type MovementInput } from '../src/diplomacy/adjudicate';
import { type DiplomacyState, diplomacy, legalOrders } from '../src/diplomacy/game';
import { POWERS } from '../src/diplomacy/map';
import { compileMovement } from '../src/diplomacy/movement';
import { checkOrderText } from '../src/diplomacy/orders-check';
import { type DiplomacyEngine, playGame, playPhase, randomOrders } from '../src/diplomacy/testing/random-play';
import { phaseContext, processPhase, type SubmittedOrder, type Turn } from '../src/diplomacy/turn';
import type { Power } from '../src/diplomacy/types';
import { baseEngine } from './diplomacy-base';
import { compare, measure, type Variant } from './harness';

const here: DiplomacyEngine = { diplomacy, legalOrders, POWERS, createRng, processPhase };
const base = await baseEngine(process.argv);

// --- prepare mid-game movement phases -------------------------------------------------------
const POSITIONS = 64;
const ORDER_SETS = 16;
type PhaseOrders = { turn: Turn; orders: SubmittedOrder[] };

/**
 * The benchmark's phases, played by engine `e` (each engine reads back the texts it printed
 * itself, as it would in a game); every engine plays the same seeds to the same phases.
 */
function preparePhases(e: DiplomacyEngine): PhaseOrders[] {
  const out: PhaseOrders[] = [];
  for (let g = 0; out.length < POSITIONS * ORDER_SETS; g++) {
    const rng = e.createRng(deriveSeed(7, 'bench-positions', g));
    let s: DiplomacyState = e.diplomacy.newInitialState({ lastYear: 1915 });
    while (!e.diplomacy.isTerminal(s) && !(s.phase.type === 'movement' && s.phase.year >= 1904 && s.units.length >= 28)) {
      s = playPhase(e, s, rng);
    }
    if (e.diplomacy.isTerminal(s)) continue;
    for (let k = 0; k < ORDER_SETS; k++) {
      const texts = randomOrders(e, s, rng).filter(([, text]) => text !== 'VOTE DRAW');
      out.push({
        turn: { phase: s.phase, units: s.units, dislodged: s.dislodged, centres: s.centres },
        orders: texts.map(([seat, text]) => ({ power: POWERS[seat]!, text })),
      });
    }
  }
  return out;
}

const phases = preparePhases(here);
const basePhases = base ? preparePhases(base) : [];
const inputs: MovementInput[] = [];
let unitsTotal = 0;
for (const { turn, orders } of phases) {
  const ctx = phaseContext(turn);
  const perUnit = ctx.board.units.map(() => null as ReturnType<typeof checkOrderText> | null);
  for (const { power, text } of orders) {
    const r = checkOrderText(ctx, power as Power, text);
    if (!r.ok) throw new Error(`bench: generated an illegal order ${text}`);
    const u = ctx.board.units.findIndex((x) => x.province.slice(0, 3) === r.checked.slot);
    perUnit[u] = r;
  }
  inputs.push(
    compileMovement(
      ctx.board,
      perUnit.map((r) => (r?.ok ? r.checked : null)),
    ),
  );
  unitsTotal += ctx.board.units.length;
}
console.log(`prepared ${inputs.length} movement phases, ${(unitsTotal / inputs.length).toFixed(1)} units on average`);

// Each round adjudicates every prepared phase 20 times (about 0.1 s), so one busy moment moves few rounds.
const REPEAT = 20;
measure(
  'diplomacy: movement adjudications (28-34 units)',
  'phase',
  () => {
    for (let r = 0; r < REPEAT; r++) for (const input of inputs) adjudicateMovement(input);
    return inputs.length * REPEAT;
  },
  { rounds: 11 },
);

/** The same phases in another order: each set of orders of each position in turn, so no two calls in a row share a position. */
const interleaved = (list: readonly PhaseOrders[]): PhaseOrders[] =>
  Array.from({ length: list.length }, (_, i) => list[(i % POSITIONS) * ORDER_SETS + Math.floor(i / POSITIONS)]!);

const processVariant = (label: string, e: DiplomacyEngine, list: readonly PhaseOrders[]): Variant => ({
  label,
  body: () => {
    for (let r = 0; r < 4; r++) for (const p of list) e.processPhase(p.turn, p.orders);
    return list.length * 4;
  },
});
await compare(
  'diplomacy: the same movement phases, orders as text vs compiled',
  'phase',
  [
    {
      label: 'adjudicateMovement',
      body: () => {
        for (let r = 0; r < 4; r++) for (const input of inputs) adjudicateMovement(input);
        return inputs.length * 4;
      },
    },
    processVariant('processPhase', here, phases),
    ...(base ? [processVariant('processPhase (base)', base, basePhases)] : []),
    processVariant('processPhase, a new position each call', here, interleaved(phases)),
    ...(base ? [processVariant('processPhase, a new position each call (base)', base, interleaved(basePhases))] : []),
  ],
  { rounds: 7 },
);

// Ten games a round (about a tenth of a second): with fewer, one busy moment of a shared
// machine moves the median. Every variant plays the same seeds.
const gamesVariant = (label: string, e: DiplomacyEngine): Variant => {
  let seed = 0;
  return {
    label,
    body: () => {
      const games = 10;
      for (let i = 0; i < games; i++) playGame(e, deriveSeed(11, 'bench-games', seed++), 1920);
      return games;
    },
  };
};
if (base) {
  await compare(
    'diplomacy: random games to 1920 (Game interface), this checkout vs base',
    'game',
    [gamesVariant('this', here), gamesVariant('base', base)],
    { rounds: 9, warmup: 2 },
  );
} else {
  const v = gamesVariant('this', here);
  measure('diplomacy: random games to 1920 (Game interface)', 'game', () => v.body() as number, { rounds: 7, warmup: 2 });
}
