/** Pieces every poker-style prompt shares: the answer format and the correction message. */
import type { Decision, DecisionInput } from '../../agent';
import { type Parsed, type ParseError, parseAction, type Resolver } from '../parse/action';
import type { Answer } from './types';

export const SINGLE_ANSWER = [
  'Answer format: think briefly if you want to, then end your reply with one line of JSON naming exactly one',
  'of the legal actions, for example {"action": "call"}.',
].join(' ');

export function legalLine(legal: readonly string[]): string {
  return `Legal actions: ${legal.join(', ')}`;
}

export function singleCorrection(error: ParseError, legal: readonly string[], truncated: boolean, hint = ''): string {
  return [
    `Your previous reply could not be used: ${error.message}.`,
    ...(truncated ? ['It was cut off at the token limit: keep the reasoning shorter.'] : []),
    legalLine(legal),
    ...(hint ? [hint] : []),
    'Reply again, ending with one line of JSON such as {"action": "<one legal action>"}.',
  ].join('\n');
}

export function parseSingle(raw: string, input: DecisionInput, resolve?: Resolver): Parsed<Answer<Decision>> {
  const parsed = parseAction(raw, input.legalActions, resolve);
  return parsed.ok ? { ok: true, value: { value: parsed.value } } : parsed;
}

/** `seat 0 bet, seat 1 call` from a list of actions taken in seat order from `first`. */
export function describeSequence(actions: readonly string[], first: number, players: number, me: number): string {
  if (actions.length === 0) return '(no actions yet)';
  return actions.map((a, i) => `${(first + i) % players === me ? 'you' : `seat ${(first + i) % players}`} ${a}`).join(', ');
}
