/**
 * Diplomacy with seven LLM seats against the local provider server, end to end through the
 * runtime: press rounds with commitments, orders checked by the engine (and corrected when the
 * engine rejects one), the diary carried between phases, and every call on the record.
 */
import { diplomacy } from '@parley/games';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMatch } from '../../../server/src/runtime';
import { llmAgent } from './agent';
import { type FakeProvider, type Responder, startFakeProvider } from './testing/fake-provider';
import { diplomacyAnswer, TEST_KEY, testConfig } from './testing/scripts';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider(diplomacyAnswer);
});
afterAll(() => fake.close());

describe('Diplomacy with LLM seats', () => {
  it('negotiates, orders and keeps a diary through 1901, with every call recorded', async () => {
    // France's first order reply tries an impossible move; the engine's reason goes back to it.
    let franceTried = false;
    const responder: Responder = (request) => {
      const isFranceOrders = request.lastUser.includes('  A PAR: ') && !request.prompt.includes('press round');
      if (isFranceOrders && !franceTried) {
        franceTried = true;
        return { text: '{"orders": ["A PAR - MUN", "A MAR H", "F BRE H"]}' };
      }
      return diplomacyAnswer(request);
    };
    fake.setResponder(responder);
    const first = fake.requests.length;
    const agents = Array.from({ length: 7 }, (_, seat) =>
      llmAgent(testConfig(fake.url, { provider: seat % 2 === 0 ? 'openai' : 'anthropic', stream: seat % 3 === 0 }), 'diplomacy'),
    );
    const { record } = await runMatch({
      game: diplomacy,
      params: { lastYear: 1901 },
      seed: 1,
      agents,
      deadlineMs: 20_000,
      pressRounds: 1,
    });
    const requests = fake.requests.slice(first);

    // Two movement phases, 22 units each (then any winter builds), every order the model's own.
    expect(record.actions.filter((a) => a.seq < 44).every((a) => !/ B$|WAIVE/.test(a.action))).toBe(true);
    expect(record.actions.slice(44).every((a) => a.action === 'WAIVE')).toBe(true);
    expect(record.actions.filter((a) => a.fallback)).toEqual([]);
    expect(record.actions.some((a) => a.action === 'A PAR - BUR' || a.action.startsWith('A PAR - '))).toBe(true);

    // Press: one public message per power per phase, commitments mapped to seats.
    expect(record.messages).toHaveLength(14);
    expect(record.messages[0]).toMatchObject({ phase: 'S1901M', from: 0, to: 'all', text: 'AUSTRIA wants peace in S1901M.' });
    expect(record.messages.every((m) => m.commitments?.[0]?.kind === 'no-attack' && m.commitments[0].target === 6)).toBe(true);

    // Calls: per seat and movement phase one negotiate and one decide, plus winter builds; France needed a retry.
    const calls = record.modelCalls;
    const builders = new Set(record.actions.slice(44).map((a) => a.actor)).size;
    expect(calls.filter((c) => c.purpose === 'negotiate')).toHaveLength(14);
    expect(calls.filter((c) => c.purpose === 'decide')).toHaveLength(14 + builders);
    const retry = calls.filter((c) => c.purpose === 'retry');
    expect(retry).toHaveLength(1);
    expect(retry[0]).toMatchObject({ seat: 2, attempt: 2 });
    const rejected = calls.find((c) => c.seat === 2 && c.purpose === 'decide' && c.error);
    expect(rejected?.error).toMatch(/^agent\/illegal: "A PAR - MUN": .*Munich.*\(order\/not-adjacent\)/);
    const retryPrompt = requests.find((r) => r.lastUser.startsWith('Your previous orders could not all be used'));
    expect(retryPrompt?.lastUser).toContain(rejected?.error?.replace('agent/illegal: ', '').split(';')[0]);
    expect(calls.every((c) => c.error !== undefined || (c.tokensIn > 0 && c.costUsd > 0))).toBe(true);

    // The fall prompts carry spring's press and the diary the model wrote in spring.
    const fallOrders = requests.find(
      (r) => r.prompt.includes('You are AUSTRIA.') && r.lastUser.includes('(F1901M)') && r.lastUser.includes('Legal orders'),
    );
    expect(fallOrders?.lastUser).toContain('[S1901M] you → everyone: AUSTRIA wants peace in S1901M.');
    expect(fallOrders?.lastUser).toContain('[S1901M] ENGLAND → everyone: ENGLAND wants peace in S1901M.');
    expect(fallOrders?.lastUser).toMatch(
      /Your diary \(notes you wrote earlier\):\n {2}- S1901M: offered peace to all\.\n {2}- S1901M: ordered 3\./,
    );
    expect(agents[0]?.memory.diary.length).toBeLessThanOrEqual(12);
    expect(JSON.stringify(record)).not.toContain(TEST_KEY);
  });
});
