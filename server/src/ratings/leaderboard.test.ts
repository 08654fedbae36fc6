import { describe, expect, it } from 'vitest';
import { csvCell, formatLeaderboard } from './format';
import { computeLeaderboard } from './leaderboard';
import type { RatedMatch } from './outcomes';

const twoSeat: RatedMatch[] = [
  ...Array.from({ length: 30 }, (_, i) => ({ seats: i % 2 ? ['a', 'b'] : ['b', 'a'], returns: i % 2 ? [1, -1] : [-1, 1] })),
  ...Array.from({ length: 10 }, (_, i) => ({ seats: ['b', 'c'], returns: i < 7 ? [2, -2] : [0, 0] })),
];

describe('leaderboard', () => {
  it('rates two-seat games by Bradley–Terry with intervals, plus Elo, and flags provisional participants', () => {
    const board = computeLeaderboard(['c', 'b', 'a', 'idle'], twoSeat, {
      seatsPerMatch: 2,
      bootstrap: 200,
      provisionalBelow: 30,
    });
    expect(board.primary).toBe('bradley-terry');
    expect(board.methods).toEqual(['bradley-terry', 'elo', 'mean-payoff']);
    expect(board.rows.map((r) => r.name)).toEqual(['a', 'b', 'c', 'idle']);
    const [a, b, c, idle] = board.rows;
    expect(a).toMatchObject({ rank: 1, matches: 30, provisional: false, wins: 30, draws: 0, losses: 0 });
    expect(b).toMatchObject({ matches: 40, wins: 7, draws: 3, losses: 30 });
    expect(c).toMatchObject({ matches: 10, provisional: true, wins: 0, draws: 3, losses: 7 });
    expect(idle).toMatchObject({ matches: 0, rating: null, provisional: true });
    expect(a?.rating?.lo).toBeLessThan(a!.rating!.value);
    expect(a?.rating?.hi).toBeGreaterThan(a!.rating!.value);
    expect(a?.meanPayoff?.value).toBe(1);
    expect(c?.meanPayoff?.value).toBeCloseTo(-1.4, 12);
  });

  it('rates multi-seat games by Bradley–Terry on pairs plus OpenSkill, and poker by duplicate mbb when there are groups', () => {
    const multi = computeLeaderboard(['x', 'y', 'z'], [{ seats: ['x', 'y', 'z'], returns: [3, 2, 1] }], { seatsPerMatch: 3 });
    expect(multi.primary).toBe('bradley-terry');
    expect(multi.methods).toEqual(['bradley-terry', 'openskill', 'mean-payoff']);
    expect(multi.rows[0]?.openskill?.mu).toBeGreaterThan(multi.rows[2]!.openskill!.mu);
    expect(multi.rows.map((r) => r.name)).toEqual(['x', 'y', 'z']);
    const poker = computeLeaderboard(
      ['p', 'q'],
      [
        { seats: ['p', 'q'], returns: [2, -2], group: 'g', groupSize: 2 },
        { seats: ['q', 'p'], returns: [2, -2], group: 'g', groupSize: 2 },
      ],
      { seatsPerMatch: 2, poker: { bigBlind: 1, handsPerMatch: 1 }, bootstrap: 0 },
    );
    expect(poker.primary).toBe('mbb');
    expect(poker.rows[0]?.rating?.value).toBe(0);
    expect(poker.rows[0]?.mbb?.duplicate?.n).toBe(1);
  });

  it('refuses a primary method that does not apply', () => {
    expect(() => computeLeaderboard(['a'], [], { seatsPerMatch: 7, primary: 'elo' })).toThrow(/does not apply/);
  });

  it('prints a table, CSV with quoting, JSON and JSONL', () => {
    const board = computeLeaderboard(
      ['a', 'b, the "second"', 'c'],
      twoSeat.map((m) => ({ ...m, seats: m.seats.map((s) => (s === 'b' ? 'b, the "second"' : s)) })),
      {
        seatsPerMatch: 2,
        bootstrap: 50,
      },
    );
    const table = formatLeaderboard(board, 'table');
    expect(table.split('\n')[0]).toBe('Bradley–Terry rating, Elo scale, bootstrap 95% confidence interval (resampling matches)');
    expect(table.split('\n')[2]).toMatch(
      /^#\s+participant\s+rating\s+bootstrap 95% confidence interval\s+matches\s+W-D-L\s+mean payoff\s+elo$/,
    );
    expect(table).toContain('c *');
    expect(table).toContain('* provisional: fewer than 30 matches');
    const csv = formatLeaderboard(board, 'csv').split('\n');
    expect(csv).toHaveLength(4);
    expect(csv[2]).toContain('"b, the ""second"""');
    expect(JSON.parse(formatLeaderboard(board, 'json')).rows).toHaveLength(3);
    expect(
      formatLeaderboard(board, 'jsonl')
        .split('\n')
        .map((l) => JSON.parse(l).name),
    ).toEqual(board.rows.map((r) => r.name));
    expect(csvCell(undefined)).toBe('');
  });
});
