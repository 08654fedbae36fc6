/**
 * What the arena reads in a match's settings (whose schema, `matchSettingsSchema`, is the
 * protocol's: POST /api/matches, a room's create options, the demo): who sits where, and which
 * clock a turn runs on.
 */
import type { RoundClock } from '@parley/games';
import type { ClockSettings, MatchSettings } from '@parley/protocol';

export const HUMAN = 'human';

export function seatAgentSpec(seat: MatchSettings['seats'][number]): { spec: string; name?: string } {
  return typeof seat === 'string' ? { spec: seat } : { spec: seat.agent, name: seat.name };
}

/** The deadline of a simultaneous round, on the clock the game says the round runs on (orders by default). */
export function phaseDeadline(clock: ClockSettings, round: RoundClock | undefined): number {
  return round === 'retreat' ? clock.retreatMs : round === 'adjust' ? clock.adjustMs : clock.ordersMs;
}
