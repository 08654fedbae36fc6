import { diplomacyPrompt } from './diplomacy';
import { genericPrompt } from './generic';
import { kuhnPrompt } from './kuhn';
import { leducPrompt } from './leduc';
import { nlhePrompt } from './nlhe';
import type { GamePrompt } from './types';

export type { Answer, GamePrompt, Memory, PressPrompt } from './types';

const PROMPTS: Record<string, GamePrompt> = {
  kuhn: kuhnPrompt,
  leduc: leducPrompt,
  nlhe: nlhePrompt,
  diplomacy: diplomacyPrompt,
};

/** The game's own prompt, or the generic one (observation JSON and legal actions). */
export function promptFor(gameId: string): GamePrompt {
  return PROMPTS[gameId] ?? genericPrompt;
}
