/**
 * Diplomacy with seven LLM seats against the local provider server, end to end through the
 * runtime: press rounds with commitments, orders checked by the engine (and corrected when the
 * engine rejects one), the diary carried between phases, and every call on the record.
 */

import { llmAgent } from '@parley/agents';
import { diplomacyAnswer, type Responder, TEST_KEY, testConfig } from '@parley/agents/testing';
import { diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { runMatch } from '../runtime';
import { FakeClock } from '../testing/fake-clock';
import { useFakeProvider } from '../testing/fake-provider';

const fake = useFakeProvider(diplomacyAnswer);

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
      // The deadline is on a clock that never moves: a loaded machine's slow answers are not timeouts.
      clock: new FakeClock(),
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
      /Your diary \(notes you wrote\):\n {2}\[S1901M\] S1901M: offered peace to all\.\n {2}\[S1901M\] S1901M: ordered 3\./,
    );
    // Goals and relationships the model set (an unknown power's label is dropped), board sense and the ledger.
    expect(fallOrders?.lastUser).toContain('Your goals: take a neutral centre');
    expect(fallOrders?.lastUser).toContain('How you see the others: ENGLAND friendly');
    expect(fallOrders?.lastUser).toContain(
      '  A BOH: threats none; support none; nearest centres MUN 1 (GERMANY), BER 2 (GERMANY)',
    );
    expect(fallOrders?.lastUser).toContain('  Home centre TRI could be entered by ITALY A VEN');
    expect(fallOrders?.lastUser).toMatch(/Trust ledger \(facts from the orders, not opinions\):\n {2}ENGLAND: /);
    // Every decision carries the memory it ended with.
    const decided = calls.filter((c) => c.seat === 0 && c.purpose === 'decide');
    expect(decided.every((c) => (c.memory as { diary: unknown[] } | undefined)?.diary.length)).toBe(true);
    expect(JSON.stringify(record)).not.toContain(TEST_KEY);
  });

  it('summarises each past year, reflects after each movement phase, and keeps the ledger, all on the record', async () => {
    fake.setResponder(diplomacyAnswer);
    const agents = Array.from({ length: 7 }, (_, seat) =>
      llmAgent(
        { ...testConfig(fake.url, { provider: 'openai' }), memory: { tokens: 1500, reflection: seat === 0 } },
        'diplomacy',
      ),
    );
    const { record } = await runMatch({
      game: diplomacy,
      params: { lastYear: 1902 },
      seed: 3,
      agents,
      deadlineMs: 20_000,
      // The deadline is on a clock that never moves: a loaded machine's slow answers are not timeouts.
      clock: new FakeClock(),
      pressRounds: 1,
    });
    const mine = record.modelCalls.filter((c) => c.seat === 0);
    type Snapshot = { diary: { phase: string }[]; summaries: { from: number; to: number; text: string }[]; ledger: unknown[] };
    const summarize = mine.filter((c) => c.purpose === 'summarize');
    expect(summarize).toHaveLength(1);
    const after = summarize[0]!.memory as Snapshot;
    expect(after.summaries).toEqual([{ from: 1901, to: 1901, text: expect.stringContaining('AUSTRIA summary of') }]);
    expect(after.diary.every((e) => e.phase.includes('1902'))).toBe(true);
    // One reflection per movement phase whose results the seat saw before a decision.
    const reflect = mine.filter((c) => c.purpose === 'reflect');
    expect(reflect.length).toBeGreaterThanOrEqual(3);
    expect(agents[0]!.memory.relationships).toMatchObject({ TURKEY: 'unfriendly', ENGLAND: 'friendly' });
    expect(agents[1]!.memory.relationships.TURKEY).toBeUndefined();
    expect(record.modelCalls.filter((c) => c.seat !== 0 && c.purpose === 'reflect')).toEqual([]);
    // Every other power promised no attack on Turkey in every press round: the ledger has each phase's verdicts.
    const phases = new Set(agents[0]!.memory.ledger.map((e) => e.phase));
    expect([...phases]).toEqual(expect.arrayContaining(['S1901M', 'F1901M', 'S1902M']));
    // The record shows the ledger as it stood at each call: the last one saw everything up to S1902M.
    const last = mine.filter((c) => c.memory).at(-1)!.memory as Snapshot;
    expect(last.ledger).toEqual(agents[0]!.memory.ledger.slice(0, last.ledger.length));
    expect(last.ledger.length).toBeGreaterThan(0);
  });
});
