/**
 * What the arena reads in a match's settings (whose schema, `matchSettingsSchema`, is the
 * protocol's: POST /api/matches, a room's create options, the demo): who sits where, and which
 * clock a turn runs on.
 */
import { Diplomacy } from '@parley/games';
import type { ClockSettings, MatchSettings } from '@parley/protocol';

export const HUMAN = 'human';

export function seatAgentSpec(seat: MatchSettings['seats'][number]): { spec: string; name?: string } {
  return typeof seat === 'string' ? { spec: seat } : { spec: seat.agent, name: seat.name };
}

/**
 * The deadline of a simultaneous turn, by the kind of phase its turn key names, read with the
 * engine's grammar (`S1901M` movement, `F1901R` retreats, `W1901A` adjustments); any other turn
 * gets the orders' clock.
 */
export function phaseDeadline(clock: ClockSettings, turnKey: string | undefined): number {
  const kind = turnKey === undefined ? undefined : Diplomacy.parsePhaseCode(turnKey)?.type;
  return kind === 'retreat' ? clock.retreatMs : kind === 'adjustment' ? clock.adjustMs : clock.ordersMs;
}
