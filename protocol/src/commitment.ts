/**
 * A commitment: a typed promise carried by press (support an order, move, keep a province
 * demilitarised, no attack on a seat or province). The Diplomacy engine owns what a commitment
 * means (`Diplomacy.Commitment`, checked against the orders given); this is its wire shape, and
 * the type test below keeps the two equal.
 */
import type { Diplomacy } from '@parley/games';
import { z } from 'zod';

export const seatSchema = z.number().int().min(0).describe('A seat index, from 0.');

export const commitmentSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('support'), order: z.string() }),
    z.object({ kind: z.literal('move'), order: z.string() }),
    z.object({ kind: z.literal('demilitarise'), province: z.string() }),
    z.object({ kind: z.literal('no-attack'), target: z.union([seatSchema, z.string()]) }),
  ])
  .describe('A structured promise: support or move (an order), demilitarise (a province), no-attack (a seat or province).');

export type Commitment = Diplomacy.Commitment;

/** Compile-time proof that the schema and the engine's type describe the same values. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const sameCommitment: Same<z.infer<typeof commitmentSchema>, Commitment> = true;
