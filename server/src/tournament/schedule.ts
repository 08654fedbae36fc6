/**
 * Which matches a tournament plays: seatings, seeds and duplicate groups, derived only from the
 * spec, so a restarted run regenerates the same match ids and skips the finished ones.
 *
 * Seat rotation. A unit is one set of participants in a base seating; it is played in every
 * rotation of its seats, so each participant sits in each seat equally often (with
 * `rotateSeats: false`, round r plays rotation r mod k only). For k seats:
 * - round robin: every k-subset of the field (every pair in two-seat games), each rotated k
 *   ways; when the field is smaller than k, the seats are filled cyclically (seat s holds
 *   participant (s + j) mod N) and shifted N ways, so a small field fills seven Diplomacy seats;
 * - gauntlet: each challenger with k − 1 field members (cyclically, starting at each member in
 *   turn), rotated k ways; challengers never meet each other;
 * - population: each match seats k participants drawn uniformly with replacement from a seeded
 *   stream (self-play mirrors included);
 * - Swiss: pairings depend on results, see `swiss.ts`.
 *
 * Seeds and duplicate play. A match seed is derived from the tournament seed and the match's
 * place. With `duplicate: true` every rotation of a unit gets the same seed; the runtime samples
 * chance from a stream derived only from the match seed, so the same cards fall to the same seat
 * positions while the participants move round them (`duplicate.test.ts` checks this).
 */
import { createRng, deriveSeed } from '@parley/games';
import type { ResolvedSpec } from './spec';

export interface MatchTask {
  /** Stable id: `round.unit.rotation|seat0|seat1…`. */
  id: string;
  /** Scheduling batch: the Swiss round, 0 for formats fixed in advance. */
  batch: number;
  /** Place in the schedule; sequential ratings (Elo, OpenSkill) read matches in this order. */
  index: number;
  /** Participant name per seat. */
  seats: string[];
  seed: number;
  group?: string;
  groupSize?: number;
}

/** The most matches a fixed schedule may hold (memory, and a hint that another format fits). */
export const MAX_SCHEDULED = 2_000_000;

/** Rotation r of a base seating: seat s gets base[(s + r) mod k]. */
export function rotate<T>(base: readonly T[], r: number): T[] {
  return base.map((_, s) => base[(s + r) % base.length] as T);
}

export function combinations<T>(items: readonly T[], k: number): T[][] {
  const out: T[][] = [];
  const pick = (start: number, chosen: T[]) => {
    if (chosen.length === k) out.push([...chosen]);
    else for (let i = start; i <= items.length - (k - chosen.length); i++) pick(i + 1, [...chosen, items[i] as T]);
  };
  pick(0, []);
  return out;
}

export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/** Seatings of one unit: its rotations, or for a field smaller than the table its cyclic shifts. */
function seatingsOf(base: readonly string[]): string[][] {
  return base.map((_, r) => rotate(base, r));
}

/** Builds the tasks of one unit in one round. */
export function unitTasks(
  spec: ResolvedSpec,
  round: number,
  unit: number,
  seatings: string[][],
  batch = 0,
): Omit<MatchTask, 'index'>[] {
  const played = spec.rotateSeats
    ? seatings.map((s, r) => [s, r] as const)
    : [[seatings[round % seatings.length]!, round % seatings.length] as const];
  const dealSeed = deriveSeed(spec.seed, 'deal', round, unit);
  return played.map(([seats, r]) => ({
    id: `${round}.${unit}.${r}|${seats.join('|')}`,
    batch,
    seats,
    seed: spec.duplicate ? dealSeed : deriveSeed(spec.seed, 'match', round, unit, r),
    ...(spec.duplicate && { group: `${round}.${unit}`, groupSize: played.length }),
  }));
}

/** Every match of a round-robin, gauntlet or population tournament, in schedule order. */
export function fixedSchedule(spec: ResolvedSpec): MatchTask[] {
  const k = spec.seats;
  const names = spec.participants.map((p) => p.name);
  const format = spec.format;
  let units: string[][][];
  let rounds = 1;
  if (format.type === 'round-robin') {
    rounds = format.rounds;
    if (names.length >= k) {
      const size = binomial(names.length, k) * k * rounds;
      if (size > MAX_SCHEDULED)
        throw new Error(`a round robin of ${names.length} participants at ${k} seats is ${size} matches; use format population`);
      units = combinations(names, k).map(seatingsOf);
    } else {
      const base = Array.from({ length: k }, (_, s) => names[s % names.length] as string);
      units = [names.map((_, j) => base.map((__, s) => names[(s + j) % names.length] as string))];
    }
  } else if (format.type === 'gauntlet') {
    rounds = format.rounds;
    const field = format.field ?? names.filter((n) => !format.challengers.includes(n));
    units = format.challengers.flatMap((c) =>
      field.map((_, j) => seatingsOf([c, ...Array.from({ length: k - 1 }, (__, t) => field[(j + t) % field.length] as string)])),
    );
  } else if (format.type === 'population') {
    units = Array.from({ length: format.matches }, (_, i) => {
      const rng = createRng(deriveSeed(spec.seed, 'population', i));
      const base = Array.from({ length: k }, () => rng.pick(names));
      return spec.duplicate ? seatingsOf(base) : [base];
    });
  } else throw new Error('Swiss rounds are scheduled by swiss.ts');

  const tasks: MatchTask[] = [];
  for (let round = 0; round < rounds; round++)
    units.forEach((seatings, unit) => {
      for (const t of unitTasks(spec, round, unit, seatings)) tasks.push({ ...t, index: tasks.length });
    });
  if (tasks.length > MAX_SCHEDULED) throw new Error(`${tasks.length} matches exceed the limit of ${MAX_SCHEDULED}`);
  return tasks;
}
