/**
 * The synchronized state of a match room: fields only. Hidden information travels solely in
 * `views[seat]`, which is tagged for StateView and added to the view of that seat's client alone;
 * everything else is public (the spectator field is the spectator view, delayed when configured).
 */
import { type SchemaType, schema, t } from '@colyseus/schema';

export const SeatInfo = schema(
  {
    seat: t.uint8(),
    name: t.string(),
    kind: t.string(),
    connected: t.boolean().default(false),
    /** Whether the seat is deciding now, and until when (ms since epoch). */
    deciding: t.boolean().default(false),
    deadlineAt: t.number().default(0),
    bankMs: t.number().default(0),
  },
  'SeatInfo',
);
export type SeatInfo = SchemaType<typeof SeatInfo>;

export const SeatView = schema(
  {
    seat: t.uint8(),
    /** `game.observation(state, seat)` as JSON. */
    observation: t.string().default('null'),
    /** Legal actions as a JSON array, empty when the seat need not act. */
    legal: t.string().default('[]'),
    /** The open decision's id, quoted back in `act`; -1 when none is open. */
    decision: t.number().default(-1),
    /** Press this seat has received, as JSON. */
    inbox: t.string().default('[]'),
    /**
     * The seat's table settings as the match holds them (`SeatPreferences` as JSON), or 'null'
     * until its person chose: a reconnecting page shows them rather than resetting them.
     */
    prefs: t.string().default('null'),
  },
  'SeatView',
);
export type SeatView = SchemaType<typeof SeatView>;

/**
 * The game's broadcast view (hands face up, their names and equities) behind the spectator
 * delay: tagged for StateView and added to spectators' views only, never a seat's. 'null' when
 * the match has no delay or the game has no broadcast view.
 */
export const BroadcastView = schema({ view: t.string().default('null') }, 'BroadcastView');
export type BroadcastView = SchemaType<typeof BroadcastView>;

export const MatchState = schema(
  {
    matchId: t.string(),
    game: t.string(),
    status: t.string().default('running'),
    /** The spectator view as JSON. */
    spectator: t.string().default('null'),
    /** Press visible to spectators (all of it at the end; public messages after the delay). */
    press: t.string().default('[]'),
    actions: t.number().default(0),
    /** The current round of simultaneous decisions (Diplomacy's `S1901M`), empty in sequential games. */
    turn: t.string().default(''),
    /** While a negotiation period is open, when it closes (ms since epoch); 0 otherwise. */
    pressOpenUntil: t.number().default(0),
    returns: t.string().default('null'),
    /** How many spectators are connected (public: a count, never who). */
    spectators: t.uint16().default(0),
    seats: t.array(SeatInfo),
    views: t.array(SeatView).view(),
    /** One element, for spectators (see BroadcastView). */
    broadcast: t.array(BroadcastView).view(),
  },
  'MatchState',
);
export type MatchState = SchemaType<typeof MatchState>;
