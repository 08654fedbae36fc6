import type { z } from 'zod';
import { type ActionError, actionError } from './game';

/**
 * Parses raw parameters with a zod schema into the game's parameter type, or a
 * `params/invalid` error naming every offending field.
 */
export function parseWith<P>(schema: z.ZodType<P>, raw: unknown): { ok: true; params: P } | { ok: false; error: ActionError } {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return { ok: true, params: result.data };
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return { ok: false, error: actionError('params/invalid', problems.join('; '), result.error.issues) };
}
