/**
 * Diplomacy benchmarks.
 *
 * 1. Movement adjudications per second on mid-game positions: 64 positions of 28–34 units taken
 *    from seeded random games, each with 16 sets of random legal orders, all compiled to the
 *    adjudicator's input up front; only `adjudicateMovement` is timed.
 * 2. `processPhase` (orders as text: read, checked, adjudicated, turned into results and the next
 *    position) against `adjudicateMovement` alone, on the same phases, side by side.
 * 3. Full random games per second (to the end of 1920) through the Game interface, seven bots
 *    picking each unit's order uniformly from its legal orders.
 */
import { createRng, deriveSeed, type Rng } from '../src/core/rng';
import { adjudicateMovement, type MovementInput } from '../src/diplomacy/adjudicate';
import { type DiplomacyState, diplomacy, legalOrders } from '../src/diplomacy/game';
import { POWERS } from '../src/diplomacy/map';
import { compileMovement } from '../src/diplomacy/movement';
import { checkOrderText } from '../src/diplomacy/orders-check';
import { phaseContext, processPhase, type SubmittedOrder, type Turn } from '../src/diplomacy/turn';
import { compare, measure } from './harness';

/** One random order per slot for every acting power, as [seat, order] pairs. */
function randomOrders(s: DiplomacyState, rng: Rng): [number, string][] {
  const orders: [number, string][] = [];
  for (const seat of diplomacy.actingSeats(s)) {
    for (const group of legalOrders(s, POWERS[seat]!)) {
      if (group.choose === 1) {
        orders.push([seat, rng.pick(group.orders)]);
        continue;
      }
      const pool = [...group.orders];
      for (let k = 0; k < group.choose; k++) {
        const order = rng.pick(pool);
        orders.push([seat, order]);
        if (order !== 'WAIVE') {
          const slot = order.split(' ')[1]!.slice(0, 3);
          for (let i = pool.length - 1; i >= 0; i--)
            if (pool[i] !== 'WAIVE' && pool[i]!.split(' ')[1]!.slice(0, 3) === slot) pool.splice(i, 1);
        }
      }
    }
  }
  return orders;
}

function playPhase(s: DiplomacyState, rng: Rng): DiplomacyState {
  for (const [seat, order] of randomOrders(s, rng)) s = diplomacy.applyAction(s, seat, order);
  return s;
}

function playGame(seed: number, lastYear: number): number {
  const rng = createRng(seed);
  let s = diplomacy.newInitialState({ lastYear });
  let phases = 0;
  while (!diplomacy.isTerminal(s)) {
    s = playPhase(s, rng);
    phases++;
  }
  return phases;
}

// --- prepare mid-game movement phases -------------------------------------------------------
const POSITIONS = 64;
const ORDER_SETS = 16;
const inputs: MovementInput[] = [];
const phases: { turn: Turn; orders: SubmittedOrder[] }[] = [];
let unitsTotal = 0;
for (let g = 0; inputs.length < POSITIONS * ORDER_SETS; g++) {
  const rng = createRng(deriveSeed(7, 'bench-positions', g));
  let s = diplomacy.newInitialState({ lastYear: 1915 });
  while (!diplomacy.isTerminal(s) && !(s.phase.type === 'movement' && s.phase.year >= 1904 && s.units.length >= 28)) {
    s = playPhase(s, rng);
  }
  if (diplomacy.isTerminal(s)) continue;
  const ctx = phaseContext({ phase: s.phase, units: s.units, dislodged: s.dislodged, centres: s.centres });
  for (let k = 0; k < ORDER_SETS; k++) {
    const perUnit = ctx.board.units.map(() => null as ReturnType<typeof checkOrderText> | null);
    const texts = randomOrders(s, rng).filter(([, text]) => text !== 'VOTE DRAW');
    phases.push({
      turn: { phase: s.phase, units: s.units, dislodged: s.dislodged, centres: s.centres },
      orders: texts.map(([seat, text]) => ({ power: POWERS[seat]!, text })),
    });
    for (const [seat, text] of texts) {
      const r = checkOrderText(ctx, POWERS[seat]!, text);
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
    {
      label: 'processPhase',
      body: () => {
        for (let r = 0; r < 4; r++) for (const p of phases) processPhase(p.turn, p.orders);
        return phases.length * 4;
      },
    },
  ],
  { rounds: 7 },
);

let gameSeed = 0;
measure(
  'diplomacy: random games to 1920 (Game interface)',
  'game',
  () => {
    // Ten games a round (about a tenth of a second): with fewer, one busy moment of a shared
    // machine moves the median.
    const games = 10;
    for (let i = 0; i < games; i++) playGame(deriveSeed(11, 'bench-games', gameSeed++), 1920);
    return games;
  },
  { rounds: 7, warmup: 2 },
);
