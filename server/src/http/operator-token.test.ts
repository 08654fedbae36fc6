import { describe, expect, it } from 'vitest';
import { operatorTokenPrincipal } from './operator-token';

const request = (authorization?: string) =>
  new Request('http://arena/api/health', { headers: authorization ? { authorization } : {} });

describe('the interim operator token', () => {
  it('makes a request with the right bearer token the operator, and every other one a guest', () => {
    const token = 'a-long-operator-token-0123456789';
    const principalOf = operatorTokenPrincipal(token);
    expect(principalOf(request(`Bearer ${token}`)).role).toBe('operator');
    for (const header of [undefined, `Bearer ${token}x`, token, 'Bearer ', `Basic ${token}`])
      expect(principalOf(request(header)).role).toBe('guest');
    expect(principalOf(undefined).role).toBe('guest');
  });

  it('is off without a token, or with one too short to be secret', () => {
    expect(operatorTokenPrincipal(undefined)(request('Bearer ')).role).toBe('guest');
    expect(operatorTokenPrincipal('short')(request('Bearer short')).role).toBe('guest');
  });
});
