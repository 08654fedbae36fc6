/**
 * What a game's prompt module gives the LLM agent: the rules brief, the situation as text,
 * how to read the model's answer, and how to tell the model what was wrong with it.
 * Press (Diplomacy) is optional.
 */
import type { Decision, DecisionInput, PressInput, PressMessage } from '../../agent';
import type { Parsed, ParseError } from '../parse/action';

/** What the agent keeps between decisions of one match: a short diary the model writes. */
export interface Memory {
  diary: string[];
}

/** A parsed answer, with diary lines the model asked to keep. */
export interface Answer<T> {
  readonly value: T;
  readonly diary?: string;
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
