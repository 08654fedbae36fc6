/** boardOf: one board per position, shared by calls for the same unchanged list of units. */
import { describe, expect, it } from 'vitest';
import { boardOf, makeBoard } from './board';
import { POWERS, provinceIndex, STANDARD_MAP } from './map';
import type { Unit } from './types';

const start = (): Unit[] => STANDARD_MAP.startingUnits.map((u) => ({ ...u }));

describe('boardOf', () => {
  it('gives the same board for the same list, unchanged', () => {
    const units = start();
    const board = boardOf(units);
    expect(boardOf(units)).toBe(board);
    expect(Array.from(board.at)).toEqual(Array.from(makeBoard(units).at));
  });

  it('indexes afresh a list whose unit was moved in place, or replaced by an equal copy', () => {
    const units = start();
    const before = boardOf(units);
    const par = units.findIndex((u) => u.province === 'par');
    units[par]!.province = 'bur';
    const moved = boardOf(units);
    expect(moved).not.toBe(before);
    expect(moved.at[provinceIndex('par')]).toBe(-1);
    expect(moved.at[provinceIndex('bur')]).toBe(par);
    units[par] = { ...units[par]! };
    const copied = boardOf(units);
    expect(copied).not.toBe(moved);
    expect(copied.units[par]).toBe(units[par]);
  });

  it('indexes afresh an equal position given as another list', () => {
    const units = start();
    const board = boardOf(units);
    const other = boardOf([...units]);
    expect(other).not.toBe(board);
    expect(Array.from(other.at)).toEqual(Array.from(board.at));
  });
});

describe('makeBoard', () => {
  it('keeps each board its own data when many share a slab', () => {
    // Forty positions, each the start with one more unit taken off: far more than one slab holds.
    const positions = Array.from({ length: 40 }, (_, k) => start().slice(0, 22 - (k % 20)));
    const boards = positions.map((units) => makeBoard(units));
    boards.forEach((board, k) => {
      const units = positions[k]!;
      expect(board.units).toBe(units);
      units.forEach((u, i) => {
        expect(board.at[provinceIndex(u.province.slice(0, 3))]).toBe(i);
        expect(board.prov[i]).toBe(provinceIndex(u.province.slice(0, 3)));
        expect(POWERS[board.power[i]!]).toBe(u.power);
        expect(board.fleet[i]).toBe(u.type === 'F' ? 1 : 0);
      });
      expect(Array.from(board.at).filter((i) => i >= 0)).toHaveLength(units.length);
    });
  });

  it('refuses a unit of an unknown power or on an unknown location, and two units in a province', () => {
    const units = start();
    expect(() => makeBoard([...units, { power: 'prussia' as Unit['power'], type: 'A', province: 'sil' }])).toThrow(
      "unknown power 'prussia'",
    );
    expect(() => makeBoard([{ ...units[0]!, province: 'xyz' }])).toThrow("unknown location 'xyz'");
    expect(() => makeBoard([...units, { ...units[0]! }])).toThrow(/two units in/);
  });
});
