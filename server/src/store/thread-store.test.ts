/**
 * The database on its own thread: every port answers as the store on the caller's thread does
 * (the calls themselves are PrismaStore's, which the store contract covers), failures come back
 * as the same errors with the same codes, a second opener is refused, and closing releases the
 * directory with everything written.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { accountsFor } from './accounts';
import { AccountError, StoreError } from './checks';
import { openDatabase } from './database';
import { PrismaStore } from './prisma-store';
import { resultsFor } from './results';
import { events, modelCall } from './testing/contract';
import { freshPgliteDir, newMatch } from './testing/support';
import { ThreadStore } from './thread-store';

const folder = await freshPgliteDir();
const store = await ThreadStore.open(folder.dir, { maxDelayMs: 5 });
afterAll(async () => {
  await store.close();
  folder.remove();
});

const account = (id: string, name: string) => ({
  id,
  kind: 'person' as const,
  name,
  displayName: name,
  passwordHash: null,
  ownerId: null,
  webhookUrl: null,
  createdAt: Date.UTC(2026, 0, 1),
});

describe('ThreadStore', () => {
  it('keeps matches, their events and model calls as the store on this thread does', async () => {
    await store.createMatch(newMatch('t1'));
    await Promise.all([store.appendEvents('t1', events(0, 40)), store.appendModelCalls('t1', [modelCall(3)])]);
    await store.appendEvents('t1', events(40, 2));
    const match = await store.getMatch('t1');
    expect(match!.events).toEqual(events(0, 42));
    expect(match!.modelCalls).toEqual([modelCall(3)]);
    expect((await store.listMatches({})).matches.map((m) => m.id)).toEqual(['t1']);
    expect((await store.unfinishedMatches()).map((m) => m.id)).toEqual(['t1']);
    await store.finishMatch('t1', { status: 'finished', returns: [1, -1], finalStateHash: 'h' });
    expect(await store.getMatch('t1')).toMatchObject({ status: 'finished', returns: [1, -1], finalStateHash: 'h' });
    expect(await store.getMatch('none')).toBeNull();
  });

  it('gives failures back as the store’s own errors, with their codes', async () => {
    const unknown = await store.appendEvents('no-such-match', events(0, 1)).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(StoreError);
    expect(unknown).toMatchObject({ code: 'store/unknown-match', message: 'store/unknown-match: no match no-such-match' });
    const accounts = accountsFor(store);
    await accounts.createAccount(account('a1', 'ada'));
    const taken = await accounts.createAccount(account('a2', 'ada')).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(AccountError);
    expect(taken).toMatchObject({ code: 'account/name-taken' });
    // An argument that cannot cross to the thread is refused before anything is sent.
    const uncloneable = await store.appendEvents('t1', [{ ...events(0, 1)[0]!, payload: () => 1 }]).catch((e: unknown) => e);
    expect(uncloneable).toMatchObject({ code: 'store/invalid' });
  });

  it('serves accounts and results from the same database', async () => {
    const accounts = accountsFor(store);
    expect(await accounts.accountByName('ada')).toEqual(account('a1', 'ada'));
    expect(Object.getPrototypeOf(accounts)).toBeNull();
    const results = resultsFor(store);
    await results.saveTournament({ id: 'cup', name: 'Cup', spec: { game: 'kuhn' }, status: 'finished' });
    expect((await results.listTournaments()).map((t) => t.id)).toEqual(['cup']);
  });

  it('refuses a second opener of the directory while it is open', async () => {
    const second = await ThreadStore.open(folder.dir).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(StoreError);
    expect(second).toMatchObject({ code: 'store/locked' });
  });

  it('writes everything when closed, refuses calls after, and frees the directory', async () => {
    const other = await freshPgliteDir();
    try {
      const closing = await ThreadStore.open(other.dir, { maxDelayMs: 60_000 });
      await closing.createMatch(newMatch('c1'));
      const queued = closing.appendEvents('c1', events(0, 5)); // waits for its batch: closing writes it
      await closing.close();
      await queued;
      await expect(closing.getMatch('c1')).rejects.toMatchObject({ code: 'store/closed' });
      const reopened = new PrismaStore(await openDatabase({ kind: 'pglite', dir: other.dir }));
      try {
        expect((await reopened.getMatch('c1'))!.events).toEqual(events(0, 5));
      } finally {
        await reopened.close();
      }
    } finally {
      other.remove();
    }
  });
});
