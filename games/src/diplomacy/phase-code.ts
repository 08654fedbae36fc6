/**
 * The standard phase code, `S1901M`, `F1901R`, `W1901A`: season initial, year, phase-type
 * initial. This file is the one grammar for it: the engine's turn keys, records, exports and
 * anything that reads a phase typed by a person (a branch point, a saved game) go through here.
 */
import type { Phase, PhaseType, Season } from './types';

const SEASONS: Readonly<Record<string, Season>> = { S: 'spring', F: 'fall', W: 'winter' };
const TYPES: Readonly<Record<string, PhaseType>> = { M: 'movement', R: 'retreat', A: 'adjustment' };
/** Which phase types each season holds: winter is adjustments only, spring and fall never adjust. */
const TYPES_IN: Readonly<Record<Season, readonly PhaseType[]>> = {
  spring: ['movement', 'retreat'],
  fall: ['movement', 'retreat'],
  winter: ['adjustment'],
};

export function formatPhaseCode(phase: Phase): string {
  return `${phase.season[0]!.toUpperCase()}${phase.year}${phase.type[0]!.toUpperCase()}`;
}

/**
 * A phase from its code, case and surrounding spaces ignored; null for anything else, including
 * phases the game never has (a winter movement, a spring adjustment, a year before 1901).
 */
export function parsePhaseCode(text: string): Phase | null {
  const m = /^([SFW])(\d{4})([MRA])$/.exec(text.trim().toUpperCase());
  if (!m) return null;
  const season = SEASONS[m[1]!]!;
  const type = TYPES[m[3]!]!;
  const year = Number(m[2]);
  if (year < 1901 || !TYPES_IN[season].includes(type)) return null;
  return { season, year, type };
}
