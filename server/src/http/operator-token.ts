/**
 * An interim way for the operator to act through the API: `Authorization: Bearer TOKEN` with the
 * token set in PARLEY_OPERATOR_TOKEN makes the request the operator's; anything else is a guest.
 * The accounts module (sessions, people, bot tokens) supersedes this through the arena's
 * `principalOf`. The token is compared by its SHA-256, in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { GUEST, OPERATOR, type Principal } from '../auth/principal';

const digest = (text: string) => createHash('sha256').update(text).digest();

export function operatorTokenPrincipal(token: string | undefined): (request: Request | undefined) => Principal {
  const expected = token && token.length >= 16 ? digest(token) : null;
  return (request) => {
    const header = request?.headers.get('authorization') ?? '';
    if (!expected || !header.startsWith('Bearer ')) return GUEST;
    return timingSafeEqual(digest(header.slice(7)), expected) ? OPERATOR : GUEST;
  };
}
