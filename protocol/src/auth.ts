/**
 * The identity routes' request bodies: sign up and in, the operator's one-time link, bot
 * accounts and their tokens. Each rule's message is the one the arena answers with, so the
 * sign-up form and the server say the same thing. The server checks these in its auth service,
 * after the caller's role, so a refusal for the role comes before one for the body.
 */
import { z } from 'zod';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
/** A sign-in name longer than any account name is refused without a lookup. */
export const ACCOUNT_NAME_MAX = 30;

const NAME_RULE = 'a name is 2 to 30 letters, digits, "-" or "_", starting with a letter or digit';
const PASSWORD_RULE = `a password is ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`;

/** A person's or a bot's account name (also a bot's seat, `bot/NAME`). */
export const accountNameSchema = z.string({ error: NAME_RULE }).regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,29}$/, { error: NAME_RULE });

export const passwordSchema = z
  .string({ error: PASSWORD_RULE })
  .min(PASSWORD_MIN, { error: PASSWORD_RULE })
  .max(PASSWORD_MAX, { error: PASSWORD_RULE });

/** POST /api/auth/signup: a new person's account. */
export const signUpSchema = z.object({ name: accountNameSchema, password: passwordSchema });
export type SignUpRequest = z.input<typeof signUpSchema>;

/** POST /api/auth/signin: only the shape; a wrong one is answered as a wrong password. */
export const signInSchema = z.object({ name: z.string().max(ACCOUNT_NAME_MAX), password: z.string().max(PASSWORD_MAX) });
export type SignInRequest = z.input<typeof signInSchema>;

/** POST /api/auth/link: the code of the operator's one-time sign-in link. */
export const linkRequestSchema = z.object({ code: z.string({ error: 'code must be the sign-in link code' }) });
export type LinkRequest = z.input<typeof linkRequestSchema>;

/** A webhook bot's URL; empty or null means a WebSocket bot. The arena's policy decides which URLs it calls. */
const WEBHOOK_RULE = 'webhookUrl must be a URL of at most 500 characters';
export const webhookUrlSchema = z.string({ error: WEBHOOK_RULE }).max(500, { error: WEBHOOK_RULE }).nullable().optional();

/** POST /api/bots: a person's new bot account. */
export const createBotSchema = z.object({ name: accountNameSchema, webhookUrl: webhookUrlSchema });
export type CreateBotRequest = z.input<typeof createBotSchema>;

/** POST /api/bots/:name/tokens: a new API token, labelled for its owner. */
export const tokenLabelSchema = z
  .string({ error: 'a token label is text of at most 80 characters' })
  .max(80, { error: 'a token label is text of at most 80 characters' })
  .optional();
export const createTokenSchema = z.object({ label: tokenLabelSchema });
export type CreateTokenRequest = z.input<typeof createTokenSchema>;
