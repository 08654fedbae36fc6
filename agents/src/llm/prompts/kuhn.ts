/** Kuhn poker: three cards, one bet, two actions whose meaning depends on whether a bet is pending. */
import type { DecisionInput } from '../../agent';
import type { Resolver } from '../parse/action';
import { describeSequence, legalLine, parseSingle, SINGLE_ANSWER, singleCorrection } from './common';
import type { GamePrompt } from './types';

interface KuhnObservation {
  seat: number;
  card: string | null;
  history: string[];
  pot: number;
}

const RULES = `You are playing Kuhn poker, heads-up, for chips.
Rules: the deck has three cards, J < Q < K. Each player antes 1 chip and is dealt one private card. Seat 0 acts first.
There are two actions. "pass": check when no bet is pending, or fold when facing a bet. "bet": put in 1 chip when no
bet is pending, or call when facing a bet. The hand ends after pass-pass or a called bet (showdown: the higher card
wins the pot) or when a player passes facing a bet (that player folds and loses what they put in).`;

const obs = (input: DecisionInput) => input.observation as KuhnObservation;
const facingBet = (o: KuhnObservation) => o.history[o.history.length - 1] === 'bet';

/** Poker words people use for Kuhn's two actions. */
const resolver =
  (o: KuhnObservation): Resolver =>
  (c) => {
    if (c === 'check' && !facingBet(o)) return { action: 'pass' };
    if (c === 'fold' && facingBet(o)) return { action: 'pass' };
    if (c === 'call' && facingBet(o)) return { action: 'bet' };
    return null;
  };

export const kuhnPrompt: GamePrompt = {
  system: () => `${RULES}\n\n${SINGLE_ANSWER}`,
  user: (input) => {
    const o = obs(input);
    return [
      `You are seat ${o.seat}${o.seat === 0 ? ' (first to act)' : ''}. Your card: ${o.card ?? '?'}.`,
      `Actions so far: ${describeSequence(o.history, 0, 2, o.seat)}. Pot: ${o.pot} chips.`,
      facingBet(o)
        ? 'You are facing a bet: "bet" calls 1 chip, "pass" folds.'
        : 'No bet is pending: "pass" checks, "bet" bets 1 chip.',
      legalLine(input.legalActions),
    ].join('\n');
  },
  parse: (raw, input) => parseSingle(raw, input, resolver(obs(input))),
  correction: (error, input, truncated) => singleCorrection(error, input.legalActions, truncated),
};
