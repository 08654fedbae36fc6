import { describe, expect, it } from 'vitest';
import { AgentRegistry } from '../agents-registry/registry';
import { memoryAccounts } from '../store/accounts';
import { AuthService, SESSION_TTL_MS, SIGN_IN_ATTEMPTS_PER_MINUTE, SIGN_IN_LINK_TTL_MS } from './service';

function setup(options: { operatorToken?: string } = {}) {
  const clock = { t: 1_800_000_000_000, now: () => clock.t };
  const accounts = memoryAccounts();
  // The operator allows one webhook host; names resolve through this table, not the network.
  const addresses: Record<string, string[]> = { 'bots.example.org': ['93.184.215.14'], 'inward.example.org': ['10.1.2.3'] };
  const registry = new AgentRegistry({
    webhooks: { allow: ['bots.example.org', 'inward.example.org', '127.0.0.1', '10.0.0.0/8'], allowPrivate: false },
    resolve: async (host) => addresses[host] ?? [],
  });
  const auth = new AuthService({ accounts, clock, registry, ...options });
  return { auth, accounts, clock, registry };
}

const must = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
};

describe('people', () => {
  it('sign up, sign in and sign out; the password is stored as argon2id, never in the clear', async () => {
    const { auth, accounts } = setup();
    const up = must(await auth.signUp('Alice', 'correct horse'));
    expect(up.principal).toMatchObject({ role: 'person', name: 'Alice' });
    const row = await accounts.accountByName('alice');
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toContain('correct horse');
    expect(await auth.fromSession(up.session)).toMatchObject({ role: 'person', name: 'Alice' });

    const again = must(await auth.signIn('ALICE', 'correct horse'));
    expect(again.session).not.toBe(up.session);
    await auth.signOut(again.session);
    expect(await auth.fromSession(again.session)).toBeNull();
    expect(await auth.fromSession(up.session)).not.toBeNull();
  });

  it('refuses a wrong password, an unknown name, a taken name and bad input alike', async () => {
    const { auth } = setup();
    must(await auth.signUp('bob', 'hunter2hunter2'));
    expect(await auth.signIn('bob', 'wrong password')).toMatchObject({ ok: false, status: 401, code: 'auth/wrong-password' });
    expect(await auth.signIn('nobody', 'hunter2hunter2')).toMatchObject({ ok: false, status: 401, code: 'auth/wrong-password' });
    expect(await auth.signUp('BOB', 'another password')).toMatchObject({ ok: false, status: 409, code: 'account/name-taken' });
    for (const [name, password] of [
      ['x', 'long enough'],
      ['__proto__', 'long enough'],
      ['ok-name', 'short'],
      [{ toString: () => 'bob' }, 'long enough'],
      ['ok-name', 42],
    ] as const)
      expect(await auth.signUp(name, password)).toMatchObject({ ok: false, status: 400 });
    expect(await auth.signIn(['bob'], 'hunter2hunter2')).toMatchObject({ ok: false, status: 401 });
  });

  it('slows down guessing: ten sign-in attempts per name per minute', async () => {
    const { auth, clock } = setup();
    must(await auth.signUp('hana', 'the right password'));
    for (let i = 0; i < SIGN_IN_ATTEMPTS_PER_MINUTE; i++)
      expect(await auth.signIn('hana', `guess ${i}`)).toMatchObject({ ok: false, status: 401 });
    expect(await auth.signIn('HANA', 'the right password')).toMatchObject({ ok: false, status: 429, code: 'auth/slow-down' });
    clock.t += 60_000;
    must(await auth.signIn('hana', 'the right password'));
  });

  it('expires sessions after their lifetime', async () => {
    const { auth, clock } = setup();
    const { session } = must(await auth.signUp('carol', 'a fine password'));
    clock.t += SESSION_TTL_MS - 1;
    expect(await auth.fromSession(session)).not.toBeNull();
    clock.t += 1;
    expect(await auth.fromSession(session)).toBeNull();
  });
});

describe('the operator', () => {
  it('generates a token on first start only, stores only its hash, and accepts it as a bearer', async () => {
    const { auth, accounts } = setup();
    const first = await auth.start();
    expect(first.generatedOperatorToken).toMatch(/^pop_/);
    expect((await auth.start()).generatedOperatorToken).toBeNull();
    const stored = await accounts.operatorCredentials();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(first.generatedOperatorToken as string);
    expect(await auth.fromBearer(first.generatedOperatorToken as string)).toMatchObject({ role: 'operator' });
    expect(await auth.fromBearer('pop_not-the-token')).toBeNull();
  });

  it('takes the token from the environment instead, generating none', async () => {
    const { auth, accounts } = setup({ operatorToken: 'from-the-environment' });
    expect((await auth.start()).generatedOperatorToken).toBeNull();
    expect(await accounts.operatorCredentials()).toHaveLength(0);
    expect(await auth.fromBearer('from-the-environment')).toMatchObject({ role: 'operator' });
  });

  it('signs a browser in through a one-time link, which then stops working, and expires unused', async () => {
    const { auth, clock } = setup();
    const code = await auth.signInLink();
    const redeemed = must(await auth.redeemSignInLink(code));
    expect(await auth.fromSession(redeemed.session)).toMatchObject({ role: 'operator' });
    expect(await auth.redeemSignInLink(code)).toMatchObject({ ok: false, status: 401 });
    const late = await auth.signInLink();
    clock.t += SIGN_IN_LINK_TTL_MS;
    expect(await auth.redeemSignInLink(late)).toMatchObject({ ok: false, status: 401 });
    // A link is not a bearer token, and a session is not a link.
    expect(await auth.fromBearer(code)).toBeNull();
    expect(await auth.redeemSignInLink(redeemed.session)).toMatchObject({ ok: false });
  });
});

