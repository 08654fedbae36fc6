/**
 * Who is who: the operator, people with accounts, bot accounts and their API tokens, sessions,
 * and one-time sign-in links. Every secret is 256-bit random, shown once, stored as its SHA-256
 * (`secrets.ts`); passwords are argon2id (`passwords.ts`). Time comes from an injected clock so
 * tests can expire sessions without waiting.
 *
 * The operator is whoever holds PARLEY_OPERATOR_TOKEN, or, when that is unset, the token made on
 * the first start (printed once, stored hashed). A sign-in link is a short-lived, single-use
 * secret that becomes an operator session in a browser: `parley start` prints one so a local
 * user is signed in with one click.
 */

import { createBotSchema, signInSchema, signUpSchema, tokenLabelSchema } from '@parley/protocol';
import type { AgentRegistry } from '../agents-registry/registry';
import { RateWindow } from '../arena/limits';
import { AccountError, type AccountRow, type AccountStore, type CredentialRow } from '../store/accounts';
import { BOT_PREFIX, BotDirectory } from './bot-directory';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { GUEST, OPERATOR, type Principal } from './principal';
import { hashSecret, newId, newSecret } from './secrets';

export interface AuthClock {
  now(): number;
}

export interface AuthOptions {
  accounts: AccountStore;
  clock?: AuthClock;
  /** PARLEY_OPERATOR_TOKEN: when set, the operator token (never stored). */
  operatorToken?: string;
  /** Where bot accounts are kept for synchronous lookups (shared with the match service). */
  bots?: BotDirectory;
  /**
   * The operator's agent registry: bot accounts are registered in it (as `bot/NAME`), which
   * checks a webhook target against the operator's allow-list. Without one (unit tests), bots
   * are kept in the directory only and webhook bots are refused.
   */
  registry?: AgentRegistry;
}

export type AuthResult<T> = ({ ok: true } & T) | { ok: false; status: number; code: string; message: string };

export const SESSION_TTL_MS = 30 * 24 * 3600_000;
export const SIGN_IN_LINK_TTL_MS = 24 * 3600_000;
export const MAX_BOTS_PER_PERSON = 20;
export const MAX_TOKENS_PER_BOT = 10;
/** Sign-in attempts per account name per minute: enough for typos, too few to guess passwords. */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

const refuse = (status: number, code: string, message: string) => ({ ok: false as const, status, code, message });

export class AuthService {
  readonly bots: BotDirectory;
  private readonly accounts: AccountStore;
  private readonly clock: AuthClock;
  private readonly envOperatorHash: string | null;
  private readonly registry: AgentRegistry | null;
  private readonly attempts: RateWindow;

  constructor(options: AuthOptions) {
    this.accounts = options.accounts;
    this.bots = options.bots ?? new BotDirectory();
    this.clock = options.clock ?? { now: () => Date.now() };
    this.envOperatorHash = options.operatorToken ? hashSecret(options.operatorToken) : null;
    this.registry = options.registry ?? null;
    this.attempts = new RateWindow(() => this.clock.now());
  }

  /**
   * At start: loads bot accounts into the directory and makes sure there is an operator token.
   * Returns the new token when one was generated (the only time it can be shown), else null.
   */
  async start(): Promise<{ generatedOperatorToken: string | null }> {
    for (const bot of await this.accounts.allBots()) {
      // A webhook the operator's allow-list no longer admits leaves its bot unseatable, not the arena down.
      const refused = await this.register(bot);
      if (refused) console.warn(`bot ${bot.name}: ${refused}`);
    }
    if (this.envOperatorHash) return { generatedOperatorToken: null };
    const existing = (await this.accounts.operatorCredentials()).filter((c) => c.revokedAt === null);
    if (existing.length > 0) return { generatedOperatorToken: null };
    const token = newSecret('pop');
    await this.save(token, 'operator', null, 'operator token', null);
    return { generatedOperatorToken: token };
  }

  /** A one-time link secret that signs a browser in as the operator. */
  async signInLink(ttlMs = SIGN_IN_LINK_TTL_MS): Promise<string> {
    const code = newSecret('pli');
    await this.save(code, 'sign-in-link', null, 'operator', this.clock.now() + ttlMs);
    return code;
  }

  /** Redeems a sign-in link (once) for an operator session. */
  async redeemSignInLink(code: string): Promise<AuthResult<{ session: string; principal: Principal }>> {
    const row = await this.live(code, 'sign-in-link');
    if (!row) return refuse(401, 'auth/link-invalid', 'this sign-in link is unknown, used or expired');
    await this.accounts.deleteCredential(row.id);
    return { ok: true, session: await this.newSession(null, 'operator'), principal: OPERATOR };
  }

  async signUp(name: unknown, password: unknown): Promise<AuthResult<{ session: string; principal: Principal }>> {
    const parsed = signUpSchema.safeParse({ name, password });
    if (!parsed.success) return refuse(400, 'auth/invalid', parsed.error.issues[0]?.message ?? 'invalid account');
    const created = await this.createAccount(parsed.data.name, {
      kind: 'person',
      passwordHash: await hashPassword(parsed.data.password),
      ownerId: null,
      webhookUrl: null,
    });
    if (!created.ok) return created;
    const { row } = created;
    return { ok: true, session: await this.newSession(row.id, 'person'), principal: principalOf(row) };
  }

