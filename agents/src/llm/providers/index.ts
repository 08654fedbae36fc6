import type { LlmConfig } from '../config';
import { anthropicClient } from './anthropic';
import { openaiClient } from './openai';
import type { ChatClient } from './types';

export { thinkingTokens } from './anthropic';
export { classifyError, redact, retryAfter } from './errors';
export type * from './types';

export function createChatClient(config: LlmConfig): ChatClient {
  return config.provider === 'anthropic' ? anthropicClient(config) : openaiClient(config);
}
