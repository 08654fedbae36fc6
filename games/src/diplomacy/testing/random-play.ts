/**
 * Random Diplomacy play for tests and benchmarks: each power picks every unit's order uniformly
 * from that unit's legal orders (builds and disbands likewise, without repeats; WAIVE may
 * repeat), so every kind of order, convoys included, comes up. Written against an engine passed
 * in rather than imported, so a benchmark can time this checkout's engine and another's side by side.
 */
import { createRng, type Rng } from '../../core/rng';
import { type DiplomacyState, diplomacy, legalOrders } from '../game';
import { POWERS } from '../map';
import type { OrderGroup } from '../orders-legal';
import { processPhase, type SubmittedOrder, type Turn } from '../turn';
import type { Power } from '../types';

/** What the random player needs of an engine: this checkout's, or another's with the same surface. */
export interface DiplomacyEngine {
  diplomacy: {
    newInitialState(params: { lastYear: number | null }): DiplomacyState;
    actingSeats(s: DiplomacyState): readonly number[];
    applyAction(s: DiplomacyState, seat: number, action: string): DiplomacyState;
    isTerminal(s: DiplomacyState): boolean;
  };
  legalOrders(s: DiplomacyState, power: Power): OrderGroup[];
  POWERS: readonly Power[];
  createRng(seed: number): Rng;
  processPhase(turn: Turn, orders: readonly SubmittedOrder[]): unknown;
}

/** This checkout's engine. */
export const ENGINE: DiplomacyEngine = { diplomacy, legalOrders, POWERS, createRng, processPhase };

/** One random order per slot for every acting power, as [seat, order] pairs. */
export function randomOrders(e: DiplomacyEngine, s: DiplomacyState, rng: Rng): [number, string][] {
  const orders: [number, string][] = [];
  for (const seat of e.diplomacy.actingSeats(s)) {
    for (const group of e.legalOrders(s, e.POWERS[seat]!)) {
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

export function playPhase(e: DiplomacyEngine, s: DiplomacyState, rng: Rng): DiplomacyState {
  for (const [seat, order] of randomOrders(e, s, rng)) s = e.diplomacy.applyAction(s, seat, order);
  return s;
}

/** Plays one seeded random game to the end of `lastYear`; returns the phases played. */
export function playGame(e: DiplomacyEngine, seed: number, lastYear: number): number {
  const rng = e.createRng(seed);
  let s = e.diplomacy.newInitialState({ lastYear });
  let phases = 0;
  while (!e.diplomacy.isTerminal(s)) {
    s = playPhase(e, s, rng);
    phases++;
  }
  return phases;
}
