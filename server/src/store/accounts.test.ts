/**
 * Accounts and credentials keep the same contract in memory and in the database (PGlite), so the
 * auth service behaves alike on either.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type AccountRow, type AccountStore, accountsFor, type CredentialRow, memoryAccounts } from './accounts';
import { type OpenedStore, openPgliteStore } from './testing/support';

const person = (id: string, name: string): AccountRow => ({
  id,
  kind: 'person',
  name,
  displayName: name.toUpperCase(),
  passwordHash: '$argon2id$…',
  ownerId: null,
  webhookUrl: null,
  createdAt: 1_000,
});
const bot = (id: string, name: string, ownerId: string): AccountRow => ({
  ...person(id, name),
  kind: 'bot',
  passwordHash: null,
  ownerId,
  webhookUrl: name.endsWith('hook') ? 'https://bots.example.org/' : null,
});
const credential = (id: string, overrides: Partial<CredentialRow> = {}): CredentialRow => ({
  id,
  hash: `hash-${id}`,
  kind: 'bot-token',
  accountId: 'b1',
  label: id,
  createdAt: 2_000,
  expiresAt: null,
  revokedAt: null,
  ...overrides,
});

let pglite: OpenedStore | undefined;
afterAll(() => pglite?.dispose());

describe.each([
  ['memory', async () => memoryAccounts()],
  [
    'PGlite',
    async () => {
      pglite ??= await openPgliteStore();
      return accountsFor(pglite.store);
    },
  ],
] as [string, () => Promise<AccountStore>][])('account store (%s)', (_, open) => {
  it('keeps accounts with unique names, bots by owner, and deletes an account with its credentials', async () => {
    const s = await open();
    await s.createAccount(person('p1', 'alice'));
    await expect(s.createAccount(person('p2', 'alice'))).rejects.toMatchObject({ code: 'account/name-taken' });
    await s.createAccount(bot('b1', 'alicebot', 'p1'));
    await s.createAccount(bot('b2', 'alicehook', 'p1'));
    expect(await s.accountByName('alice')).toEqual(person('p1', 'alice'));
    expect(await s.accountById('b2')).toEqual(bot('b2', 'alicehook', 'p1'));
    expect(await s.accountByName('nobody')).toBeNull();
    expect((await s.botsOwnedBy('p1')).map((b) => b.id)).toEqual(['b1', 'b2']);
    expect((await s.allBots()).map((b) => b.name).sort()).toEqual(['alicebot', 'alicehook']);

    await s.saveCredential(credential('t1'));
    await s.saveCredential(credential('t2', { expiresAt: 9_000 }));
    await s.saveCredential(credential('op', { kind: 'operator', accountId: null }));
    expect(await s.credentialByHash('hash-t2')).toEqual(credential('t2', { expiresAt: 9_000 }));
    expect((await s.credentialsOf('b1', 'bot-token')).map((c) => c.id)).toEqual(['t1', 't2']);
    expect((await s.operatorCredentials()).map((c) => c.id)).toEqual(['op']);

    await s.revokeCredential('t1', 5_000);
    await s.revokeCredential('t1', 6_000); // the first revocation stands
    expect((await s.credentialByHash('hash-t1'))?.revokedAt).toBe(5_000);
    await s.deleteCredential('t2');
    expect(await s.credentialByHash('hash-t2')).toBeNull();

    await s.deleteAccount('b1');
    expect(await s.accountById('b1')).toBeNull();
    expect(await s.credentialByHash('hash-t1')).toBeNull();
    expect(await s.credentialByHash('hash-op')).not.toBeNull();
  });
});
