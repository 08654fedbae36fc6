import { describe, expect, it } from 'vitest';
import { diplomacy } from './game';
import { formatPhaseCode, parsePhaseCode } from './phase-code';

describe('the phase code grammar', () => {
  it('reads and writes every kind of phase', () => {
    expect(parsePhaseCode('S1903M')).toEqual({ season: 'spring', year: 1903, type: 'movement' });
    expect(parsePhaseCode(' f1901r ')).toEqual({ season: 'fall', year: 1901, type: 'retreat' });
    expect(parsePhaseCode('W1910A')).toEqual({ season: 'winter', year: 1910, type: 'adjustment' });
    for (const code of ['S1901M', 'S1901R', 'F1902M', 'F1902R', 'W1902A'])
      expect(formatPhaseCode(parsePhaseCode(code)!)).toBe(code);
  });

  it('refuses what is not a phase of the game', () => {
    for (const text of ['', 'S1903', 'X1903M', 'W1903M', 'S1903A', 'S1899M', 'S19030M', 'S1903M; drop', '1903'])
      expect(parsePhaseCode(text), text).toBeNull();
  });

  it('is the grammar of the engine’s turn keys', () => {
    const s = diplomacy.newInitialState({ lastYear: 1901 });
    expect(diplomacy.turnKey!(s)).toBe('S1901M');
    expect(diplomacy.parseTurnKey!('s1901m')).toBe('S1901M');
    expect(diplomacy.parseTurnKey!('spring 1901')).toBeNull();
  });

  it('names the clock each kind of round runs on', () => {
    const s = diplomacy.newInitialState({ lastYear: 1901 });
    const at = (type: 'movement' | 'retreat' | 'adjustment') => ({ ...s, phase: { ...s.phase, type } });
    expect(diplomacy.roundClock!(at('movement'))).toBe('orders');
    expect(diplomacy.roundClock!(at('retreat'))).toBe('retreat');
    expect(diplomacy.roundClock!(at('adjustment'))).toBe('adjust');
  });
});
