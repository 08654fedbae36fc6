/**
 * A match as a client asks for it (POST /api/matches, a room's create options, the demo): the
 * game and its parameters, who sits where, and the clocks. Validated at the edge with zod.
 */
import { Diplomacy } from '@parley/games';
import { z } from 'zod';

/**
 * A registered agent id (`random`, `tag`, an operator's LLM configuration, a bot account; see
 * agents-registry/) or `human` for an open seat a person takes. Never a file or a URL.
 */
const seatSchema = z.union([
  z.string().min(1).max(130),
  z.object({ agent: z.string().min(1).max(130), name: z.string().min(1).max(80).optional() }).strict(),
]);

export const clockSchema = z
  .object({
    /** Per-action clock in sequential games (poker). */
    actionMs: z.number().int().min(50).max(3_600_000).default(30_000),
    /** A time bank per seat, spent by thinking beyond `actionMs`. */
    bankMs: z.number().int().min(0).max(3_600_000).default(60_000),
    /** Diplomacy: the negotiation period before orders in movement phases. */
    pressMs: z.number().int().min(0).max(86_400_000).default(60_000),
    /** Diplomacy: the order deadline after negotiation. */
    ordersMs: z.number().int().min(50).max(86_400_000).default(60_000),
    retreatMs: z.number().int().min(50).max(86_400_000).default(30_000),
    adjustMs: z.number().int().min(50).max(86_400_000).default(30_000),
  })
  .strict();

export const matchSettingsSchema = z
  .object({
    game: z.string().min(1).max(40),
    params: z.unknown().optional(),
    seed: z.number().int().optional(),
    seats: z.array(seatSchema).min(1).max(9),
    clock: clockSchema.default(clockSchema.parse({})),
    /** Rounds of bot/LLM press within each negotiation period. */
    pressRounds: z.number().int().min(0).max(10).default(1),
    /** Spectators see the game this many milliseconds late (and press only at the end). */
    spectatorDelayMs: z.number().int().min(0).max(3_600_000).default(0),
    /** Pause after each bot action (each turn, in a simultaneous game) so people can watch (the demo); 0 plays at full speed. */
    paceMs: z.number().int().min(0).max(60_000).default(0),
    /** Seconds a dropped person has to reconnect before the seat's clock plays for them. */
    reconnectSeconds: z.number().int().min(0).max(3600).default(60),
    /**
     * The creator's choice: a rated match moves every seat's ladder rating when it finishes
     * (ratings/ladder.ts); a casual one (the default, and every demo match) moves nothing.
     */
    rated: z.boolean().default(false),
  })
  .strict();

export type MatchSettings = z.infer<typeof matchSettingsSchema>;
export type ClockSettings = z.infer<typeof clockSchema>;

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
