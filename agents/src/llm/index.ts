/**
 * LLM agents: `llm:PATH.yaml` plays a model through an OpenAI-compatible endpoint or Anthropic,
 * configured by a YAML or JSON file (config.ts), with prompts per game (prompts/), tolerant reply
 * parsing (parse/), and a per-decision budget of time, tokens and retries (session.ts).
 */
import type { Agent } from '../agent';
import { llmAgent } from './agent';
import { loadLlmConfig } from './config';

export { AgentFailure, type LlmAgent, llmAgent } from './agent';
export * from './config';
export { extractPromises, type Intent, type JudgeContext, judgeIntent } from './judge';
export { commitmentText, type LedgerEvent, ledgerText } from './memory/ledger';
export { emptyMemory, type Memory, memoryText, RELATIONSHIPS, type Relationship } from './memory/memory';
export { promptFor } from './prompts';
export { type ChatClient, type ChatRequest, type ChatResult, createChatClient } from './providers';
export { runSession } from './session';

/** The `llm:PATH` factory: reads and validates the config file, then builds the agent. */
export function llmAgentFromFile(path: string, gameId: string): Agent {
  return llmAgent(loadLlmConfig(path), gameId);
}
