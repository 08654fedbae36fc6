/**
 * What the agent needs from a model provider: send a system prompt and a conversation, get text
 * and token counts back, or a failure value that says whether trying again could help.
 * Clients never throw; the agent's retry loop reads the failure and decides.
 */

export interface ChatTurn {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

export interface ChatRequest {
  readonly system: string;
  readonly turns: readonly ChatTurn[];
  /** Completion tokens this request may use (the agent's token budget may lower the config's). */
  readonly maxTokens: number;
  readonly signal: AbortSignal;
}

export interface ChatReply {
  readonly text: string;
  readonly tokensIn: number;
  readonly tokensOut: number;
  /** True when the model stopped at the token limit, so the answer may be cut off. */
  readonly truncated: boolean;
}

export type FailureCode =
  | 'provider/rate-limited'
  | 'provider/server'
  | 'provider/client'
  | 'provider/network'
  | 'provider/aborted'
  | 'provider/malformed';

export interface ProviderFailure {
  readonly code: FailureCode;
  readonly message: string;
  readonly status?: number;
  /** From `retry-after-ms` / `retry-after`, when the provider sent one. */
  readonly retryAfterMs?: number;
  readonly retryable: boolean;
}

export type ChatResult = { ok: true; reply: ChatReply } | { ok: false; failure: ProviderFailure };

export interface ChatClient {
  readonly provider: string;
  readonly model: string;
  send(request: ChatRequest): Promise<ChatResult>;
}
