/**
 * OpenAI chat completions through the official SDK, for any compatible endpoint (OpenAI,
 * OpenRouter, vLLM, Ollama, llama.cpp server, LM Studio). The SDK's own retries are off: the
 * agent's loop retries within its decision budget. Streaming asks for usage in the last chunk.
 */
import type { LlmConfig } from '../config';
import { classifyError } from './errors';
import type { ChatClient, ChatRequest, ChatResult } from './types';

type OpenAIClient = import('openai').OpenAI;

export function openaiClient(config: LlmConfig): ChatClient {
  let client: Promise<OpenAIClient> | undefined;
  const sdk = () =>
    (client ??= import('openai').then(
      ({ OpenAI }) =>
        new OpenAI({
          apiKey: config.apiKey ?? 'no-key',
          baseURL: config.baseUrl,
          maxRetries: 0,
          defaultHeaders: config.headers,
        }),
    ));
  const tokensField =
    config.maxTokensParam ?? (new URL(config.baseUrl).hostname === 'api.openai.com' ? 'max_completion_tokens' : 'max_tokens');

  return {
    provider: 'openai',
    model: config.model,
    async send(request: ChatRequest): Promise<ChatResult> {
      const body = {
        model: config.model,
        messages: [{ role: 'system' as const, content: request.system }, ...request.turns],
        [tokensField]: request.maxTokens,
        ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
        ...(config.reasoningEffort ? { reasoning_effort: config.reasoningEffort } : {}),
      };
      try {
        const openai = await sdk();
        if (!config.stream) {
          const res = await openai.chat.completions.create({ ...body, stream: false }, { signal: request.signal });
          const choice = res.choices?.[0];
          if (!choice) return malformed('the response has no choices');
          return {
            ok: true,
            reply: {
              text: choice.message?.content ?? '',
              tokensIn: res.usage?.prompt_tokens ?? 0,
              tokensOut: res.usage?.completion_tokens ?? 0,
              truncated: choice.finish_reason === 'length',
            },
          };
        }
        const stream = await openai.chat.completions.create(
          { ...body, stream: true, stream_options: { include_usage: true } },
          { signal: request.signal },
        );
        let text = '';
        let tokensIn = 0;
        let tokensOut = 0;
        let truncated = false;
        for await (const chunk of stream) {
          const choice = chunk.choices?.[0];
          if (choice?.delta?.content) text += choice.delta.content;
          if (choice?.finish_reason === 'length') truncated = true;
          if (chunk.usage) {
            tokensIn = chunk.usage.prompt_tokens ?? tokensIn;
            tokensOut = chunk.usage.completion_tokens ?? tokensOut;
          }
        }
        return { ok: true, reply: { text, tokensIn, tokensOut, truncated } };
      } catch (error) {
        return { ok: false, failure: classifyError(error, config.apiKey) };
      }
    },
  };
}

const malformed = (message: string): ChatResult => ({
  ok: false,
  failure: { code: 'provider/malformed', message, retryable: true },
});
