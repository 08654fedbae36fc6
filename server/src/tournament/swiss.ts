/**
 * Swiss-system pairing for two-seat games (after the FIDE Dutch system, simplified).
 *
 * Each round, participants are ordered by score (1 per match won, ½ per draw; a bye is worth a
 * won pairing), ties broken by a seeded shuffle fixed per round. If the count is odd, the
 * lowest-placed participant with the fewest byes sits out. The rest are paired top-down: each
 * takes the highest-placed opponent it has not met, backtracking when a choice leaves the others
 * unpairable; only if no pairing without rematches exists (or the search runs long) are rematches
 * allowed, greedily in order. Every pairing plays `gamesPerPairing` matches, alternating seats,
 * the first seat going to whoever has had it less.
 *
 * Pairings depend only on the spec and earlier rounds' results, so a resumed run recomputes the
 * same rounds from the stored results.
 */
import { createRng, deriveSeed, type Rng } from '@parley/games';
import { type MatchTask, unitTasks } from './schedule';
import type { ResolvedSpec } from './spec';

export interface Standing {
  name: string;
  score: number;
  opponents: Set<string>;
  byes: number;
  /** Matches played in seat 0. */
  firstSeats: number;
}

export interface Pairing {
  pairs: [string, string][];
  bye: string | null;
}

/** What Swiss reads from a finished match. */
export interface SwissResult {
  batch: number;
  seats: readonly string[];
  returns?: readonly number[];
}

const SEARCH_LIMIT = 200_000;

/** Orders standings (best first) and pairs them, avoiding rematches where possible. */
export function pairRound(standings: readonly Standing[], rng: Rng): Pairing {
  const tiebreak = new Map(standings.map((s) => [s.name, rng.float()]));
  const order = [...standings].sort(
    (a, b) => b.score - a.score || (tiebreak.get(a.name) as number) - (tiebreak.get(b.name) as number),
  );
  let bye: string | null = null;
  if (order.length % 2 === 1) {
    const fewest = Math.min(...order.map((s) => s.byes));
    const idx = order.findLastIndex((s) => s.byes === fewest);
    bye = order[idx]?.name ?? null;
    order.splice(idx, 1);
  }
  let steps = 0;
  const search = (rest: Standing[]): [string, string][] | null => {
    if (rest.length === 0) return [];
    const [first, ...others] = rest as [Standing, ...Standing[]];
    for (let i = 0; i < others.length; i++) {
      if (++steps > SEARCH_LIMIT) return null;
      const opponent = others[i] as Standing;
      if (first.opponents.has(opponent.name)) continue;
      const tail = search(others.filter((_, j) => j !== i));
      if (tail) return [[first.name, opponent.name], ...tail];
    }
    return null;
  };
  const pairs =
    search(order) ??
    order.flatMap((s, i) => (i % 2 === 0 ? [[s.name, (order[i + 1] as Standing).name] as [string, string]] : []));
  return { pairs, bye };
}

/** The tasks of Swiss round `round`, replaying the pairings of earlier rounds from their results. */
export function swissRound(spec: ResolvedSpec, round: number, results: readonly SwissResult[]): MatchTask[] {
  if (spec.format.type !== 'swiss') throw new Error('not a Swiss tournament');
  const games = spec.format.gamesPerPairing;
  const standings = new Map<string, Standing>(
    spec.participants.map((p) => [p.name, { name: p.name, score: 0, opponents: new Set(), byes: 0, firstSeats: 0 }]),
  );
  let tasks: Omit<MatchTask, 'index'>[] = [];
  for (let r = 0; r <= round; r++) {
    const { pairs, bye } = pairRound([...standings.values()], createRng(deriveSeed(spec.seed, 'swiss', r)));
    if (r === round) {
      tasks = pairs.flatMap(([x, y], unit) => {
        const sx = standings.get(x) as Standing;
        const sy = standings.get(y) as Standing;
        const [a, b] = sx.firstSeats <= sy.firstSeats ? [x, y] : [y, x];
        const seatings = Array.from({ length: games }, (_, g) => (g % 2 === 0 ? [a, b] : [b, a]));
        // Duplicate play shares one deal between each two consecutive games.
        return spec.duplicate
          ? seatings.flatMap((_, g) => (g % 2 === 0 ? unitTasks(spec, r, unit * games + g, seatings.slice(g, g + 2), r) : []))
          : unitTasks({ ...spec, rotateSeats: true }, r, unit, seatings, r);
      });
      break;
    }
    if (bye) {
      const s = standings.get(bye) as Standing;
      s.byes++;
      s.score += games;
    }
    for (const [x, y] of pairs) {
      (standings.get(x) as Standing).opponents.add(y);
      (standings.get(y) as Standing).opponents.add(x);
    }
    for (const m of results) {
      if (m.batch !== r || !m.returns) continue;
      const [a, b] = m.seats as [string, string];
      const [ra, rb] = m.returns as [number, number];
      (standings.get(a) as Standing).firstSeats++;
      (standings.get(a) as Standing).score += ra > rb ? 1 : ra === rb ? 0.5 : 0;
      (standings.get(b) as Standing).score += rb > ra ? 1 : ra === rb ? 0.5 : 0;
    }
  }
  return tasks.map((t, index) => ({ ...t, index }));
}
