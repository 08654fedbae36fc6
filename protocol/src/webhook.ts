/**
 * The webhook protocol (`parley.webhook` v1), as zod schemas: the requests Parley POSTs to an
 * external bot and the answers it accepts. `schema.json` in examples/webhook is generated from
 * these (webhook-json-schema.ts), so the documentation and the checks cannot drift apart.
 *
 * Every request is JSON with `kind`: `act` asks for an action (or, in a simultaneous phase such
 * as a Diplomacy turn, a list of actions); `negotiate` asks for press messages. Answers are
 * parsed at this edge; anything malformed becomes an error, and the runtime plays the default.
 */
import { z } from 'zod';
import { commitmentSchema, seatSchema as seat } from './commitment';

export const PROTOCOL = 'parley.webhook' as const;
export const PROTOCOL_VERSION = 1 as const;

export const pressMessageSchema = z
  .object({
    from: seat,
    to: z.union([z.literal('all'), z.array(seat)]).describe('Recipients: "all", or a list of seats.'),
    text: z.string(),
    commitments: z.array(commitmentSchema).optional(),
    phase: z.string().optional().describe('The phase it was sent in, e.g. S1901M.'),
  })
  .describe('A press message, as delivered.');

const common = {
  protocol: z.literal(PROTOCOL),
  version: z.literal(PROTOCOL_VERSION),
  gameId: z.string().describe('kuhn, leduc, nlhe, diplomacy, …'),
  seat,
  observation: z.unknown().describe("The seat's observation: exactly what the game shows this seat, as JSON."),
  deadlineMs: z.number().int().positive().describe('Milliseconds the bot has to answer, from when the request is sent.'),
  inbox: z.array(pressMessageSchema).describe('Press received so far in this match, oldest first (empty outside Diplomacy).'),
};

export const actRequestSchema = z
  .object({
    kind: z.literal('act'),
    ...common,
    legalActions: z.array(z.string()).describe('Every legal action, sorted (for NLHE a representative set of raise sizes).'),
    simultaneous: z.boolean().describe('True when the seat answers a whole phase at once (Diplomacy: one order per unit).'),
    infoStateKey: z.string().optional().describe("The seat's information-state key, for tabular bots."),
  })
  .describe('Parley asks the bot for its action.');

export const negotiateRequestSchema = z
  .object({
    kind: z.literal('negotiate'),
    ...common,
    recipients: z.array(seat).describe('The seats this seat may write to.'),
    round: z.number().int().min(0).describe('The press round of this phase, from 0.'),
  })
  .describe('Parley asks the bot for press messages before a decision.');

export const requestSchema = z.discriminatedUnion('kind', [actRequestSchema, negotiateRequestSchema]);

export const actResponseSchema = z
  .union([
    z.object({ action: z.string().describe('One of legalActions.') }),
    z.object({ actions: z.array(z.string()).describe('Several actions, for simultaneous phases (one per unit).') }),
  ])
  .describe('The bot answers an act request.');

export const outgoingMessageSchema = z.object({
  to: z.union([z.literal('all'), z.array(seat)]),
  text: z.string().min(1),
  commitments: z.array(commitmentSchema).optional(),
});

export const negotiateResponseSchema = z
  .object({ messages: z.array(outgoingMessageSchema).describe('Messages to send; an empty list sends nothing.') })
  .describe('The bot answers a negotiate request.');

/** What the webhook agent parses of a negotiate answer: the list; each message is checked by the match's press rules. */
export const negotiateEnvelopeSchema = z.object({ messages: z.array(z.unknown()) });

export type ActRequest = z.infer<typeof actRequestSchema>;
export type NegotiateRequest = z.infer<typeof negotiateRequestSchema>;
export type WebhookRequest = z.infer<typeof requestSchema>;
