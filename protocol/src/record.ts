/**
 * The match record (server runtime/record.ts writes it, `parley replay` and the store read it) and
 * the model calls it carries, as zod schemas. A record read from a file or a database row is
 * parsed with `parseMatchRecord`, which names the first field that is wrong.
 */
import { z } from 'zod';
import { commitmentSchema, seatSchema } from './commitment';

export const RECORD_FORMAT = 'parley.match';
export const RECORD_VERSION = 1;

/** Why the runtime played something other than what the agent said. */
export const fallbackSchema = z.enum(['timeout', 'illegal', 'error', 'missing']);
export type Fallback = z.infer<typeof fallbackSchema>;

export const actionRecordSchema = z.object({
  seq: z.number().int().min(0),
  actor: z.union([seatSchema, z.literal('chance')]),
  action: z.string(),
  /** Milliseconds the agent took for the decision this action belongs to (0 for chance). */
  ms: z.number().min(0),
  /** Present when the runtime substituted the game's default. */
  fallback: fallbackSchema.optional(),
  /** What the agent proposed, when it was rejected. */
  proposed: z.string().optional(),
  /** The validation error or failure message, when there was one. */
  error: z.string().optional(),
});
export type ActionRecord = z.infer<typeof actionRecordSchema>;

export const seatRecordSchema = z.object({ seat: seatSchema, agent: z.string() });
export type SeatRecord = z.infer<typeof seatRecordSchema>;

/** A press message as delivered, with the action count at the time it was sent. */
export const messageRecordSchema = z.object({
  /** Number of actions applied before it was sent: it sits between action seq-1 and seq. */
  seq: z.number().int().min(0),
  phase: z.string(),
  from: seatSchema,
  to: z.union([z.literal('all'), z.array(seatSchema)]),
  text: z.string(),
  commitments: z.array(commitmentSchema).optional(),
});
export type MessageRecord = z.infer<typeof messageRecordSchema>;

/**
 * What the call was for: an action decision, press, a retry after a bad answer, consolidating
 * the agent's memory, reflecting after a phase, or judging press (the analyzer's judge).
 */
export const modelCallPurposeSchema = z.enum(['decide', 'negotiate', 'retry', 'summarize', 'reflect', 'judge']);

/** One request to a model, retries and failures included; keys never appear here. */
export const modelCallSchema = z.object({
  provider: z.string(),
  model: z.string(),
  purpose: modelCallPurposeSchema,
  prompt: z.unknown(),
  reply: z.string().nullable(),
  tokensIn: z.number().int().min(0),
  tokensOut: z.number().int().min(0),
  latencyMs: z.number(),
  costUsd: z.number(),
  attempt: z.number().int().min(0),
  error: z.string().optional(),
  /** The action (or messages) the reply was parsed into, if it parsed. */
  parsed: z.unknown().optional(),
  /** The agent's memory after this call changed it (LLM Diplomacy agents). */
  memory: z.unknown().optional(),
});
export type ModelCall = Readonly<z.infer<typeof modelCallSchema>>;

/** A model call in a record, placed before the action it led to (`seq`). */
export const modelCallRecordSchema = modelCallSchema.extend({ seq: z.number().int().min(0), seat: seatSchema });
export type ModelCallRecord = z.infer<typeof modelCallRecordSchema>;

/** A model call as the store keeps it and the API serves it: the action it led to, and when. */
export const storedModelCallSchema = modelCallSchema.extend({
  actionSeq: z.number().int().min(0),
  seat: seatSchema,
  at: z.number(),
});
export type StoredModelCall = z.infer<typeof storedModelCallSchema>;

/** Where a continuation left its parent: the turn it forked at, opened after `seq` actions. */
export const branchOriginSchema = z.object({
  parentSeed: z.number(),
  parentHash: z.string(),
  at: z.string(),
  seq: z.number().int().min(0),
  /** Which continuation of the fork (0 keeps the parent's seed). */
  index: z.number().int().min(0),
});
export type BranchOrigin = z.infer<typeof branchOriginSchema>;

export const matchRecordSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  version: z.literal(RECORD_VERSION),
  game: z.string().min(1),
  params: z.unknown(),
  seed: z.number().int(),
  seats: z.array(seatRecordSchema),
  actions: z.array(actionRecordSchema),
  messages: z.array(messageRecordSchema),
  modelCalls: z.array(modelCallRecordSchema),
  returns: z.array(z.number()),
  finalStateHash: z.string(),
  /**
   * Present on a fork's continuation: where it left its parent. Everything before that point was
   * carried over from the parent, so measures of the continuation start there.
   */
  branch: branchOriginSchema.optional(),
  /** The seed's commitment and salt, revealed with the seed once an arena match is over. */
  fairness: z.object({ scheme: z.string(), commitment: z.string(), salt: z.string() }).optional(),
});

export interface MatchRecord<P = unknown> extends Omit<z.infer<typeof matchRecordSchema>, 'params' | 'format' | 'version'> {
  format: typeof RECORD_FORMAT;
  version: typeof RECORD_VERSION;
  params: P;
}

/** The zod issues of a failed parse as one line: `actions.3.actor: Invalid input; …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Parses a record (from a file or the database); a malformed one is refused naming its first bad fields. */
export function parseMatchRecord(value: unknown): { ok: true; record: MatchRecord } | { ok: false; error: string } {
  const parsed = matchRecordSchema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data as MatchRecord };
  return { ok: false, error: `not a ${RECORD_FORMAT} v${RECORD_VERSION} record: ${describeIssues(parsed.error)}` };
}
