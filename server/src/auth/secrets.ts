/**
 * Bearer secrets: 256-bit random values, shown once and stored as their SHA-256. A slow hash
 * (argon2) is for passwords people choose; for random secrets of this size SHA-256 is enough,
 * and it lets a request be matched to its credential with one indexed lookup. The prefix says
 * what a secret is when someone finds one in a log or a config file.
 */
import { createHash, randomBytes } from 'node:crypto';

export type SecretPrefix = 'pss' | 'pbt' | 'pop' | 'pli';

export function newSecret(prefix: SecretPrefix): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A short public id for a credential (shown in lists, used to revoke). */
export function newId(): string {
  return randomBytes(9).toString('base64url');
}
