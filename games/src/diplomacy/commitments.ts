/**
 * The shape of a Diplomacy commitment, checked where press enters a match (from an agent, a
 * person or a webhook), so every path refuses the same malformed promise with the same error.
 * Only the shape is checked here: whether an order parses or the promise was kept is the
 * analyzer's question (`checkCommitment` in relations.ts), asked after the phase.
 */
import { type ActionError, actionError } from '../core/game';
import { POWERS } from './map-data';

/** The vocabulary: each kind and the one field it carries, with that field's bound. */
const FIELDS = {
  support: { field: 'order', max: 200 },
  move: { field: 'order', max: 200 },
  demilitarise: { field: 'province', max: 40 },
  'no-attack': { field: 'target', max: 40 },
} as const;

export const COMMITMENT_KINDS = Object.keys(FIELDS) as readonly (keyof typeof FIELDS)[];

export function validateCommitment(commitment: unknown): ActionError | null {
  if (typeof commitment !== 'object' || commitment === null || Array.isArray(commitment))
    return actionError('press/commitment', 'a commitment is an object with a kind');
  const c = commitment as Record<string, unknown>;
  const kind = c.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(FIELDS, kind))
    return actionError('press/commitment', `the kind is one of ${COMMITMENT_KINDS.join(', ')}`);
  const { field, max } = FIELDS[kind as keyof typeof FIELDS];
  const extra = Object.keys(c).find((k) => k !== 'kind' && k !== field);
  if (extra !== undefined) return actionError('press/commitment', `a ${kind} commitment has only ${field}`);
  const value = c[field];
  if (kind === 'no-attack' && Number.isInteger(value) && (value as number) >= 0 && (value as number) < POWERS.length) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > max)
    return actionError(
      'press/commitment',
      kind === 'no-attack'
        ? `no-attack names a power (a seat from 0 to ${POWERS.length - 1}, or a name of at most ${max} characters)`
        : `a ${kind} commitment needs ${field}: text of 1 to ${max} characters`,
    );
  return null;
}
