/** Leduc Hold'em: one private card, one board card, two fixed-limit betting rounds. */
import type { DecisionInput } from '../../agent';
import { describeSequence, legalLine, parseSingle, SINGLE_ANSWER, singleCorrection } from './common';
import type { GamePrompt } from './types';

interface LeducObservation {
  seat: number;
  card: string | null;
  board: string | null;
  rounds: string[][];
  pot: number;
  contributions: [number, number];
}

const RULES = `You are playing Leduc Hold'em, heads-up, for chips.
Rules: the deck has six cards, J Q K in two suits (h, s). Each player antes 1 chip and gets one private card. After a
first betting round one public board card is dealt, then a second betting round follows. Seat 0 acts first in both.
Bets and raises are fixed: 2 chips in round one, 4 in round two, at most two per round. With nothing owed you may
"check" or "bet"; facing a bet you may "fold", "call" or "raise". At showdown a private card that pairs the board wins,
otherwise the higher rank wins (J < Q < K); equal ranks split the pot.`;

export const leducPrompt: GamePrompt = {
  system: () => `${RULES}\n\n${SINGLE_ANSWER}`,
  user: (input: DecisionInput) => {
    const o = input.observation as LeducObservation;
    const round = o.rounds.length;
    const owed = Math.max(0, (o.contributions[1 - o.seat] ?? 0) - (o.contributions[o.seat] ?? 0));
    return [
      `You are seat ${o.seat}. Your card: ${o.card ?? '?'}. Board: ${o.board ?? '(not dealt yet)'}.`,
      `Betting round ${round} of 2 (bet size ${round === 1 ? 2 : 4}).`,
      ...o.rounds.map((r, i) => `Round ${i + 1}: ${describeSequence(r, 0, 2, o.seat)}.`),
      `Pot: ${o.pot} chips (you put in ${o.contributions[o.seat]}, your opponent ${o.contributions[1 - o.seat]}). To call: ${owed}.`,
      legalLine(input.legalActions),
    ].join('\n');
  },
  parse: (raw, input) => parseSingle(raw, input),
  correction: (error, input, truncated) => singleCorrection(error, input.legalActions, truncated),
};
