import { describe, expect, it } from 'vitest';
import { boardSense, moveDistance, reachable } from './board-sense';
import { diplomacy } from './game';

describe('board sense', () => {
  const start = diplomacy.newInitialState({ lastYear: null });
  const sense = (power: 'austria' | 'england' | 'turkey') => boardSense(start.units, start.centres, power);

  it('sees supports, threats to home centres and the nearest free centres from the opening position', () => {
    const austria = sense('austria');
    expect(austria.units.map((u) => u.unit)).toEqual(['A BUD', 'F TRI', 'A VIE']);
    const vie = austria.units.find((u) => u.unit === 'A VIE')!;
    expect(vie.supporters).toEqual(['A BUD']);
    expect(vie.threats).toEqual([]);
    // Trieste can be entered by Venice's army; no other Austrian home centre can be entered in one move.
    expect(austria.threatenedHomes).toEqual([{ province: 'tri', by: ['ITALY A VEN'] }]);
    const bud = austria.units.find((u) => u.unit === 'A BUD')!;
    expect(bud.nearestCentres.slice(0, 2)).toEqual([
      { province: 'rum', owner: null, distance: 1 },
      { province: 'ser', owner: null, distance: 1 },
    ]);
  });

  it('counts moves by unit type: fleets go by sea, armies by land', () => {
    expect(moveDistance('F', 'lon', 'nwy')).toBe(2);
    expect(moveDistance('A', 'lon', 'nwy')).toBeGreaterThan(20); // an army cannot walk off an island
    expect(moveDistance('A', 'mos', 'war')).toBe(1);
    expect(reachable('F', 'stp/sc').sort()).toEqual(['bot', 'fin', 'lvn']);
    const england = sense('england');
    expect(england.units.find((u) => u.unit === 'F LON')!.nearestCentres[0]).toEqual({
      province: 'bel',
      owner: null,
      distance: 2,
    });
  });
});
