/**
 * Any other game: the registered name, the game's rules paragraph (when its descriptor has one),
 * the observation as JSON and the legal actions. Also
 * accepts a list (`{"actions": [...]}`) for games where a seat gives several actions at once.
 */

import { findGame } from '@parley/games';
import type { DecisionInput } from '../../agent';
import { lastObjectWith } from '../parse/json';
import { legalLine, parseSingle, SINGLE_ANSWER, singleCorrection } from './common';
import type { GamePrompt } from './types';

const nameOf = (gameId: string) => findGame(gameId)?.descriptor.name ?? gameId;
/** The game's own rules paragraph, when its descriptor gives one. */
const rulesOf = (gameId: string) => {
  const rules = findGame(gameId)?.descriptor.rules;
  return rules ? `Rules: ${rules}\n\n` : '';
};

export const genericPrompt: GamePrompt = {
  system: (input) =>
    `You are playing ${nameOf(input.gameId)} as seat ${input.seat}. You see the game state as JSON and the list of legal actions.\n\n${rulesOf(input.gameId)}${SINGLE_ANSWER}`,
  user: (input: DecisionInput) =>
    [`Your observation (JSON): ${JSON.stringify(input.observation)}`, legalLine(input.legalActions)].join('\n'),
  parse: (raw, input) => {
    const list = lastObjectWith(raw, ['actions'])?.actions;
    if (Array.isArray(list) && list.length > 0 && list.every((a) => typeof a === 'string' && input.legalActions.includes(a))) {
      return { ok: true, value: { value: list as string[] } };
    }
    return parseSingle(raw, input);
  },
  correction: (error, input, truncated) => singleCorrection(error, input.legalActions, truncated),
};
