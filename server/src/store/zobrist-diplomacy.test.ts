import { Diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { PythonRandom, zobristHash } from './zobrist-diplomacy';

// Printed by CPython 3 (`random.seed(s); [random.randint(1, sys.maxsize) for _ in range(3)],
// random.getrandbits(32), random.getrandbits(40)`).
const PYTHON = [
  {
    seed: 12345n,
    ints: [6757828938340735368n, 7564776570512634438n, 7404969417978723278n],
    b32: 1282648386n,
    b40: 407399717050n,
  },
  { seed: 0n, ints: [3553260803050964942n, 8211050864078048429n, 373402508605428822n], b32: 1112038970n, b40: 562492388602n },
  {
    seed: 4294967295n,
    ints: [5714507702917843210n, 1986192800680831298n, 4818269867754676405n],
    b32: 1251276551n,
    b40: 376252238075n,
  },
];

describe("Python's random module, reimplemented", () => {
  for (const { seed, ints, b32, b40 } of PYTHON)
    it(`draws what CPython draws from seed ${seed}`, () => {
      const rng = new PythonRandom(seed);
      expect([0, 1, 2].map(() => rng.randint(1n, (1n << 63n) - 1n))).toEqual(ints);
      expect(rng.getrandbits(32)).toBe(b32);
      expect(rng.getrandbits(40)).toBe(b40);
    });
});

describe('zobrist_hash as the diplomacy package computes it', () => {
  it('gives the published hash of the 1901 start (1919110489198082658)', () => {
    const s = Diplomacy.diplomacy.newInitialState({ lastYear: null });
    expect(zobristHash(s)).toBe('1919110489198082658');
  });
  it('changes with a unit, a dislodgement and a centre, and is order-independent', () => {
    const s = Diplomacy.diplomacy.newInitialState({ lastYear: null });
    const moved = { ...s, units: s.units.map((u) => (u.province === 'par' ? { ...u, province: 'bur' } : u)) };
    const reversed = { ...s, units: [...s.units].reverse(), centres: [...s.centres].reverse() };
    expect(zobristHash(reversed)).toBe(zobristHash(s));
    expect(zobristHash(moved)).not.toBe(zobristHash(s));
    const dislodged = { ...s, dislodged: [{ power: 'france' as const, type: 'A' as const, province: 'bur', retreats: [] }] };
    expect(zobristHash(dislodged)).not.toBe(zobristHash(s));
  });
});
