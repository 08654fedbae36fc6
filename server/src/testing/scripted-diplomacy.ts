/**
 * Seven scripted-LLM Diplomacy seats on one fake clock, for tests that play and fork LLM matches
 * against the local scripted provider (`@parley/agents/testing`), and records compared without
 * their wall-clock timings.
 */
import { type Agent, llmAgent } from '@parley/agents';
import { type FakeProvider, type Responder, startFakeProvider, testConfig } from '@parley/agents/testing';
import { diplomacy } from '@parley/games';
import { afterAll, beforeAll } from 'vitest';
import type { MatchRecord } from '../runtime/record';
import { FakeClock } from './fake-clock';

/** `url` is read when seats are made, so the provider may start after this is called. */
export function scriptedDiplomacy(url: () => string) {
  const clock = new FakeClock();
  const config = () => ({ ...testConfig(url()), memory: { tokens: 1500, reflection: true } });
  return {
    clock,
    seats: (): Agent[] => Array.from({ length: 7 }, () => llmAgent(config(), 'diplomacy', undefined, clock)),
    run: { game: diplomacy, clock, pressRounds: 1, deadlineMs: 20_000 } as const,
  };
}

/** The scripted provider answering with `responder`, up for the test file's tests, and seats on it. */
export function useScriptedDiplomacy(responder: Responder) {
  let provider: FakeProvider | undefined;
  beforeAll(async () => {
    provider = await startFakeProvider(responder);
  });
  afterAll(() => provider?.close());
  const url = () => {
    if (!provider) throw new Error('the scripted provider starts before the tests');
    return provider.url;
  };
  return { ...scriptedDiplomacy(url), url };
}

/** A record without what the wall clock decides: thinking time and call latency. */
export const timeless = (r: MatchRecord) => ({
  ...r,
  actions: r.actions.map(({ ms: _ms, ...a }) => a),
  modelCalls: r.modelCalls.map(({ latencyMs: _l, ...c }) => c),
});
