/**
 * What a game's prompt module gives the LLM agent: the rules brief, the situation as text,
 * how to read the model's answer, and how to tell the model what was wrong with it.
 * Press (Diplomacy) is optional.
 */
import type { Decision, DecisionInput, PressInput, PressMessage } from '../../agent';
import type { Memory, MemoryUpdate } from '../memory/memory';
import type { Parsed, ParseError } from '../parse/action';

export type { Memory } from '../memory/memory';

/** A parsed answer, with what the model asked to change in its memory (diary, goals, relationships). */
export interface Answer<T> {
  readonly value: T;
  readonly memory?: MemoryUpdate;
}

export interface PressPrompt {
  system(input: PressInput): string;
  user(input: PressInput, memory: Memory): string;
  parse(raw: string, input: PressInput): Parsed<Answer<PressMessage[]>>;
  correction(error: ParseError, input: PressInput): string;
}

export interface GamePrompt {
  system(input: DecisionInput): string;
  user(input: DecisionInput, memory: Memory): string;
  parse(raw: string, input: DecisionInput): Parsed<Answer<Decision>>;
  correction(error: ParseError, input: DecisionInput, truncated: boolean): string;
  readonly press?: PressPrompt;
}
