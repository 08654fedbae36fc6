/**
 * No-Limit Hold'em. The legal list holds representative raise sizes, but any whole raise-to
 * amount between the engine's bounds is legal, so the model is asked for `raise N` and the
 * answer is accepted anywhere in range (the runtime validates it with the engine again).
 */
import { Nlhe } from '@parley/games';
import type { DecisionInput } from '../../agent';
import type { Resolver } from '../parse/action';
import { legalLine, parseSingle, SINGLE_ANSWER, singleCorrection } from './common';
import { nlheBounds, nlheStateText } from './nlhe-state';
import type { GamePrompt } from './types';

const RULES = `You are playing No-Limit Texas Hold'em for chips.
Rules: each player gets two private cards; five community cards come in three streets (flop 3, turn 1, river 1) with a
betting round before the flop and after each street. The best five-card hand from your two cards and the board wins at
showdown. On your turn you may fold, check (when nothing is owed), call, or raise. A raise names the TOTAL amount your
bet becomes this street ("raise 300" means raise to 300), any whole number from the minimum raise-to up to all your chips.
At showdown you may "show" your cards to contest the pot or "muck" them. Cards are written rank then suit:
As = ace of spades, Td = ten of diamonds.`;

const RAISE = /^(?:raise|bet|r)\s*(\d+)$/;
const ALL_IN = /^(?:all[ -]?in|allin|shove|jam)$/;

const resolver =
  (input: DecisionInput): Resolver =>
  (c) => {
    const bounds = nlheBounds(input.observation, input.legalActions);
    const allIn = ALL_IN.test(c);
    const m = RAISE.exec(c);
    if (!m && !allIn) return null;
    if (!bounds) return { error: `raising is not possible now; the legal actions are: ${input.legalActions.join(', ')}` };
    const amount = allIn ? bounds.max : Number(m?.[1]);
    if (!Number.isSafeInteger(amount) || amount < bounds.min || amount > bounds.max) {
      return {
        error: `raise ${amount} is outside the legal range: raise to any whole amount from ${bounds.min} to ${bounds.max}`,
      };
    }
    return { action: Nlhe.raiseAction(amount) };
  };

export const nlhePrompt: GamePrompt = {
  system: () => `${RULES}\n\n${SINGLE_ANSWER}`,
  user: (input) => {
    const bounds = nlheBounds(input.observation, input.legalActions);
    return [
      nlheStateText(input.observation, input.seat),
      legalLine(input.legalActions),
      bounds
        ? `You may raise to any whole amount from ${bounds.min} to ${bounds.max} (all in), written "raise N".`
        : input.legalActions.some((a) => a === 'check' || a === 'call')
          ? 'You cannot raise now.'
          : '',
    ]
      .filter(Boolean)
      .join('\n');
  },
  parse: (raw, input) => parseSingle(raw, input, resolver(input)),
  correction: (error, input, truncated) => {
    const bounds = nlheBounds(input.observation, input.legalActions);
    const hint = bounds ? `A raise may be any whole amount from ${bounds.min} to ${bounds.max}: "raise N".` : '';
    return singleCorrection(error, input.legalActions, truncated, hint);
  },
};
