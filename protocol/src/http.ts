/**
 * The arena's HTTP requests: the bodies and queries clients send, as zod schemas. The server
 * parses every request with these (defaults filled in: `z.output`), and the web builds what it
 * sends as the schema's input type (`z.input`), so a field renamed on one side fails the other's
 * typecheck. Rules that need the server's state (a registered agent, a game's traits, a role)
 * are checked by the server after the shape.
 */
import { z } from 'zod';

export const matchStatusSchema = z.enum(['running', 'finished', 'aborted']);
export type MatchStatus = z.infer<typeof matchStatusSchema>;

// ── Matches ────────────────────────────────────────────────────────────────────────────────────

/**
 * A registered agent id (`random`, `tag`, an operator's LLM configuration, a bot account) or
 * `human` for an open seat a person takes, optionally with a display name. Never a file or a URL.
 */
export const matchSeatSchema = z.union([
  z.string().min(1).max(130),
  z.object({ agent: z.string().min(1).max(130), name: z.string().min(1).max(80).optional() }).strict(),
]);

export const clockSchema = z
  .object({
    /** Per-action clock in sequential games (poker). */
    actionMs: z.number().int().min(50).max(3_600_000).default(30_000),
    /** A time bank per seat, spent by thinking beyond `actionMs`. */
    bankMs: z.number().int().min(0).max(3_600_000).default(60_000),
    /** Games with press: the negotiation period before orders in movement phases. */
    pressMs: z.number().int().min(0).max(86_400_000).default(60_000),
    /** Games with press: the order deadline after negotiation. */
    ordersMs: z.number().int().min(50).max(86_400_000).default(60_000),
    retreatMs: z.number().int().min(50).max(86_400_000).default(30_000),
    adjustMs: z.number().int().min(50).max(86_400_000).default(30_000),
  })
  .strict();
export type ClockSettings = z.infer<typeof clockSchema>;

/** POST /api/matches (also a room's create options and the demo's matches). */
export const matchSettingsSchema = z
  .object({
    game: z.string().min(1).max(40),
    params: z.unknown().optional(),
    seed: z.number().int().optional(),
    seats: z.array(matchSeatSchema).min(1).max(9),
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
     * The creator's choice: a rated match moves every seat's ladder rating when it finishes; a
     * casual one (the default, and every demo match) moves nothing.
     */
    rated: z.boolean().default(false),
  })
  .strict();
/** A match's settings once parsed (every default filled in), as the server keeps and serves them. */
export type MatchSettings = z.infer<typeof matchSettingsSchema>;
/** What a client sends to create a match: the defaults may be left out. */
export type MatchRequest = z.input<typeof matchSettingsSchema>;

/** Which matches a list shows: demo matches are listed (each says `demo`) unless `exclude`; `only` lists just them. */
export const demoFilterSchema = z.enum(['include', 'exclude', 'only']);

/** GET /api/matches. */
export const matchListQuerySchema = z.object({
  game: z.string().max(40).optional(),
  agent: z.string().max(500).optional(),
  status: matchStatusSchema.optional(),
  tournament: z.string().max(100).optional(),
  demo: demoFilterSchema.default('include'),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type MatchListQuery = z.input<typeof matchListQuerySchema>;

/** GET /api/matches/:id/export: `json` is the match record; the others as the game declares. */
export const exportQuerySchema = z.object({ format: z.enum(['json', 'phh', 'diplomacy']).default('json') });
export type ExportQuery = z.input<typeof exportQuerySchema>;

/** Continuations one branch may ask for. */
export const BRANCH_TIMES_MAX = 100;

/** POST /api/matches/:id/branches (the operator's): fork a finished match at a turn. */
export const branchRequestSchema = z
  .object({
    /** The turn to fork at, in the game's own grammar (the game's turn key). */
    at: z.string().min(1).max(20),
    times: z.number().int().min(1).max(BRANCH_TIMES_MAX).default(10),
    /** One registered agent id per seat; default the parent's. */
    seats: z.array(z.string().min(1).max(130)).min(1).max(9).optional(),
  })
  .strict();
export type BranchRequest = z.input<typeof branchRequestSchema>;

/** POST /api/matches/:id/judge (the operator's): a registered model reads the match's press. */
export const judgeRequestSchema = z
  .object({
    /** A registered LLM configuration's id. */
    judge: z.string().min(1).max(130),
    /** Time for one judgement, all attempts included. */
    deadlineMs: z.number().int().min(1000).max(600_000).default(120_000),
  })
  .strict();
export type JudgeRequest = z.input<typeof judgeRequestSchema>;

// ── Agents, measures, ratings ──────────────────────────────────────────────────────────────────

/** GET /api/agents: match counts leave demo matches out unless asked. */
export const agentListQuerySchema = z.object({ demo: demoFilterSchema.default('exclude') });

/** GET /api/measures/diplomacy. */
export const measuresQuerySchema = z.object({ agent: z.string().min(1).max(500).optional() });

/** GET /api/agents/:name/exploitability: the server also checks the game declares an exact tree. */
export const exploitabilityQuerySchema = z.object({ game: z.string().max(40) });

/** How a leaderboard is written: an aligned text table, JSON, CSV or JSON lines. */
export const LEADERBOARD_FORMATS = ['table', 'json', 'csv', 'jsonl'] as const;
export type LeaderboardFormat = (typeof LEADERBOARD_FORMATS)[number];

/** GET /api/tournaments/:id/leaderboard. */
export const leaderboardQuerySchema = z.object({ format: z.enum(LEADERBOARD_FORMATS).default('json') });

/** Who the living ladder rates, and in which pool: every rated match, or those against people only. */
export const ladderPlayerKindSchema = z.enum(['agent', 'bot-account', 'person']);
export type LadderPlayerKind = z.infer<typeof ladderPlayerKindSchema>;
export const ladderPoolSchema = z.enum(['all', 'vs-people']);
export type LadderPool = z.infer<typeof ladderPoolSchema>;

/** GET /api/ladder: the living ladder, by game, kind of player, pool and name. */
export const ladderQuerySchema = z.object({
  game: z.string().max(40).optional(),
  kind: ladderPlayerKindSchema.optional(),
  pool: ladderPoolSchema.default('all'),
  name: z.string().max(500).optional(),
});
export type LadderQuery = z.input<typeof ladderQuerySchema>;