  async signIn(name: unknown, password: unknown): Promise<AuthResult<{ session: string; principal: Principal }>> {
    const wrong = refuse(401, 'auth/wrong-password', 'that name and password do not match an account');
    const shape = signInSchema.safeParse({ name, password });
    if (!shape.success) return wrong;
    const given = shape.data;
    if (!this.attempts.take(given.name.toLowerCase(), SIGN_IN_ATTEMPTS_PER_MINUTE))
      return refuse(429, 'auth/slow-down', 'too many sign-in attempts for this name; wait a minute');
    const row = await this.accounts.accountByName(given.name.toLowerCase());
    if (row?.kind !== 'person' || !row.passwordHash) {
      await verifyPassword(await decoyHash(), given.password);
      return wrong;
    }
    if (!(await verifyPassword(row.passwordHash, given.password))) return wrong;
    return { ok: true, session: await this.newSession(row.id, 'person'), principal: principalOf(row) };
  }

  async signOut(session: string): Promise<void> {
    const row = await this.accounts.credentialByHash(hashSecret(session));
    if (row?.kind === 'session') await this.accounts.deleteCredential(row.id);
  }

  /** The principal a session cookie stands for, or null when it is unknown or expired. */
  async fromSession(session: string): Promise<Principal | null> {
    const row = await this.live(session, 'session');
    if (!row) return null;
    if (row.label === 'operator') return OPERATOR;
    const account = row.accountId ? await this.accounts.accountById(row.accountId) : null;
    return account?.kind === 'person' ? principalOf(account) : null;
  }

  /** The principal a bearer token stands for: the operator token or a bot's API token. */
  async fromBearer(token: string): Promise<Principal | null> {
    if (token.length > 200) return null;
    const hash = hashSecret(token);
    if (this.envOperatorHash !== null && hash === this.envOperatorHash) return OPERATOR;
    const row = await this.accounts.credentialByHash(hash);
    if (!row || row.revokedAt !== null) return null;
    if (row.kind === 'operator') return this.envOperatorHash === null ? OPERATOR : null;
    if (row.kind !== 'bot-token' || !row.accountId) return null;
    const account = await this.accounts.accountById(row.accountId);
    return account?.kind === 'bot' ? principalOf(account) : null;
  }

  async createBot(owner: Principal, body: { name?: unknown; webhookUrl?: unknown }): Promise<AuthResult<{ bot: PublicBot }>> {
    if (owner.role !== 'person' || !owner.accountId) return refuse(403, 'auth/forbidden', 'bot accounts belong to people');
    const parsed = createBotSchema.safeParse(body);
    if (!parsed.success) return refuse(400, 'auth/invalid', parsed.error.issues[0]?.message ?? 'invalid bot');
    // An empty URL, like none, makes a WebSocket bot.
    const webhookUrl = parsed.data.webhookUrl || null;
    if (webhookUrl && !this.registry) return refuse(400, 'bot/webhook-refused', 'this arena takes no webhook bots');
    if ((await this.accounts.botsOwnedBy(owner.accountId)).length >= MAX_BOTS_PER_PERSON)
      return refuse(429, 'bot/too-many', `a person may own ${MAX_BOTS_PER_PERSON} bot accounts`);
    const created = await this.createAccount(parsed.data.name, {
      kind: 'bot',
      passwordHash: null,
      ownerId: owner.accountId,
      webhookUrl,
    });
    if (!created.ok) return created;
    const { row } = created;
    const refused = await this.register(row);
    if (refused) {
      await this.accounts.deleteAccount(row.id);
      return refuse(400, 'bot/webhook-refused', refused);
    }
    return { ok: true, bot: publicBot(row, []) };
  }

  async listBots(who: Principal): Promise<PublicBot[]> {
    const rows =
      who.role === 'operator'
        ? await this.accounts.allBots()
        : who.accountId
          ? await this.accounts.botsOwnedBy(who.accountId)
          : [];
    return Promise.all(rows.map(async (r) => publicBot(r, await this.accounts.credentialsOf(r.id, 'bot-token'))));
  }

  async deleteBot(who: Principal, name: string): Promise<AuthResult<object>> {
    const bot = await this.ownedBot(who, name);
    if (!bot.ok) return bot;
    await this.accounts.deleteAccount(bot.row.id);
    this.bots.remove(bot.row.name);
    this.registry?.unregister(`${BOT_PREFIX}${bot.row.name}`);
    return { ok: true };
  }

  async createToken(who: Principal, name: string, label: unknown): Promise<AuthResult<{ id: string; token: string }>> {
    const bot = await this.ownedBot(who, name);
    if (!bot.ok) return bot;
    const labelled = tokenLabelSchema.safeParse(label);
    if (!labelled.success) return refuse(400, 'auth/invalid', labelled.error.issues[0]?.message ?? 'invalid label');
    const live = (await this.accounts.credentialsOf(bot.row.id, 'bot-token')).filter((c) => c.revokedAt === null);
    if (live.length >= MAX_TOKENS_PER_BOT)
      return refuse(429, 'token/too-many', `a bot may hold ${MAX_TOKENS_PER_BOT} live tokens; revoke one first`);
    const token = newSecret('pbt');
    const id = await this.save(token, 'bot-token', bot.row.id, labelled.data || 'token', null);
    return { ok: true, id, token };
  }

