/**
 * A tournament file (YAML or JSON; `POST /api/tournaments` takes the same document as JSON): who
 * plays, which game, how they are paired, and how results are rated. This is its shape; the
 * server resolves it (agents named, seats counted, games' parameters checked) in
 * server/src/tournament/spec.ts.
 */
import { z } from 'zod';
import { RATING_METHODS, SCORING_SYSTEMS, type Scalar, tournamentFormatSchema } from './tournament';

/** Keys that reach an object's prototype: no object built from input may have them. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** True when no dotted segment of an override key (`budget.tokens`) could reach a prototype. */
export function isSafeOverrideKey(key: string): boolean {
  return key.length > 0 && key.split('.').every((part) => part.length > 0 && !PROTOTYPE_KEYS.has(part));
}

const scalar = z.union([z.string(), z.number(), z.boolean()]) satisfies z.ZodType<Scalar>;
const key = z
  .string()
  .regex(/^[A-Za-z_][\w.]*$/, 'must be a field name such as reasoningEffort or budget.tokens')
  .refine(isSafeOverrideKey, 'must not name __proto__, constructor or prototype');
const overrides = z.record(key, scalar);
const displayName = z
  .string()
  .min(1)
  .max(120)
  .refine((n) => !/[|\r\n]/.test(n), 'must not contain | or line breaks');

const participantSchema = z.union([
  z.string().min(1),
  z
    .object({
      name: displayName.optional(),
      agent: z.string().min(1),
      overrides: overrides.optional(),
      /** A list of settings, or a map from field to values whose every combination is entered. */
      sweep: z.union([z.array(overrides).min(1), z.record(key, z.array(scalar).min(1))]).optional(),
    })
    .strict(),
]);

const ratingsSchema = z
  .object({
    primary: z.enum(RATING_METHODS).optional(),
    provisionalBelow: z.number().int().min(0).default(30),
    bootstrap: z.number().int().min(0).max(100_000).default(1000),
    elo: z
      .object({ k: z.number().positive().default(16), initial: z.number().default(1500) })
      .strict()
      .optional(),
    bradleyTerry: z
      .object({
        prior: z.number().min(0).default(1),
        anchor: z
          .union([z.object({ mean: z.number() }).strict(), z.object({ participant: z.string(), rating: z.number() }).strict()])
          .optional(),
      })
      .strict()
      .optional(),
    poker: z
      .object({ bigBlind: z.number().positive(), handsPerMatch: z.number().int().positive().default(1) })
      .strict()
      .optional(),
  })
  .strict();

export const tournamentFileSchema = z
  .object({
    name: displayName,
    description: z.string().optional(),
    game: z.string().min(1),
    params: z.record(z.string(), z.unknown()).default({}),
    seed: z.number().int().default(1),
    participants: z.array(participantSchema).min(1),
    format: tournamentFormatSchema,
    /** Play every pairing once per seat rotation (true), or one rotation per round in turn. */
    rotateSeats: z.boolean().default(true),
    /** Poker: the rotations of a pairing share one deal (same cards, seats swapped). */
    duplicate: z.boolean().default(false),
    /** The order clock: each decision's deadline. */
    deadlineMs: z.number().int().positive().default(30_000),
    /** The negotiation clock: each seat's time to write a round of press (default: the order clock). */
    pressDeadlineMs: z.number().int().positive().optional(),
    maxActions: z.number().int().positive().optional(),
    pressRounds: z.number().int().min(0).default(0),
    /** Matches each worker plays at once (raise it for agents that wait on the network). */
    concurrency: z.number().int().min(1).max(256).default(1),
    /** Keep every full match record (records.jsonl) besides the results. */
    records: z.boolean().default(false),
    ratings: ratingsSchema.default(() => ratingsSchema.parse({})),
    /**
     * Games scored by centres (Diplomacy): the scoring system the ratings use (default
     * sum-of-squares; see docs/scoring.md). Scores are computed from stored results, so changing
     * it re-rates a finished tournament without replaying it.
     */
    scoring: z.enum(SCORING_SYSTEMS).optional(),
  })
  .strict();

export type TournamentFile = z.input<typeof tournamentFileSchema>;
