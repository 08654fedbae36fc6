import { diplomacy, getGame } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { resolveSpec } from '../tournament/spec';
import { StandingTracker, scoreStanding } from './scoring';

// The worked example of docs/scoring.md, in the engine's power order:
// austria, england, france, germany, italy, russia, turkey.
const drawn = { centres: [0, 9, 14, 6, 3, 2, 0], alive: [false, true, true, true, true, true, false], winner: null };

describe('Diplomacy scoring systems (docs/scoring.md)', () => {
  it('scores the worked example under every system', () => {
    expect(scoreStanding('sum-of-squares', drawn)).toEqual([0, 81 / 326, 196 / 326, 36 / 326, 9 / 326, 4 / 326, 0]);
    expect(scoreStanding('draw-size', drawn)).toEqual([0, 0.2, 0.2, 0.2, 0.2, 0.2, 0]);
    expect(scoreStanding('centre-count', drawn)).toEqual([0, 9 / 34, 14 / 34, 6 / 34, 3 / 34, 2 / 34, 0]);
    expect(scoreStanding('solo-only', drawn)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(scoreStanding('sum-of-squares', drawn)[2]).toBeCloseTo(0.6012, 4);
  });

  it('gives a solo 1 and everyone else 0 under every system', () => {
    const solo = { centres: [0, 5, 18, 6, 3, 2, 0], alive: [false, true, true, true, true, true, false], winner: 2 };
    for (const system of ['sum-of-squares', 'draw-size', 'centre-count', 'solo-only'] as const)
      expect(scoreStanding(system, solo)).toEqual([0, 0, 1, 0, 0, 0, 0]);
  });

  it('draw-size equals the engine returns of a drawn game', () => {
    let state = diplomacy.newInitialState({ lastYear: 1901 });
    const seats = [0, 1, 2, 3, 4, 5, 6];
    while (!diplomacy.isTerminal(state)) {
      const [seat] = diplomacy.actingSeats(state).length ? diplomacy.actingSeats(state) : seats;
      state = diplomacy.applyAction(state, seat!, diplomacy.defaultAction(state, seat!));
    }
    const standing = diplomacy.standing!(state);
    expect(standing.totalCentres).toBe(34);
    expect(standing.centres.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(34);
    expect(scoreStanding('draw-size', standing)).toEqual(diplomacy.returns(state));
  });

  it('counts the years each power stayed on the board', () => {
    const tracker = new StandingTracker();
    const at = (year: number, alive: boolean[]) => ({
      year,
      centres: alive.map((a) => (a ? 3 : 0)),
      alive,
      winner: null,
      totalCentres: 34,
    });
    tracker.observe(at(1901, [true, true]));
    tracker.observe(at(1904, [true, true]));
    tracker.observe(at(1905, [true, false]));
    tracker.observe(at(1910, [true, false]));
    expect(tracker.summary()).toMatchObject({ yearsSurvived: [10, 4], alive: [true, false] });
  });

  it('lets the tournament file pick a system, sum-of-squares by default, only for games scored by centres', () => {
    const base = {
      name: 't',
      game: 'diplomacy',
      participants: ['random', 'heuristic'],
      format: { type: 'round-robin', rounds: 1 },
    };
    expect(resolveSpec(base).scoring).toBe('sum-of-squares');
    expect(resolveSpec({ ...base, scoring: 'draw-size' }).scoring).toBe('draw-size');
    expect(() => resolveSpec({ ...base, scoring: 'most-units' })).toThrow();
    expect(() => resolveSpec({ ...base, game: 'kuhn', scoring: 'centre-count' })).toThrow(/not scored by centres/);
    expect(resolveSpec({ ...base, game: 'kuhn' }).scoring).toBeNull();
    expect(getGame('kuhn').standing).toBeUndefined();
  });
});
