/**
 * The plain-JSON shapes Diplomacy speaks at its boundaries: units, phases, centres, orders and
 * their results. Locations are lowercase ids, with a coast where a fleet needs one (`stp/sc`).
 */
import type { Power } from './map-data';

export type { Power } from './map-data';

export type UnitType = 'A' | 'F';
export type Season = 'spring' | 'fall' | 'winter';
export type PhaseType = 'movement' | 'retreat' | 'adjustment';

export interface Phase {
  season: Season;
  year: number;
  type: PhaseType;
}

export interface Unit {
  power: Power;
  type: UnitType;
  /** Location id: `par`, or `spa/nc` for a fleet on a coast. */
  province: string;
}

/** A unit dislodged in the movement phase, waiting to retreat to one of `retreats` or disband. */
export interface DislodgedUnit extends Unit {
  retreats: string[];
}

export interface CentreOwner {
  power: Power;
  province: string;
}

export type OrderOutcome = 'succeeds' | 'fails' | 'void';

export interface OrderResult {
  power: Power;
  text: string;
  result: OrderOutcome;
  /** Why, in a few words: `bounced`, `cut`, `dislodged`, `no convoy route`, or the reason an order is void. */
  reason: string;
}

/** A parsed order. Unit types may be missing when the text left them out (`LYO D`). */
export interface UnitSpec {
  type: UnitType | null;
  loc: string;
}

export type Order =
  | { kind: 'hold'; unit: UnitSpec }
  | { kind: 'move'; unit: UnitSpec; to: string; via: boolean }
  | { kind: 'support'; unit: UnitSpec; target: UnitSpec; to: string | null }
  | { kind: 'convoy'; unit: UnitSpec; target: UnitSpec; to: string }
  | { kind: 'retreat'; unit: UnitSpec; to: string }
  | { kind: 'disband'; unit: UnitSpec }
  | { kind: 'build'; unit: UnitSpec }
  | { kind: 'waive' }
  | { kind: 'vote-draw' };

export type OrderKind = Order['kind'];
