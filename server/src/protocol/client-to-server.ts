/**
 * Every message a client may send to a match room, parsed at the edge into a closed union.
 * Anything else (unknown types, wrong shapes, oversized payloads) becomes `unexpected`: the room
 * answers with an error and otherwise ignores it.
 */
import { z } from 'zod';

const action = z.string().min(1).max(200);
const messages = {
  /** Play one action (or, in a simultaneous phase, a list) for the decision `decision`. */
  act: z.object({ decision: z.number().int().min(0), actions: z.array(action).min(1).max(64) }).strict(),
  /**
   * Send press: `to` is a list of seats or 'all'. Only the shape is parsed here; the press check
   * that agents and webhooks meet too (runtime/press-rules.ts: length, recipients, count per
   * round, the game's commitment kinds) decides, so a person is refused with the same error.
   */
  press: z
    .object({
      to: z.union([z.literal('all'), z.array(z.number()).max(64)]),
      text: z.string(),
      commitments: z.array(z.unknown()).max(64).optional(),
    })
    .strict(),
  /** Done negotiating for this phase (the window closes early when every person is ready). */
  ready: z.object({}).strict(),
  /** The person's table settings (games/src/core/game.ts SeatPreferences). */
  prefs: z.object({ muckLosing: z.boolean() }).strict(),
} as const;

export type ClientMessage =
  | { type: 'act'; payload: z.infer<typeof messages.act> }
  | { type: 'press'; payload: z.infer<typeof messages.press> }
  | { type: 'ready'; payload: z.infer<typeof messages.ready> }
  | { type: 'prefs'; payload: z.infer<typeof messages.prefs> }
  | { type: 'unexpected'; reason: string };

const MAX_BYTES = 16 * 1024;

export function parseClientMessage(type: unknown, payload: unknown): ClientMessage {
  if (typeof type !== 'string' || !Object.hasOwn(messages, type))
    return { type: 'unexpected', reason: `unknown message type ${JSON.stringify(String(type)).slice(0, 40)}` };
  let size: number;
  try {
    size = JSON.stringify(payload ?? {}).length;
  } catch {
    return { type: 'unexpected', reason: 'payload is not JSON' };
  }
  if (size > MAX_BYTES) return { type: 'unexpected', reason: `payload of ${size} bytes exceeds ${MAX_BYTES}` };
  const schema = messages[type as keyof typeof messages];
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success)
    return {
      type: 'unexpected',
      reason: `bad ${type}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'} ${i.message}`).join('; ')}`,
    };
  return { type, payload: parsed.data } as ClientMessage;
}