  async revokeToken(who: Principal, name: string, tokenId: string): Promise<AuthResult<object>> {
    const bot = await this.ownedBot(who, name);
    if (!bot.ok) return bot;
    const tokens = await this.accounts.credentialsOf(bot.row.id, 'bot-token');
    if (!tokens.some((t) => t.id === tokenId)) return refuse(404, 'token/not-found', 'this bot has no such token');
    await this.accounts.revokeCredential(tokenId, this.clock.now());
    return { ok: true };
  }

  /**
   * Makes a bot seatable: in the directory (which seats connect over WebSocket) and in the agent
   * registry as `bot/NAME`. Returns why the registry refused it (a webhook target the operator's
   * allow-list does not admit), or null.
   */
  private async register(row: AccountRow): Promise<string | null> {
    const id = `${BOT_PREFIX}${row.name}`;
    if (this.registry) {
      try {
        await this.registry.registerBotAccount({
          id,
          ownerId: row.ownerId ?? '',
          description: `bot account of ${row.ownerId ? 'a person' : 'the operator'}`,
          transport: row.webhookUrl
            ? { kind: 'webhook', url: row.webhookUrl }
            : {
                kind: 'websocket',
                // Arena matches seat WebSocket bots as connections (LiveMatch); anything that asks
                // for an in-process agent (a tournament) learns it cannot have one.
                create: () => {
                  throw new Error(`${id} plays over WebSocket, in arena matches`);
                },
              },
        });
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    }
    this.bots.put(row);
    return null;
  }

  private async createAccount(
    displayName: string,
    fields: Pick<AccountRow, 'kind' | 'passwordHash' | 'ownerId' | 'webhookUrl'>,
  ): Promise<AuthResult<{ row: AccountRow }>> {
    const row: AccountRow = { id: newId(), name: displayName.toLowerCase(), displayName, createdAt: this.clock.now(), ...fields };
    try {
      await this.accounts.createAccount(row);
    } catch (error) {
      if (error instanceof AccountError) return refuse(409, error.code, error.message);
      throw error;
    }
    return { ok: true, row };
  }

  private async ownedBot(who: Principal, name: string): Promise<AuthResult<{ row: AccountRow }>> {
    const row = name.length <= 30 ? await this.accounts.accountByName(name.toLowerCase()) : null;
    const mine = row?.kind === 'bot' && (who.role === 'operator' || (who.accountId !== null && row.ownerId === who.accountId));
    // Somebody else's bot answers as if it did not exist: names of others' bots are not probed here.
    if (!row || !mine) return refuse(404, 'bot/not-found', `you have no bot account named ${name.slice(0, 30)}`);
    return { ok: true, row };
  }

  private async newSession(accountId: string | null, role: 'person' | 'operator'): Promise<string> {
    const session = newSecret('pss');
    await this.save(session, 'session', accountId, role, this.clock.now() + SESSION_TTL_MS);
    return session;
  }

  private async save(
    secret: string,
    kind: CredentialRow['kind'],
    accountId: string | null,
    label: string,
    expiresAt: number | null,
  ): Promise<string> {
    const id = newId();
    await this.accounts.saveCredential({
      id,
      hash: hashSecret(secret),
      kind,
      accountId,
      label,
      createdAt: this.clock.now(),
      expiresAt,
      revokedAt: null,
    });
    return id;
  }

  private async live(secret: string, kind: CredentialRow['kind']): Promise<CredentialRow | null> {
    if (secret.length > 200) return null;
    const row = await this.accounts.credentialByHash(hashSecret(secret));
    if (!row || row.kind !== kind || row.revokedAt !== null) return null;
    if (row.expiresAt !== null && row.expiresAt <= this.clock.now()) {
      await this.accounts.deleteCredential(row.id);
      return null;
    }
    return row;
  }
}

export interface PublicBot {
  name: string;
  displayName: string;
  connection: 'websocket' | 'webhook';
  webhookUrl: string | null;
  createdAt: number;
  tokens: { id: string; label: string; createdAt: number; revokedAt: number | null }[];
}

function publicBot(row: AccountRow, tokens: CredentialRow[]): PublicBot {
  return {
    name: row.name,
    displayName: row.displayName,
    connection: row.webhookUrl ? 'webhook' : 'websocket',
    webhookUrl: row.webhookUrl,
    createdAt: row.createdAt,
    tokens: tokens.map((t) => ({ id: t.id, label: t.label, createdAt: t.createdAt, revokedAt: t.revokedAt })),
  };
}

function principalOf(row: AccountRow): Principal {
  return { role: row.kind === 'bot' ? 'bot' : 'person', accountId: row.id, name: row.displayName };
}

export { GUEST };
