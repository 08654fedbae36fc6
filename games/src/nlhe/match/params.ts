/**
 * The `nlhe` game's parameters, validated with zod. Defaults: six players, 10,000-chip stacks,
 * 50/100 blinds, one hand. `format` picks what a game is:
 * - `hand`: a single hand (seat n-1 is the button, as PHH orders players);
 * - `cash`: `hands` hands with a moving button; stacks carry over (or `resetStacks` every hand),
 *   and a busted player either rebuys (`rebuy`) or sits out;
 * - `sng`: a sit-and-go: blinds rise by `blindSchedule` (by hand count), busted players are
 *   eliminated, and the game ends when one player holds every chip (or after `maxHands`).
 */
import { z } from 'zod';
import type { ParamField } from '../../core/game';

const chips = z.number().int().nonnegative();
const positiveChips = z.number().int().positive();

const level = z
  .object({
    /** How many hands this level lasts (the last level lasts for ever). */
    hands: z.number().int().positive(),
    blinds: z.tuple([chips, positiveChips]),
    ante: chips.default(0),
    bigBlindAnte: chips.default(0),
  })
  .strict();

export const paramsSchema = z
  .object({
    players: z.number().int().min(2).max(9).default(6),
    startingStack: positiveChips.default(10_000),
    /** Per-seat starting stacks; overrides `startingStack`. */
    stacks: z.array(positiveChips).optional(),
    /** [small blind, big blind]. */
    blinds: z.tuple([chips, positiveChips]).default([50, 100]),
    /** Straddles after the big blind, e.g. [200] for one under-the-gun straddle (PHH blinds_or_straddles). */
    straddles: z.array(positiveChips).default([]),
    /** An ante from every player. */
    ante: chips.default(0),
    /** An extra ante from the big blind only (dead money). */
    bigBlindAnte: chips.default(0),
    /** Minimum bet and minimum raise increment; defaults to the big blind. */
    minBet: positiveChips.optional(),
    format: z.enum(['hand', 'cash', 'sng']).default('hand'),
    /** Cash game: number of hands. */
    hands: z.number().int().min(1).max(100_000).default(10),
    /** Cash game: every hand starts from the starting stacks. */
    resetStacks: z.boolean().default(false),
    /** Cash game: a busted player buys back in to its starting stack before the next hand. */
    rebuy: z.boolean().default(false),
    /** Sit-and-go: blind levels by hand count; default doubles the blinds every 10 hands. */
    blindSchedule: z.array(level).min(1).optional(),
    /** Sit-and-go: stop after this many hands (rank the survivors by chips). */
    maxHands: z.number().int().positive().default(5_000),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.stacks && p.stacks.length !== p.players) {
      ctx.addIssue({ code: 'custom', path: ['stacks'], message: `needs one stack per player (${p.players})` });
    }
    if (p.straddles.length > p.players - 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['straddles'],
        message: `at most ${p.players - 2} straddles with ${p.players} players`,
      });
    }
    if (p.blinds[0] > p.blinds[1])
      ctx.addIssue({ code: 'custom', path: ['blinds'], message: 'the small blind exceeds the big blind' });
  });

export type NlheParams = z.output<typeof paramsSchema>;
export type BlindLevel = z.output<typeof level>;

export const DEFAULT_PARAMS: NlheParams = paramsSchema.parse({});

/** The blinds and antes of hand `handNumber` (1-based). */
export function levelFor(params: NlheParams, handNumber: number): BlindLevel {
  const flat: BlindLevel = { hands: 1, blinds: params.blinds, ante: params.ante, bigBlindAnte: params.bigBlindAnte };
  if (params.format !== 'sng') return flat;
  const schedule = params.blindSchedule;
  if (!schedule) {
    const doublings = Math.min(20, Math.floor((handNumber - 1) / 10));
    const scale = 2 ** doublings;
    return {
      hands: 10,
      blinds: [params.blinds[0] * scale, params.blinds[1] * scale],
      ante: params.ante * scale,
      bigBlindAnte: params.bigBlindAnte * scale,
    };
  }
  let left = handNumber;
  for (const step of schedule) {
    if (left <= step.hands) return step;
    left -= step.hands;
  }
  return schedule[schedule.length - 1]!;
}

export const startingStacks = (params: NlheParams): number[] =>
  params.stacks ?? new Array<number>(params.players).fill(params.startingStack);

/**
 * The rating scale of a match: a `hand` is one hand, a `cash` game `hands` hands at fixed blinds.
 * A sit-and-go has rising blinds and no fixed hand count, so it has no scale (it is rated by rank).
 */
export function chipScale(params: NlheParams): { bigBlind: number; handsPerMatch: number } | null {
  if (params.format === 'sng') return null;
  return { bigBlind: params.blinds[1], handsPerMatch: params.format === 'cash' ? params.hands : 1 };
}

/**
 * The form a person fills in to make a match: format, seats, hands, blinds and stacks. A new
 * match starts as a heads-up cash game of six hands, as a card room deals: one hand is over
 * before it starts.
 */
export const PARAM_FIELDS: readonly ParamField[] = [
  {
    key: 'format',
    label: 'Format',
    kind: 'choice',
    options: [
      { value: 'cash', label: 'Cash game (a fixed number of hands)' },
      { value: 'sng', label: 'Sit-and-go (rising blinds, last player standing)' },
      { value: 'hand', label: 'A single hand' },
    ],
    initial: 'cash',
  },
  { key: 'players', label: 'Seats', kind: 'integer', min: 2, max: 9, initial: 2 },
  { key: 'hands', label: 'Hands', kind: 'integer', min: 1, max: 1000, initial: 6, when: { key: 'format', in: ['cash'] } },
  { key: 'blinds', label: 'Blinds', kind: 'pair', labels: ['Small blind', 'Big blind'], min: 1 },
  { key: 'startingStack', label: 'Starting stack', kind: 'integer', min: 1, max: 1_000_000_000 },
];