describe('bot accounts and their tokens', () => {
  it('a person creates a bot, mints tokens shown once, and revokes them', async () => {
    const { auth, accounts, registry } = setup();
    const dana = must(await auth.signUp('dana', 'a fine password')).principal;
    const { bot } = must(await auth.createBot(dana, { name: 'DanaBot' }));
    expect(bot).toMatchObject({ name: 'danabot', connection: 'websocket', tokens: [] });
    expect(auth.bots.forSpec('bot/danabot')?.accountId).toBeTruthy();
    expect(registry.get('bot/danabot')).toMatchObject({ kind: 'bot', seatKind: 'external' });

    const t1 = must(await auth.createToken(dana, 'danabot', 'laptop'));
    const t2 = must(await auth.createToken(dana, 'DanaBot', undefined));
    expect(t1.token).toMatch(/^pbt_[A-Za-z0-9_-]{43}$/);
    expect(await auth.fromBearer(t1.token)).toMatchObject({ role: 'bot', name: 'DanaBot' });
    const listed = await auth.listBots(dana);
    expect(listed[0]?.tokens.map((t) => t.label)).toEqual(['laptop', 'token']);
    expect(JSON.stringify(listed)).not.toContain(t1.token);
    const botId = (await accounts.accountByName('danabot'))?.id ?? '';
    expect(JSON.stringify(await accounts.credentialsOf(botId, 'bot-token'))).not.toContain(t1.token);

    must(await auth.revokeToken(dana, 'danabot', t1.id));
    expect(await auth.fromBearer(t1.token)).toBeNull();
    expect(await auth.fromBearer(t2.token)).toMatchObject({ role: 'bot' });
    expect(await auth.revokeToken(dana, 'danabot', 'no-such-id')).toMatchObject({ ok: false, status: 404 });

    must(await auth.deleteBot(dana, 'danabot'));
    expect(await auth.fromBearer(t2.token)).toBeNull();
    expect(auth.bots.forSpec('bot/danabot')).toBeNull();
    expect(registry.has('bot/danabot')).toBe(false);
  });

  it("keeps other people's bots out of reach, lets the operator manage all, and refuses bots making bots", async () => {
    const { auth } = setup();
    const erin = must(await auth.signUp('erin', 'a fine password')).principal;
    const frank = must(await auth.signUp('frank', 'a fine password')).principal;
    must(await auth.createBot(erin, { name: 'erinbot' }));
    expect(await auth.createToken(frank, 'erinbot', 'mine now')).toMatchObject({ ok: false, status: 404 });
    expect(await auth.deleteBot(frank, 'erinbot')).toMatchObject({ ok: false, status: 404 });
    expect(await auth.listBots(frank)).toEqual([]);
    const { token } = must(await auth.createToken(erin, 'erinbot', 'x'));
    const bot = await auth.fromBearer(token);
    expect(await auth.createBot(bot ?? erin, { name: 'botbot' })).toMatchObject({ ok: false, status: 403 });
    const operator = { role: 'operator' as const, accountId: null, name: 'operator' };
    expect((await auth.listBots(operator)).map((b) => b.name)).toEqual(['erinbot']);
    must(await auth.createToken(operator, 'erinbot', 'by the operator'));
    expect(await auth.createBot(erin, { name: 'erin' })).toMatchObject({ ok: false, status: 409 });
  });

  it("registers webhook bots in the agent registry only at addresses the operator's allow-list admits", async () => {
    const { auth, registry } = setup();
    const gil = must(await auth.signUp('gil', 'a fine password')).principal;
    const { bot } = must(await auth.createBot(gil, { name: 'hooked', webhookUrl: 'https://bots.example.org/parley' }));
    expect(bot).toMatchObject({ connection: 'webhook', webhookUrl: 'https://bots.example.org/parley' });
    expect(registry.get('bot/hooked')).toMatchObject({ kind: 'bot', ownerId: expect.any(String) });
    for (const webhookUrl of [
      'http://127.0.0.1:2567/api/matches',
      'http://10.0.0.8/',
      'https://inward.example.org/',
      'http://169.254.169.254/latest/meta-data',
      'https://elsewhere.example.net/',
      'file:///etc/passwd',
      'not a url',
      42,
    ])
      expect(await auth.createBot(gil, { name: 'bad', webhookUrl })).toMatchObject({ ok: false, status: 400 });
    // A refused bot leaves no account behind: the name is free again.
    must(await auth.createBot(gil, { name: 'bad' }));
  });
});
