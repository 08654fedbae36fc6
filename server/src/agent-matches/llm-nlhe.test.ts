/**
 * No-Limit Hold'em with an LLM seat against the local provider server: a raise size that is not
 * in the representative legal list but inside the engine's bounds is played as is; one outside
 * them is explained to the model (with the range) and corrected.
 */

import { callBot, llmAgent } from '@parley/agents';
import { legalIn, passiveAnswer, type Responder, testConfig } from '@parley/agents/testing';
import { nlhe } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { runMatch } from '../runtime';
import { useFakeProvider } from '../testing/fake-provider';

const fake = useFakeProvider(passiveAnswer);

describe('NLHE with an LLM seat', () => {
  it('plays any raise size in range, and corrects one out of range', async () => {
    const offList: string[][] = [];
    let raised = 0;
    const responder: Responder = (request) => {
      const legal = legalIn(request);
      const canRaise = legal.some((a) => a.startsWith('raise'));
      if (canRaise && raised === 0) {
        raised++;
        offList.push(legal);
        return { text: 'A strong hand.\n{"action": "raise 237"}' };
      }
      if (canRaise && raised === 1) {
        raised++;
        return { text: 'ACTION: raise 5' };
      }
      return passiveAnswer(request);
    };
    fake.setResponder(responder);
    const first = fake.requests.length;
    const params = nlhe.descriptor.parseParams({ players: 2, format: 'hand' });
    if (!params.ok) throw new Error(params.error.message);
    const { record } = await runMatch({
      game: nlhe,
      params: params.params,
      seed: 11,
      agents: [llmAgent(testConfig(fake.url), 'nlhe'), callBot()],
      deadlineMs: 10_000,
    });
    const requests = fake.requests.slice(first);

    expect(offList[0]).not.toContain('raise 237');
    const mine = record.actions.filter((a) => a.actor === 0);
    expect(mine.some((a) => a.action === 'raise 237')).toBe(true);
    expect(mine.every((a) => !a.fallback)).toBe(true);
    expect(record.returns.reduce((a, b) => a + b, 0)).toBe(0);

    const correction = requests.find((r) => r.lastUser.startsWith('Your previous reply could not be used'));
    expect(correction?.lastUser).toMatch(/raise 5 is outside the legal range: raise to any whole amount from \d+ to \d+/);
    const retried = record.modelCalls.find((c) => c.purpose === 'retry');
    expect(retried).toMatchObject({ attempt: 2 });
    expect(record.modelCalls.find((c) => c.error)?.error).toMatch(/^agent\/illegal: raise 5 is outside the legal range/);

    const prompt = requests[0]?.lastUser ?? '';
    expect(prompt).toMatch(/You are seat 0; the button is seat \d\./);
    expect(prompt).toMatch(/Your cards: [2-9TJQKA][cdhs] [2-9TJQKA][cdhs]\./);
    expect(prompt).toContain('You may raise to any whole amount from');
  });
});
