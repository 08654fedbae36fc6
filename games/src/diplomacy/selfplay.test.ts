/**
 * Self-play: seven random-legal-order bots play 60 seeded games to the end through the Game
 * interface, and the board's invariants are checked after every phase. Each bot picks every
 * unit's order uniformly from that unit's legal orders (builds and disbands likewise, without
 * repeats), so every kind of order, convoys included, is exercised thousands of times.
 */
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed } from '../core/rng';
import { type DiplomacyState, diplomacy } from './game';
import { POWERS } from './map';
import { ENGINE, playPhase } from './testing/random-play';

// 60 games are over two thousand checked phases, every kind of order among them many times; more
// games repeat those paths at a loaded machine's expense. The games/s benchmark plays many more.
const GAMES = 60;
const LAST_YEAR = 1920;
const TOTAL_CENTRES = 34;

function checkInvariants(s: DiplomacyState, where: string): void {
  const provinces = s.units.map((u) => u.province.slice(0, 3));
  if (new Set(provinces).size !== provinces.length) throw new Error(`${where}: two units in one province`);
  for (const d of s.dislodged) {
    const by = s.units.find((u) => u.province.slice(0, 3) === d.province.slice(0, 3));
    if (!by || by.power === d.power) throw new Error(`${where}: dislodged ${d.province} without a foreign dislodger there`);
    if (d.retreats.length === 0) throw new Error(`${where}: a dislodged unit with no retreat was kept`);
  }
  const centreProvinces = s.centres.map((c) => c.province);
  if (new Set(centreProvinces).size !== centreProvinces.length) throw new Error(`${where}: a centre owned twice`);
  if (s.centres.length > TOTAL_CENTRES) throw new Error(`${where}: more than 34 centres owned`);
  if (s.phase.type === 'movement' && s.phase.season === 'spring') {
    for (const power of POWERS) {
      const units = s.units.filter((u) => u.power === power).length;
      const centres = s.centres.filter((c) => c.power === power).length;
      if (units > centres) throw new Error(`${where}: ${power} has ${units} units and ${centres} centres after adjustments`);
    }
  }
}

describe('self-play', () => {
  it(`${GAMES} random games to ${LAST_YEAR} end, with the invariants kept every phase`, () => {
    let phases = 0;
    const endings: Record<string, number> = {};
    for (let g = 0; g < GAMES; g++) {
      const rng = createRng(deriveSeed(2024, 'diplomacy-selfplay', g));
      let s = diplomacy.newInitialState({ lastYear: LAST_YEAR });
      let guard = 0;
      while (!diplomacy.isTerminal(s)) {
        if (++guard > 200) throw new Error(`game ${g} did not end`);
        const where = `game ${g} ${s.phase.season} ${s.phase.year} ${s.phase.type}`;
        checkInvariants(s, where);
        const phase = s.phase;
        s = playPhase(ENGINE, s, rng);
        if (s.phase === phase && !diplomacy.isTerminal(s)) throw new Error(`${where}: the phase did not close`);
        phases++;
      }
      checkInvariants(s, `game ${g} end`);
      const returns = diplomacy.returns(s);
      expect(returns.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      const o = s.outcome!;
      endings[o.kind === 'solo' ? 'solo' : o.reason] = (endings[o.kind === 'solo' ? 'solo' : o.reason] ?? 0) + 1;
    }
    expect(Object.values(endings).reduce((a, b) => a + b, 0)).toBe(GAMES);
    expect(phases).toBeGreaterThan(GAMES * 10);
  }, 300_000);
});
