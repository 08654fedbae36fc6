import { describe, expect, it } from 'vitest';
import { binomial, combinations, fixedSchedule, type MatchTask, rotate } from './schedule';
import type { ResolvedSpec } from './spec';

/** A spec for a game of `seats` seats (the schedule reads no game, so none is needed). */
function spec(seats: number, names: string[], format: ResolvedSpec['format'], extra: Partial<ResolvedSpec> = {}): ResolvedSpec {
  return {
    name: 't',
    game: 'test',
    params: {},
    seats,
    seed: 5,
    participants: names.map((name) => ({ name, agent: 'random', base: 'random' })),
    format,
    rotateSeats: true,
    duplicate: false,
    deadlineMs: 1000,
    pressRounds: 0,
    concurrency: 1,
    records: false,
    ratings: { provisionalBelow: 30, bootstrap: 0, poker: null },
    ...extra,
  };
}

/** seatCount[name][seat]: how often each participant sat in each seat. */
function seatCounts(tasks: MatchTask[], seats: number): Map<string, number[]> {
  const counts = new Map<string, number[]>();
  for (const t of tasks)
    t.seats.forEach((name, s) => {
      const c = counts.get(name) ?? new Array(seats).fill(0);
      c[s]++;
      counts.set(name, c);
    });
  return counts;
}

describe('schedules', () => {
  it('has the combinatorics right', () => {
    expect(combinations(['a', 'b', 'c', 'd'], 2)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['a', 'd'],
      ['b', 'c'],
      ['b', 'd'],
      ['c', 'd'],
    ]);
    expect(binomial(10, 7)).toBe(120);
    expect(rotate(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
  });

  it('plays every pair in both seat orders each round of a two-seat round robin', () => {
    const tasks = fixedSchedule(spec(2, ['a', 'b', 'c'], { type: 'round-robin', rounds: 4 }));
    expect(tasks).toHaveLength(3 * 2 * 4);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    expect(new Set(tasks.map((t) => t.seed)).size).toBe(tasks.length);
    expect(tasks.map((t) => t.index)).toEqual(tasks.map((_, i) => i));
    const round0 = tasks.slice(0, 6).map((t) => t.seats.join('-'));
    expect(round0).toEqual(['a-b', 'b-a', 'a-c', 'c-a', 'b-c', 'c-b']);
    for (const c of seatCounts(tasks, 2).values()) expect(c).toEqual([8, 8]);
    // Without rotation each round plays one seat order, alternating by round.
    const once = fixedSchedule(spec(2, ['a', 'b'], { type: 'round-robin', rounds: 4 }, { rotateSeats: false }));
    expect(once.map((t) => t.seats.join('-'))).toEqual(['a-b', 'b-a', 'a-b', 'b-a']);
  });

  it('rotates seven seats over a field of seven, and fills them cyclically from a smaller field', () => {
    const seven = ['A', 'E', 'F', 'G', 'I', 'R', 'T'];
    const full = fixedSchedule(spec(7, seven, { type: 'round-robin', rounds: 2 }));
    expect(full).toHaveLength(7 * 2);
    for (const c of seatCounts(full, 7).values()) expect(c).toEqual(new Array(7).fill(2));
    const small = fixedSchedule(spec(7, ['x', 'y', 'z'], { type: 'round-robin', rounds: 1 }));
    expect(small).toHaveLength(3);
    expect(small[0]?.seats).toEqual(['x', 'y', 'z', 'x', 'y', 'z', 'x']);
    // Across the round every participant holds every seat exactly once.
    for (const c of seatCounts(small, 7).values()) expect(c).toEqual(new Array(7).fill(1));
    // A larger field: every 3-subset of 5, rotated 3 ways.
    const subsets = fixedSchedule(spec(3, ['a', 'b', 'c', 'd', 'e'], { type: 'round-robin', rounds: 1 }));
    expect(subsets).toHaveLength(binomial(5, 3) * 3);
    for (const c of seatCounts(subsets, 3).values()) expect(c).toEqual([6, 6, 6]);
  });

  it('deals the same cards to every rotation of a duplicate group', () => {
    const tasks = fixedSchedule(spec(2, ['a', 'b', 'c'], { type: 'round-robin', rounds: 3 }, { duplicate: true }));
    const groups = new Map<string, MatchTask[]>();
    for (const t of tasks) groups.set(t.group as string, [...(groups.get(t.group as string) ?? []), t]);
    expect(groups.size).toBe(9);
    for (const members of groups.values()) {
      expect(members).toHaveLength(2);
      expect(new Set(members.map((m) => m.seed)).size).toBe(1);
      expect(members[1]?.seats).toEqual([...(members[0]?.seats ?? [])].reverse());
      expect(members.every((m) => m.groupSize === 2)).toBe(true);
    }
    expect(new Set(tasks.map((t) => t.seed)).size).toBe(9);
  });

  it('runs a gauntlet of challengers against the field only', () => {
    const tasks = fixedSchedule(
      spec(2, ['c1', 'c2', 'f1', 'f2', 'f3'], {
        type: 'gauntlet',
        challengers: ['c1', 'c2'],
        field: ['f1', 'f2', 'f3'],
        rounds: 2,
      }),
    );
    expect(tasks).toHaveLength(2 * 3 * 2 * 2);
    for (const t of tasks) expect(t.seats.filter((s) => s.startsWith('c'))).toHaveLength(1);
    const multi = fixedSchedule(
      spec(4, ['c', 'f1', 'f2'], { type: 'gauntlet', challengers: ['c'], field: ['f1', 'f2'], rounds: 1 }),
    );
    expect(multi).toHaveLength(2 * 4);
    expect(multi[0]?.seats).toEqual(['c', 'f1', 'f2', 'f1']);
    for (const t of multi) expect(t.seats.filter((s) => s === 'c')).toHaveLength(1);
    expect(seatCounts(multi, 4).get('c')).toEqual([2, 2, 2, 2]);
    expect(new Set(multi.map((t) => t.id)).size).toBe(multi.length);
  });

  it('draws population seatings with replacement, reproducibly', () => {
    const s = spec(3, ['a', 'b', 'c', 'd'], { type: 'population', matches: 400 });
    const tasks = fixedSchedule(s);
    expect(tasks).toHaveLength(400);
    expect(fixedSchedule(s)).toEqual(tasks);
    expect(tasks.some((t) => new Set(t.seats).size < 3)).toBe(true); // self-play seatings occur
    const seen = seatCounts(tasks, 3);
    for (const name of ['a', 'b', 'c', 'd']) for (const n of seen.get(name) ?? []) expect(n).toBeGreaterThan(60);
    const dup = fixedSchedule({ ...s, duplicate: true, format: { type: 'population', matches: 10 } });
    expect(dup).toHaveLength(30);
    expect(new Set(dup.map((t) => t.id)).size).toBe(30);
  });

  it('refuses schedules too large to hold', () => {
    const names = Array.from({ length: 40 }, (_, i) => `p${i}`);
    expect(() => fixedSchedule(spec(7, names, { type: 'round-robin', rounds: 1 }))).toThrow(/use format population/);
  });
});
