/** boardOf: one board per position, shared by calls for the same unchanged list of units. */
import { describe, expect, it } from 'vitest';
import { boardOf, makeBoard } from './board';
import { provinceIndex, STANDARD_MAP } from './map';
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
