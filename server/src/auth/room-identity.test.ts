import { describe, expect, it } from 'vitest';
import { accountsFor } from '../store/accounts';
import { MemoryStore } from '../store/memory-store';
import { SESSION_COOKIE } from './guard';
import { GUEST } from './principal';
import { joiningPrincipal } from './room-identity';
import { AuthService } from './service';

describe('who joins a room', () => {
  it('is the person of the session cookie when the join comes from this host or a trusted origin, else a guest', async () => {
    const auth = new AuthService({ accounts: accountsFor(new MemoryStore()) });
    const signedUp = await auth.signUp('carol', 'correct horse battery staple');
    if (!signedUp.ok) throw new Error(signedUp.message);
    const cookie = `theme=dark; ${SESSION_COOKIE}=${signedUp.session}`;
    const trusted = new Set(['https://parley.example']);
    const who = (headers: Record<string, string>) => joiningPrincipal(auth, new Headers(headers), trusted);

    const carol = { role: 'person', name: 'carol', accountId: signedUp.principal.accountId };
    // No Origin (a program, not a browser page), the web front end on another port of this host, a trusted origin.
    expect(await who({ cookie, host: 'localhost:2567' })).toMatchObject(carol);
    expect(await who({ cookie, host: 'localhost:2567', origin: 'http://localhost:3000' })).toMatchObject(carol);
    expect(await who({ cookie, host: 'arena.internal:2567', origin: 'https://parley.example' })).toMatchObject(carol);
    // Another site's page, a forged or stale session, no cookie: a guest.
    expect(await who({ cookie, host: 'localhost:2567', origin: 'https://elsewhere.example' })).toBe(GUEST);
    expect(await who({ cookie, host: 'localhost:2567', origin: 'not a url' })).toBe(GUEST);
    expect(await who({ cookie: `${SESSION_COOKIE}=forged`, host: 'localhost:2567' })).toBe(GUEST);
    expect(await who({ host: 'localhost:2567' })).toBe(GUEST);
  });
});
