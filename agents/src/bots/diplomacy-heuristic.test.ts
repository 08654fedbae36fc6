/**
 * The heuristic Diplomacy bot against random bots (see `testing/diplomacy-selfplay.ts`). Two fixed
 * seeds per power and opponent make a deterministic, count-based check: the engine, the bots and
 * the seeds fix every game. The win rate over many more games is a benchmark
 * (`npm run bench -w agents`), not a test.
 */
import { deriveSeed } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { createAgent } from '../registry';
import { diplomacyHeuristicBot } from './diplomacy-heuristic';
import { POWERS, play, unitRandom, winRate } from './testing/diplomacy-selfplay';

const SEEDS = 14;
const MIN_WINS = 13;

const sourceOf = (order: string) => order.split(' ')[1]!.slice(0, 3);
const destOf = (order: string) => / - (\S+)$/.exec(order)?.[1]?.slice(0, 3);

describe('heuristic Diplomacy bot', () => {
  it(`finishes first on centres in at least ${MIN_WINS} of ${SEEDS} fixed-seed games against six random bots, every seat`, () => {
    for (const [label, opponent] of [
      ['random', () => createAgent('random', 'diplomacy')],
      ['unit-random', unitRandom],
    ] as const) {
      const { wins, all } = winRate(opponent, label, SEEDS);
      expect(wins, `wins against ${label}`).toBeGreaterThanOrEqual(MIN_WINS);
      expect(all.reduce((n, p) => n + p.fallbacks, 0)).toBe(0);
      // Press is written, and its own promises are kept phase by phase.
      const promises = all.flatMap((p) => p.messages.filter((m) => m.commitments?.length));
      expect(promises.length).toBeGreaterThan(SEEDS);
      for (const p of all) {
        for (const m of p.messages) {
          for (const c of m.commitments ?? []) {
            const before = p.phases.get(m.phase!)!;
            const partner = POWERS[c.kind === 'no-attack' ? (c.target as number) : -1]!;
            const theirs = new Set([
              ...before.units.filter((u) => u.power === partner).map((u) => u.province.slice(0, 3)),
              ...before.centres.filter((x) => x.power === partner).map((x) => x.province),
            ]);
            for (const o of p.orders.get(m.phase!) ?? []) expect(theirs.has(destOf(o)?.toLowerCase() ?? '')).toBe(false);
          }
        }
      }
    }
  });

  it('never bounces its own units, and coordinates supports and builds', () => {
    let supportsOfMoves = 0;
    let builds = 0;
    for (let g = 0; g < 7; g++) {
      const p = play(deriveSeed(99, g), g, unitRandom);
      for (const [key, orders] of p.orders) {
        if (!key.endsWith('M')) {
          if (key.endsWith('A')) builds += orders.filter((o) => o.endsWith(' B')).length;
          continue;
        }
        const moves = orders.filter((o) => destOf(o) && !o.includes(' S ') && !o.includes(' C '));
        const staying = new Set(orders.filter((o) => !moves.includes(o)).map(sourceOf));
        const dests = moves.map((o) => destOf(o)!);
        expect(new Set(dests).size).toBe(dests.length);
        for (const d of dests) expect(staying.has(d)).toBe(false);
        for (const o of moves) expect(moves.some((x) => sourceOf(x) === destOf(o) && destOf(x) === sourceOf(o))).toBe(false);
        supportsOfMoves += orders.filter((o) => o.includes(' S ') && destOf(o) && moves.some((m) => o.endsWith(m))).length;
      }
    }
    expect(supportsOfMoves).toBeGreaterThan(0);
    expect(builds).toBeGreaterThan(0);
  });

  it('is deterministic given its rng', () => {
    const a = play(7, 3, unitRandom);
    const b = play(7, 3, unitRandom);
    expect([...a.orders]).toEqual([...b.orders]);
    expect(a.messages).toEqual(b.messages);
    expect(a.state.centres).toEqual(b.state.centres);
  });

  it('plays Diplomacy only', () => {
    expect(() => createAgent('heuristic', 'kuhn')).toThrow(/Diplomacy only/);
    expect(diplomacyHeuristicBot().name).toBe('heuristic');
  });
});
