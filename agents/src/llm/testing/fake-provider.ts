/**
 * A local HTTP server that speaks OpenAI chat completions (`POST …/chat/completions`) and
 * Anthropic messages (`POST …/v1/messages`), plain JSON and SSE streaming, with usage. Tests
 * script each reply from the request, so the agent under test goes through the real SDKs and
 * sockets exactly as it would against a provider; nothing leaves 127.0.0.1.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Dialect = 'openai' | 'anthropic';

export interface SeenRequest {
  readonly dialect: Dialect;
  readonly index: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: any;
  readonly stream: boolean;
  /** The system prompt and every message's text, joined: what a model would read. */
  readonly prompt: string;
  /** The text of the last user message. */
  readonly lastUser: string;
}

export type Scripted =
  /** A model answer; usage defaults to about one token per four characters. */
  | { text: string; tokensIn?: number; tokensOut?: number; delayMs?: number; thinking?: string; truncated?: boolean }
  /** An HTTP error with the provider's error body. */
  | { status: number; message?: string; headers?: Record<string, string>; delayMs?: number }
  /** A broken body with status 200 (not JSON). */
  | { raw: string };

export type Responder = (request: SeenRequest) => Scripted | Promise<Scripted>;

export interface FakeProvider {
  /** Base URL for an OpenAI-style config (`…/v1`); Anthropic's SDK takes the same root. */
  readonly url: string;
  readonly requests: SeenRequest[];
  setResponder(responder: Responder): void;
  close(): Promise<void>;
}

const approxTokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((c) => (typeof c === 'string' ? c : (c?.text ?? ''))).join('');
  return '';
}

export async function startFakeProvider(responder: Responder): Promise<FakeProvider> {
  let respond = responder;
  const requests: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const dialect: Dialect | null = req.url?.endsWith('/chat/completions')
      ? 'openai'
      : req.url?.endsWith('/messages')
        ? 'anthropic'
        : null;
    if (req.method !== 'POST' || !dialect) return send(res, 404, { error: { message: 'not found' } });
    let body: any;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, { error: { message: 'request body is not JSON' } });
    }
    const messages: { role: string; content: unknown }[] = body.messages ?? [];
    const system = dialect === 'anthropic' ? textOf(body.system) : '';
    const seen: SeenRequest = {
      dialect,
      index: requests.length,
      headers: req.headers,
      body,
      stream: body.stream === true,
      prompt: [system, ...messages.map((m) => textOf(m.content))].join('\n'),
      lastUser: textOf([...messages].reverse().find((m) => m.role === 'user')?.content),
    };
    requests.push(seen);
    const script = await respond(seen);
    if ('delayMs' in script && script.delayMs) {
      const closed = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), script.delayMs);
        res.on('close', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (closed) return;
    }
    if ('raw' in script) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(script.raw);
    }
    if ('status' in script) {
      const message = script.message ?? `scripted ${script.status}`;
      const error =
        dialect === 'openai'
          ? { error: { message, type: 'scripted', code: null } }
          : { type: 'error', error: { type: script.status === 429 ? 'rate_limit_error' : 'api_error', message } };
      return send(res, script.status, error, script.headers);
    }
    const tokensIn = script.tokensIn ?? approxTokens(seen.prompt);
    const tokensOut = script.tokensOut ?? approxTokens(script.text);
    const model = String(body.model);
    if (dialect === 'openai') {
      if (seen.stream)
        return openaiStream(res, model, script.text, tokensIn, tokensOut, body.stream_options?.include_usage, script.truncated);
      return send(res, 200, {
        id: `chatcmpl-${seen.index}`,
        object: 'chat.completion',
        created: 0,
        model,
        choices: [
          { index: 0, message: { role: 'assistant', content: script.text }, finish_reason: script.truncated ? 'length' : 'stop' },
        ],
        usage: { prompt_tokens: tokensIn, completion_tokens: tokensOut, total_tokens: tokensIn + tokensOut },
      });
    }
    const stop = script.truncated ? 'max_tokens' : 'end_turn';
    if (seen.stream) return anthropicStream(res, model, script.text, tokensIn, tokensOut, stop, script.thinking);
    const content = [
      ...(script.thinking ? [{ type: 'thinking', thinking: script.thinking, signature: 'sig' }] : []),
      { type: 'text', text: script.text },
    ];
    return send(res, 200, {
      id: `msg_${seen.index}`,
      type: 'message',
      role: 'assistant',
      model,
      content,
      stop_reason: stop,
      stop_sequence: null,
      usage: { input_tokens: tokensIn, output_tokens: tokensOut },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setResponder: (r) => {
      respond = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Splits text into a few pieces, as a streaming model would send it. */
const pieces = (text: string): string[] => text.match(/[\s\S]{1,7}/g) ?? [''];

function sse(res: ServerResponse): (data: unknown, event?: string) => void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  return (data, event) => res.write(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
}

function openaiStream(
  res: ServerResponse,
  model: string,
  text: string,
  tokensIn: number,
  tokensOut: number,
  includeUsage: boolean | undefined,
  truncated?: boolean,
): void {
  const write = sse(res);
  const chunk = (choices: unknown[], extra: object = {}) =>
    write({ id: 'chatcmpl-s', object: 'chat.completion.chunk', created: 0, model, choices, ...extra });
  chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]);
  for (const piece of pieces(text)) chunk([{ index: 0, delta: { content: piece }, finish_reason: null }]);
  chunk([{ index: 0, delta: {}, finish_reason: truncated ? 'length' : 'stop' }]);
  // Usage comes only when asked for, as OpenAI does.
  if (includeUsage)
    chunk([], { usage: { prompt_tokens: tokensIn, completion_tokens: tokensOut, total_tokens: tokensIn + tokensOut } });
  res.end('data: [DONE]\n\n');
}

function anthropicStream(
  res: ServerResponse,
  model: string,
  text: string,
  tokensIn: number,
  tokensOut: number,
  stop: string,
  thinking?: string,
): void {
  const write = sse(res);
  const ev = (type: string, data: object) => write({ type, ...data }, type);
  ev('message_start', {
    message: {
      id: 'msg_s',
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: tokensIn, output_tokens: 1 },
    },
  });
  let index = 0;
  if (thinking) {
    ev('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } });
    ev('content_block_delta', { index, delta: { type: 'thinking_delta', thinking } });
    ev('content_block_delta', { index, delta: { type: 'signature_delta', signature: 'sig' } });
    ev('content_block_stop', { index });
    index++;
  }
  ev('content_block_start', { index, content_block: { type: 'text', text: '' } });
  for (const piece of pieces(text)) ev('content_block_delta', { index, delta: { type: 'text_delta', text: piece } });
  ev('content_block_stop', { index });
  ev('message_delta', { delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: tokensOut } });
  ev('message_stop', {});
  res.end();
}
