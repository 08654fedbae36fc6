/**
 * The scripted model provider of `@parley/agents/testing`, started once for a test file:
 * `const fake = useFakeProvider(passiveAnswer)` at the top level registers its start (beforeAll)
 * and its close (afterAll), and the handle reaches the running provider from inside the tests.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FakeProvider, type Responder, startFakeProvider } from '@parley/agents/testing';
import { afterAll, beforeAll } from 'vitest';

export function useFakeProvider(answer: Responder): FakeProvider {
  let fake: FakeProvider | undefined;
  beforeAll(async () => {
    fake = await startFakeProvider(answer);
  });
  afterAll(() => fake?.close());
  const started = (): FakeProvider => {
    if (!fake) throw new Error('the fake provider starts in beforeAll: use it inside a test');
    return fake;
  };
  return {
    get url() {
      return started().url;
    },
    get requests() {
      return started().requests;
    },
    setResponder: (responder) => started().setResponder(responder),
    close: () => started().close(),
  };
}

/** Writes `dir/model.json`: an OpenAI-style config of a scripted model at the provider, with `extra` fields. */
export function writeModelConfig(dir: string, provider: FakeProvider, extra: Record<string, unknown>): void {
  const config = { provider: 'openai', model: 'scripted-model', baseUrl: provider.url, apiKey: 'sk-test', ...extra };
  writeFileSync(join(dir, 'model.json'), JSON.stringify(config));
}
