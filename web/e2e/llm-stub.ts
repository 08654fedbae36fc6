/**
 * A stand-in language model for the end-to-end tests: a local HTTP server speaking the OpenAI
 * chat-completions protocol. It reads the legal actions from the prompt and answers with one of
 * them (call, else check, else the first), with token usage, so an `llm:` seat in the arena makes
 * real model calls through the real agent code and the replay has model calls to show. As a judge
 * of press it finds one promise in every message (to keep out of Burgundy) and calls every broken
 * one a change of plan.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LlmStub {
  url: string;
  requests: number;
  close(): Promise<void>;
}

function answer(prompt: string): string {
  if (prompt.includes('List the promises')) return '{"promises": [{"kind": "demilitarise", "province": "BUR"}]}';
  if (prompt.includes('"intent"')) return '{"intent": "change-of-plan", "reason": "the board changed"}';
  const action = choose(prompt);
  return `Thinking about the pot odds, I will ${action}.\n{"action": "${action}"}`;
}

function choose(prompt: string): string {
  const m = /Legal actions: ([^\n]+)/.exec(prompt);
  const legal = m ? m[1]!.split(',').map((s) => s.trim()) : [];
  for (const pick of ['call', 'check']) if (legal.includes(pick)) return pick;
  return legal[0] ?? 'check';
}

export async function startLlmStub(): Promise<LlmStub> {
  const stub = { requests: 0 } as LlmStub;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      stub.requests++;
      const request = JSON.parse(body || '{}') as { model?: string; messages?: { role: string; content: unknown }[] };
      const prompt = (request.messages ?? [])
        .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
        .join('\n');
      const content = answer(prompt);
      const tokensIn = Math.ceil(prompt.length / 4);
      const tokensOut = Math.ceil(content.length / 4);
      const reply = JSON.stringify({
        id: `chatcmpl-stub-${stub.requests}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: request.model ?? 'stub-model',
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: tokensIn, completion_tokens: tokensOut, total_tokens: tokensIn + tokensOut },
      });
      // A little latency, so the recorded latency is not zero.
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(reply) });
        res.end(reply);
      }, 15);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  stub.close = () => new Promise((resolve) => server.close(() => resolve()));
  return stub;
}
