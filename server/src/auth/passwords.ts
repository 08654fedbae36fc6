/**
 * Passwords, hashed with argon2id (@node-rs/argon2, a maintained Rust binding with prebuilt
 * binaries). The parameters are OWASP's first recommendation for argon2id: 19 MiB of memory,
 * two passes, one lane. The hash string carries its own parameters and salt, so they can be
 * raised later without invalidating stored hashes.
 */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    // A malformed stored hash is a failed sign-in, not a crash.
    return false;
  }
}

/**
 * A hash of a password nobody has, verified when the name is unknown so that a failed sign-in
 * takes as long whether or not the account exists (no user enumeration by timing).
 */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('not a password anybody has: decoy');
  return decoy;
}
