/**
 * Who the browser is, for server components: the session cookie goes to the arena's
 * `/api/auth/me` (the arena is the one authority on identity; this app keeps no state).
 */
import { cookies } from 'next/headers';
import { arenaUrl } from './arena';

export interface Me {
  role: 'operator' | 'person' | 'bot' | 'guest';
  name: string;
  signedIn: boolean;
}

const GUEST: Me = { role: 'guest', name: 'guest', signedIn: false };

export async function currentUser(): Promise<Me> {
  const session = (await cookies()).get('parley_session')?.value;
  if (!session) return GUEST;
  try {
    const res = await fetch(`${arenaUrl()}/api/auth/me`, {
      headers: { cookie: `parley_session=${session}` },
      cache: 'no-store',
      signal: AbortSignal.timeout(10_000),
    });
    return res.ok ? ((await res.json()) as Me) : GUEST;
  } catch {
    return GUEST;
  }
}
