/**
 * Accounts and credentials, stored beside the matches: in the database's Account and Credential
 * tables when the store is the database, in memory otherwise (as `results.ts` does for
 * tournaments). Nothing secret is kept in the clear: passwords as argon2 hashes, and every
 * bearer secret (session ids, bot API tokens, the operator token, one-time sign-in links) as
 * its SHA-256, which is enough for 256-bit random values. The auth service decides what they
 * mean; this module only keeps them.
 */
import { AccountError } from './checks';
import { isUniqueViolation } from './prisma-rows';
import { PrismaStore } from './prisma-store';
import { ThreadStore } from './thread-store';
import type { MatchStore } from './types';

export { AccountError } from './checks';

export type AccountKind = 'person' | 'bot';

export interface AccountRow {
  id: string;
  kind: AccountKind;
  /** Lower-case, unique over people and bots alike. */
  name: string;
  /** As the owner typed it, safe to show. */
  displayName: string;
  /** argon2 hash (people only). */
  passwordHash: string | null;
  /** The person who owns a bot account. */
  ownerId: string | null;
  /** Where a webhook bot is called; null for a bot that connects over WebSocket. */
  webhookUrl: string | null;
  createdAt: number;
}

/** session | bot-token | operator | sign-in-link */
export type CredentialKind = 'session' | 'bot-token' | 'operator' | 'sign-in-link';

export interface CredentialRow {
  /** A public id, for listing and revoking (never the secret). */
  id: string;
  /** SHA-256 of the secret, hex. */
  hash: string;
  kind: CredentialKind;
  /** The account it acts for; null for operator credentials. */
  accountId: string | null;
  label: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface AccountStore {
  /** Fails with `account/name-taken` when the name is in use. */
  createAccount(row: AccountRow): Promise<void>;
  accountById(id: string): Promise<AccountRow | null>;
  accountByName(name: string): Promise<AccountRow | null>;
  botsOwnedBy(ownerId: string): Promise<AccountRow[]>;
  allBots(): Promise<AccountRow[]>;
  deleteAccount(id: string): Promise<void>;
  saveCredential(row: CredentialRow): Promise<void>;
  credentialByHash(hash: string): Promise<CredentialRow | null>;
  credentialsOf(accountId: string, kind: CredentialKind): Promise<CredentialRow[]>;
  operatorCredentials(): Promise<CredentialRow[]>;
  revokeCredential(id: string, at: number): Promise<void>;
  /** Deletes one credential outright (a used sign-in link, an ended session). */
  deleteCredential(id: string): Promise<void>;
}

export function accountsFor(store: MatchStore): AccountStore {
  if (store instanceof ThreadStore) return store.accounts;
  return store instanceof PrismaStore ? databaseAccounts(store) : memoryAccounts();
}

export function memoryAccounts(): AccountStore {
  const accounts = new Map<string, AccountRow>();
  const credentials = new Map<string, CredentialRow>();
  const copy = <T>(row: T | undefined): T | null => (row ? structuredClone(row) : null);
  return {
    async createAccount(row) {
      for (const a of accounts.values())
        if (a.name === row.name) throw new AccountError('account/name-taken', `the name ${row.name} is taken`);
      accounts.set(row.id, structuredClone(row));
    },
    accountById: async (id) => copy(accounts.get(id)),
    accountByName: async (name) => copy([...accounts.values()].find((a) => a.name === name)),
    botsOwnedBy: async (ownerId) => [...accounts.values()].filter((a) => a.ownerId === ownerId).map((a) => structuredClone(a)),
    allBots: async () => [...accounts.values()].filter((a) => a.kind === 'bot').map((a) => structuredClone(a)),
    async deleteAccount(id) {
      accounts.delete(id);
      for (const c of credentials.values()) if (c.accountId === id) credentials.delete(c.id);
    },
    async saveCredential(row) {
      credentials.set(row.id, structuredClone(row));
    },
    credentialByHash: async (hash) => copy([...credentials.values()].find((c) => c.hash === hash)),
    credentialsOf: async (accountId, kind) =>
      [...credentials.values()].filter((c) => c.accountId === accountId && c.kind === kind).map((c) => structuredClone(c)),
    operatorCredentials: async () =>
      [...credentials.values()].filter((c) => c.kind === 'operator').map((c) => structuredClone(c)),
    async revokeCredential(id, at) {
      const c = credentials.get(id);
      if (c && c.revokedAt === null) c.revokedAt = at;
    },
    async deleteCredential(id) {
      credentials.delete(id);
    },
  };
}

interface DbAccount {
  id: string;
  kind: string;
  name: string;
  displayName: string;
  passwordHash: string | null;
  ownerId: string | null;
  webhookUrl: string | null;
  createdAt: Date;
}

interface DbCredential {
  id: string;
  hash: string;
  kind: string;
  accountId: string | null;
  label: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const accountRow = (a: DbAccount): AccountRow => ({ ...a, kind: a.kind as AccountKind, createdAt: a.createdAt.getTime() });
const credentialRow = (c: DbCredential): CredentialRow => ({
  ...c,
  kind: c.kind as CredentialKind,
  createdAt: c.createdAt.getTime(),
  expiresAt: c.expiresAt?.getTime() ?? null,
  revokedAt: c.revokedAt?.getTime() ?? null,
});
/** PostgreSQL's unique_violation as the driver adapter reports it (not as a Prisma known error). */
const isDriverUniqueViolation = (error: unknown) => (error as { cause?: { code?: unknown } } | null)?.cause?.code === '23505';
const date = (ms: number | null) => (ms === null ? null : new Date(ms));

function databaseAccounts(store: PrismaStore): AccountStore {
  const db = store.db.prisma;
  return {
    async createAccount(row) {
      try {
        await db.account.create({ data: { ...row, createdAt: new Date(row.createdAt) } });
      } catch (error) {
        if (isUniqueViolation(error) || isDriverUniqueViolation(error))
          throw new AccountError('account/name-taken', `the name ${row.name} is taken`);
        throw error;
      }
    },
    async accountById(id) {
      const a = await db.account.findUnique({ where: { id } });
      return a ? accountRow(a) : null;
    },
    async accountByName(name) {
      const a = await db.account.findUnique({ where: { name } });
      return a ? accountRow(a) : null;
    },
    botsOwnedBy: async (ownerId) =>
      (await db.account.findMany({ where: { ownerId }, orderBy: { createdAt: 'asc' } })).map(accountRow),
    allBots: async () => (await db.account.findMany({ where: { kind: 'bot' }, orderBy: { createdAt: 'asc' } })).map(accountRow),
    async deleteAccount(id) {
      await db.$transaction([db.credential.deleteMany({ where: { accountId: id } }), db.account.deleteMany({ where: { id } })]);
    },
    async saveCredential(row) {
      await db.credential.create({
        data: { ...row, createdAt: new Date(row.createdAt), expiresAt: date(row.expiresAt), revokedAt: date(row.revokedAt) },
      });
    },
    async credentialByHash(hash) {
      const c = await db.credential.findUnique({ where: { hash } });
      return c ? credentialRow(c) : null;
    },
    credentialsOf: async (accountId, kind) =>
      (await db.credential.findMany({ where: { accountId, kind }, orderBy: { createdAt: 'asc' } })).map(credentialRow),
    operatorCredentials: async () =>
      (await db.credential.findMany({ where: { kind: 'operator' }, orderBy: { createdAt: 'asc' } })).map(credentialRow),
    async revokeCredential(id, at) {
      await db.credential.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date(at) } });
    },
    async deleteCredential(id) {
      await db.credential.deleteMany({ where: { id } });
    },
  };
}
