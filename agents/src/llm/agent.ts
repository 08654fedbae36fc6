/**
 * The LLM agent: for each decision it writes the game's prompt, asks the model within the
 * decision budget (session.ts), and answers with the parsed action. When no usable answer comes,
 * it throws an error naming why (`agent/unparseable: …`), so the runtime plays the safe default
 * and records the fallback with that reason; every request is on the record as a model call.
 * Where the game has press it also negotiates, and it keeps a short diary the model writes.
 */
import type { Agent, Decision, DecisionInput, PressInput, PressMessage } from '../agent';
import type { LlmConfig } from './config';
import { promptFor } from './prompts';
import type { Memory } from './prompts/types';
import { type ChatClient, createChatClient } from './providers';
import { runSession, type SessionFailure } from './session';

/** The diary stays this short, so the context does not grow with the match. */
export const DIARY_LINES = 12;
const DIARY_LINE_CHARS = 240;

export class AgentFailure extends Error {
  constructor(readonly failure: SessionFailure) {
    super(`${failure.code}: ${failure.message}`);
    this.name = 'AgentFailure';
  }
}

export interface LlmAgent extends Agent {
  readonly memory: Memory;
}

export function llmAgent(config: LlmConfig, gameId: string, client: ChatClient = createChatClient(config)): LlmAgent {
  const prompt = promptFor(gameId);
  const memory: Memory = { diary: [] };
  const system = (base: string) =>
    config.systemPrompt && config.systemPromptMode === 'replace'
      ? config.systemPrompt
      : config.systemPrompt
        ? `${base}\n\n${config.systemPrompt}`
        : base;
  const remember = (diary: string | undefined) => {
    if (!diary) return;
    const lines = diary
      .split('\n')
      .map((l) => l.trim().slice(0, DIARY_LINE_CHARS))
      .filter(Boolean);
    memory.diary = [...memory.diary, ...lines].slice(-DIARY_LINES);
  };

  const agent: LlmAgent = {
    name: config.name,
    memory,
    async act(input: DecisionInput): Promise<Decision> {
      const result = await runSession({
        config,
        client,
        purpose: 'decide',
        system: system(prompt.system(input)),
        user: prompt.user(input, memory),
        parse: (raw) => prompt.parse(raw, input),
        recordable: (answer) => answer.value,
        correction: (error, truncated) => prompt.correction(error, input, truncated),
        deadlineMs: input.deadlineMs,
        signal: input.signal,
        record: input.recordModelCall,
      });
      if (result.ok) {
        remember(result.value.diary);
        return result.value.value;
      }
      // Orders that were valid in an otherwise bad list still count; the runtime fills the rest.
      if (Array.isArray(result.error.partial) && result.error.partial.length > 0) return result.error.partial as string[];
      throw new AgentFailure(result.error);
    },
  };
  const press = prompt.press;
  if (!press) return agent;
  return {
    ...agent,
    async negotiate(input: PressInput): Promise<readonly PressMessage[]> {
      const result = await runSession({
        config,
        client,
        purpose: 'negotiate',
        system: system(press.system(input)),
        user: press.user(input, memory),
        parse: (raw) => press.parse(raw, input),
        recordable: (answer) => answer.value,
        correction: (error) => press.correction(error, input),
        deadlineMs: input.deadlineMs,
        signal: input.signal,
        record: input.recordModelCall,
      });
      if (!result.ok) return [];
      remember(result.value.diary);
      return result.value.value;
    },
  };
}
