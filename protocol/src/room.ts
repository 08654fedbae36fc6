/**
 * A match room's messages, both ways. Client to server: every message is parsed at the edge into
 * a closed union; anything else (unknown types, wrong shapes, oversized payloads) becomes
 * `unexpected`, and the room answers with an error and otherwise ignores it. Server to client:
 * what a room sends besides state patches. Views travel in the room state (through StateView,
 * per seat), so nothing here carries hidden information except to the seat it belongs to.
 */
import { z } from 'zod';

const action = z.string().min(1).max(200);
export const clientMessageSchemas = {
  /** Play one action (or, in a simultaneous phase, a list) for the decision `decision`. */
  act: z.object({ decision: z.number().int().min(0), actions: z.array(action).min(1).max(64) }).strict(),
  /**
   * Send press: `to` is a list of seats or 'all'. Only the shape is parsed here; the press check
   * that agents and webhooks meet too (server runtime/press-rules.ts: length, recipients, count
   * per round, the game's commitment kinds) decides, so a person is refused with the same error.
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

export type ActMessage = z.infer<typeof clientMessageSchemas.act>;
export type PressRequest = z.infer<typeof clientMessageSchemas.press>;

export type ClientMessage =
  | { type: 'act'; payload: ActMessage }
  | { type: 'press'; payload: PressRequest }
  | { type: 'ready'; payload: z.infer<typeof clientMessageSchemas.ready> }
  | { type: 'prefs'; payload: z.infer<typeof clientMessageSchemas.prefs> }
  | { type: 'unexpected'; reason: string };

const MAX_BYTES = 16 * 1024;

export function parseClientMessage(type: unknown, payload: unknown): ClientMessage {
  if (typeof type !== 'string' || !Object.hasOwn(clientMessageSchemas, type))
    return { type: 'unexpected', reason: `unknown message type ${JSON.stringify(String(type)).slice(0, 40)}` };
  let size: number;
  try {
    size = JSON.stringify(payload ?? {}).length;
  } catch {
    return { type: 'unexpected', reason: 'payload is not JSON' };
  }
  if (size > MAX_BYTES) return { type: 'unexpected', reason: `payload of ${size} bytes exceeds ${MAX_BYTES}` };
  const schema = clientMessageSchemas[type as keyof typeof clientMessageSchemas];
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success)
    return {
      type: 'unexpected',
      reason: `bad ${type}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'} ${i.message}`).join('; ')}`,
    };
  return { type, payload: parsed.data } as ClientMessage;
}

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  z.object({ type: z.literal('ack'), decision: z.number(), applied: z.number() }),
  z.object({ type: z.literal('seat'), seat: z.number().nullable(), role: z.enum(['player', 'spectator']) }),
  z.object({ type: z.literal('finished'), returns: z.array(z.number()) }),
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
/** The payload of one server message type (what `room.onMessage(type, …)` receives). */
export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

export const errorMessage = (code: string, message: string): ServerMessage => ({ type: 'error', code, message });
