/**
 * Identity routes: sign up, sign in, sign out, who am I, the operator's one-time sign-in link,
 * and bot accounts with their API tokens. Who may call each is in `auth/policy.ts`; the guard
 * has checked it before these run. The bodies' rules are the protocol's (auth.ts), checked by the
 * auth service after the caller's role. Secrets (sessions, tokens) are returned once and never again.
 */
import { createEndpoint } from '@colyseus/core';
import { linkRequestSchema } from '@parley/protocol';
import { callerOf, sessionCookie } from '../auth/guard';
import type { Principal } from '../auth/principal';
import { type AuthService, SESSION_TTL_MS } from '../auth/service';
import type { MatchStore } from '../store/types';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const fail = (status: number, code: string, message: string) => json(status, { code, message });

const me = (p: Principal) => ({ role: p.role, name: p.name, signedIn: p.role !== 'guest' });
const field = (body: unknown, key: string): unknown =>
  body !== null && typeof body === 'object' && Object.hasOwn(body, key) ? (body as Record<string, unknown>)[key] : undefined;

export function authEndpoints(auth: AuthService, store: MatchStore) {
  const signedIn = (request: Request | undefined, result: Awaited<ReturnType<AuthService['signIn']>>, status = 200) => {
    if (!result.ok) return fail(result.status, result.code, result.message);
    const cookie = sessionCookie(result.session, callerOf(request).secure, SESSION_TTL_MS / 1000);
    return json(status, me(result.principal), { 'set-cookie': cookie });
  };
  return {
    authMe: createEndpoint('/api/auth/me', { method: 'GET' }, async (ctx) => json(200, me(callerOf(ctx.request).principal))),

    signUp: createEndpoint('/api/auth/signup', { method: 'POST' }, async (ctx) =>
      signedIn(ctx.request, await auth.signUp(field(ctx.body, 'name'), field(ctx.body, 'password')), 201),
    ),

    signIn: createEndpoint('/api/auth/signin', { method: 'POST' }, async (ctx) =>
      signedIn(ctx.request, await auth.signIn(field(ctx.body, 'name'), field(ctx.body, 'password'))),
    ),

    signOut: createEndpoint('/api/auth/signout', { method: 'POST' }, async (ctx) => {
      const caller = callerOf(ctx.request);
      if (caller.session) await auth.signOut(caller.session);
      return json(200, me({ role: 'guest', accountId: null, name: 'guest' }), {
        'set-cookie': sessionCookie(null, caller.secure, 0),
      });
    }),

    redeemLink: createEndpoint('/api/auth/link', { method: 'POST' }, async (ctx) => {
      const parsed = linkRequestSchema.safeParse({ code: field(ctx.body, 'code') });
      if (!parsed.success) return fail(400, 'auth/invalid', 'code must be the sign-in link code');
      return signedIn(ctx.request, await auth.redeemSignInLink(parsed.data.code));
    }),

    listBots: createEndpoint('/api/bots', { method: 'GET' }, async (ctx) =>
      json(200, { bots: await auth.listBots(callerOf(ctx.request).principal) }),
    ),

    createBot: createEndpoint('/api/bots', { method: 'POST' }, async (ctx) => {
      const result = await auth.createBot(callerOf(ctx.request).principal, {
        name: field(ctx.body, 'name'),
        webhookUrl: field(ctx.body, 'webhookUrl'),
      });
      return result.ok ? json(201, { bot: result.bot }) : fail(result.status, result.code, result.message);
    }),

    deleteBot: createEndpoint('/api/bots/:name', { method: 'DELETE' }, async (ctx) => {
      const result = await auth.deleteBot(callerOf(ctx.request).principal, String(ctx.params.name ?? ''));
      return result.ok ? json(200, { deleted: true }) : fail(result.status, result.code, result.message);
    }),

    createToken: createEndpoint('/api/bots/:name/tokens', { method: 'POST' }, async (ctx) => {
      const name = String(ctx.params.name ?? '');
      const result = await auth.createToken(callerOf(ctx.request).principal, name, field(ctx.body, 'label'));
      return result.ok
        ? json(201, { id: result.id, token: result.token, note: 'shown once: Parley keeps only its hash' })
        : fail(result.status, result.code, result.message);
    }),

    revokeToken: createEndpoint('/api/bots/:name/tokens/:tokenId', { method: 'DELETE' }, async (ctx) => {
      const { name, tokenId } = ctx.params as { name?: string; tokenId?: string };
      const result = await auth.revokeToken(callerOf(ctx.request).principal, String(name ?? ''), String(tokenId ?? ''));
      return result.ok ? json(200, { revoked: true }) : fail(result.status, result.code, result.message);
    }),

    botSeats: createEndpoint('/api/bot/seats', { method: 'GET' }, async (ctx) => {
      const principal = callerOf(ctx.request).principal;
      const bot = auth.bots.list().find((b) => b.accountId === principal.accountId);
      if (!bot) return json(200, { seats: [] });
      const page = await store.listMatches({ agent: `bot/${bot.name}`, status: 'running', pageSize: 200 });
      const seats = page.matches.flatMap((m) =>
        m.seats
          .filter((s) => s.agent.name === `bot/${bot.name}`)
          .map((s) => ({ matchId: m.id, roomId: m.id, game: m.game, seat: s.seat })),
      );
      return json(200, { seats });
    }),
  };
}
