import { createRng } from '@parley/games';
import { describe, expect, it } from 'vitest';
import type { ResolvedSpec } from './spec';
import { pairRound, type Standing, type SwissResult, swissRound } from './swiss';

const standing = (name: string, score: number, opponents: string[] = [], byes = 0): Standing => ({
  name,
  score,
  opponents: new Set(opponents),
  byes,
  firstSeats: 0,
});

function swissSpec(names: string[], rounds: number, gamesPerPairing = 2, duplicate = false): ResolvedSpec {
  return {
    name: 's',
    game: 'kuhn',
    params: { players: 2 },
    seats: 2,
    seed: 3,
    participants: names.map((name) => ({ name, agent: 'random', base: 'random' })),
    format: { type: 'swiss', rounds, gamesPerPairing },
    rotateSeats: true,
    duplicate,
    deadlineMs: 1000,
    pressRounds: 0,
    concurrency: 1,
    records: false,
    ratings: { provisionalBelow: 30, bootstrap: 0, poker: null },
  };
}

describe('Swiss pairing', () => {
  it('pairs by score, top down', () => {
    const { pairs, bye } = pairRound([standing('d', 0), standing('a', 3), standing('c', 1), standing('b', 2)], createRng(1));
    expect(bye).toBeNull();
    expect(pairs).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('backtracks to avoid a rematch', () => {
    // a–b already met: a takes c, so b must take d.
    const { pairs } = pairRound(
      [standing('a', 3, ['b']), standing('b', 2, ['a']), standing('c', 1), standing('d', 0)],
      createRng(1),
    );
    expect(pairs).toEqual([
      ['a', 'c'],
      ['b', 'd'],
    ]);
    // Here the greedy choice a–c would strand b with d, whom b has met: the search goes back.
    const tricky = pairRound(
      [standing('a', 3, ['b']), standing('b', 2, ['a', 'd']), standing('c', 1), standing('d', 0, ['b'])],
      createRng(1),
    );
    expect(tricky.pairs).toEqual([
      ['a', 'd'],
      ['b', 'c'],
    ]);
  });

  it('allows rematches only when nothing else is possible', () => {
    const { pairs } = pairRound([standing('a', 1, ['b']), standing('b', 0, ['a'])], createRng(1));
    expect(pairs).toEqual([['a', 'b']]);
  });

  it('gives the bye to the lowest-placed participant who has had the fewest', () => {
    const once = pairRound([standing('a', 2), standing('b', 1), standing('c', 0)], createRng(1));
    expect(once.bye).toBe('c');
    const again = pairRound([standing('a', 2), standing('b', 1), standing('c', 0, [], 1)], createRng(1));
    expect(again.bye).toBe('b');
  });

  it('plays rounds without rematches, alternating seats, and replays earlier rounds from results', () => {
    const names = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const spec = swissSpec(names, 5);
    const strength = new Map(names.map((n, i) => [n, i]));
    const results: SwissResult[] = [];
    const met = new Set<string>();
    for (let r = 0; r < 5; r++) {
      const tasks = swissRound(spec, r, results);
      expect(tasks).toHaveLength(3 * 2);
      expect(swissRound(spec, r, results)).toEqual(tasks); // deterministic
      for (let i = 0; i < tasks.length; i += 2) {
        const [x, y] = tasks[i]!.seats as [string, string];
        expect(tasks[i + 1]!.seats).toEqual([y, x]);
        const key = [x, y].sort().join('-');
        expect(met.has(key)).toBe(false);
        met.add(key);
      }
      // The stronger participant (higher index) always wins.
      for (const t of tasks) {
        const [a, b] = t.seats as [string, string];
        results.push({ batch: r, seats: t.seats, returns: strength.get(a)! > strength.get(b)! ? [1, -1] : [-1, 1] });
      }
    }
    expect(met.size).toBe(15); // five rounds of six: everyone met everyone once
  });

  it('shares one deal between the two games of a duplicate pairing', () => {
    const tasks = swissRound(swissSpec(['a', 'b', 'c', 'd'], 1, 4, true), 0, []);
    expect(tasks).toHaveLength(2 * 4);
    const seeds = tasks.slice(0, 4).map((t) => t.seed);
    expect(seeds[0]).toBe(seeds[1]);
    expect(seeds[2]).toBe(seeds[3]);
    expect(seeds[0]).not.toBe(seeds[2]);
    expect(tasks[0]?.group).toBe(tasks[1]?.group);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(8);
  });
});
