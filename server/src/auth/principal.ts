/**
 * Who is asking. Every HTTP request and room message is made by one principal; the route and
 * message policy decides what each role may do. Anonymous callers are guests.
 *
 * - operator: runs the arena and pays for model calls (a token from the environment or printed at start)
 * - person:   a signed-in account
 * - bot:      a bot account acting through an API token created by its owner (a person)
 * - guest:    anyone else: may watch and play casual games against built-in bots
 */
export type Role = 'operator' | 'person' | 'bot' | 'guest';

export interface Principal {
  readonly role: Role;
  /** The account id (person or bot), or null for the operator and guests. */
  readonly accountId: string | null;
  /** A display name, safe to show. */
  readonly name: string;
}

export const GUEST: Principal = Object.freeze({ role: 'guest', accountId: null, name: 'guest' });
export const OPERATOR: Principal = Object.freeze({ role: 'operator', accountId: null, name: 'operator' });
