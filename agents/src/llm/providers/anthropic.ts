/**
 * Anthropic messages through the official SDK. `reasoningEffort` becomes an extended-thinking
 * budget (which Anthropic counts inside `max_tokens`, so it is added on top of the answer's
 * tokens); thinking text is not part of the answer. The SDK's own retries are off.
 */
import type { LlmConfig } from '../config';
import { classifyError } from './errors';
import type { ChatClient, ChatRequest, ChatResult } from './types';

type AnthropicClient = import('@anthropic-ai/sdk').Anthropic;

/** Thinking tokens per effort level; Anthropic's minimum budget is 1024. */
export const THINKING_BUDGET = { low: 1024, medium: 4096, high: 16_384 } as const;
const MIN_THINKING = 1024;
/** Tokens kept for the answer itself when a request's allowance is split with thinking. */
const MIN_ANSWER = 256;

/** Extra output tokens a request may use for thinking, beyond the answer's `maxTokens`. */
export function thinkingTokens(config: Pick<LlmConfig, 'provider' | 'reasoningEffort'>): number {
  return config.provider === 'anthropic' && config.reasoningEffort ? THINKING_BUDGET[config.reasoningEffort] : 0;
}

export function anthropicClient(config: LlmConfig): ChatClient {
  let client: Promise<AnthropicClient> | undefined;
  const sdk = () =>
    (client ??= import('@anthropic-ai/sdk').then(
      ({ Anthropic }) =>
        new Anthropic({
          apiKey: config.apiKey ?? null,
          // The SDK appends /v1/messages itself.
          baseURL: config.baseUrl.replace(/\/v1$/, ''),
          maxRetries: 0,
          defaultHeaders: config.headers,
        }),
    ));

  return {
    provider: 'anthropic',
    model: config.model,
    async send(request: ChatRequest): Promise<ChatResult> {
      const thinking = Math.min(thinkingTokens(config), request.maxTokens - MIN_ANSWER);
      const body = {
        model: config.model,
        system: request.system,
        messages: request.turns.map((t) => ({ role: t.role, content: t.content })),
        max_tokens: request.maxTokens,
        ...(thinking >= MIN_THINKING
          ? { thinking: { type: 'enabled' as const, budget_tokens: thinking } }
          : config.temperature === undefined
            ? {}
            : { temperature: config.temperature }),
      };
      try {
        const anthropic = await sdk();
        if (!config.stream) {
          const res = await anthropic.messages.create({ ...body, stream: false }, { signal: request.signal });
          const text = (res.content ?? []).map((b) => (b.type === 'text' ? b.text : '')).join('');
          return {
            ok: true,
            reply: {
              text,
              tokensIn: res.usage?.input_tokens ?? 0,
              tokensOut: res.usage?.output_tokens ?? 0,
              truncated: res.stop_reason === 'max_tokens',
            },
          };
        }
        const stream = await anthropic.messages.create({ ...body, stream: true }, { signal: request.signal });
        let text = '';
        let tokensIn = 0;
        let tokensOut = 0;
        let truncated = false;
        for await (const event of stream) {
          if (event.type === 'message_start') {
            tokensIn = event.message.usage?.input_tokens ?? 0;
            tokensOut = event.message.usage?.output_tokens ?? 0;
          } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
            text += event.delta.text;
          } else if (event.type === 'message_delta') {
            // Usage here is cumulative for the message.
            tokensIn = event.usage?.input_tokens ?? tokensIn;
            tokensOut = event.usage?.output_tokens ?? tokensOut;
            if (event.delta.stop_reason === 'max_tokens') truncated = true;
          }
        }
        return { ok: true, reply: { text, tokensIn, tokensOut, truncated } };
      } catch (error) {
        return { ok: false, failure: classifyError(error, config.apiKey) };
      }
    },
  };
}
