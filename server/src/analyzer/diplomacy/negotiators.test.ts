/**
 * Issue 17's "done when", end to end on the runtime: a Diplomacy game with seven scripted-LLM
 * seats (the local provider server, a fake clock, through 1902) records each seat's diary, yearly
 * summary, relationships and trust ledger; a judge model (the same scripted server) judges the
 * free-text press; the analysis carries per-model measures with the judged promises; a fork at
 * S1902M reproduces the parent exactly and plays N continuations, whose measures pool with the
 * parent's. The tournament report and the web pages showing these measures have their own tests
 * (tournament/measures.test.ts, web/e2e/judge.test.ts, web/e2e/branch.test.ts).
 */
import { createAgent, createChatClient, type Memory } from '@parley/agents';
import { diplomacyAnswer, testConfig } from '@parley/agents/testing';
import { describe, expect, it } from 'vitest';
import { branchMatch, branchReport } from '../../runtime/branch';
import { runMatch } from '../../runtime/match-runner';
import { timeless, useScriptedDiplomacy } from '../../testing/scripted-diplomacy';
import { analyzeDiplomacyMatch, judgeDiplomacyMatch } from '.';
import { agentMeasures } from './agent-measures';
import { movementPhases } from './phases';

const { clock, seats, run, url } = useScriptedDiplomacy((request) => {
  // As a judge: every message promises to keep out of Burgundy; a broken one is a change of plan.
  if (request.lastUser.includes('List the promises'))
    return { text: '{"promises": [{"kind": "demilitarise", "province": "BUR"}]}' };
  if (request.lastUser.includes('"intent"')) return { text: '{"intent": "change-of-plan", "reason": "the board changed"}' };
  return diplomacyAnswer(request);
});

describe('LLM negotiators worth measuring (issue 17, done when)', () => {
  it('records memory, judges press, measures each model, and forks exactly', async () => {
    const { record } = await runMatch({ ...run, params: { lastYear: 1902 }, seed: 17, agents: seats() });
    expect(record.actions.filter((a) => a.fallback)).toEqual([]);

    // Every seat's memory is on the record: a phase-tagged diary, the 1901 summary, relationships, the ledger.
    for (let seat = 0; seat < 7; seat++) {
      const memories = record.modelCalls.filter((c) => c.seat === seat && c.memory).map((c) => c.memory as Memory);
      const last = memories.at(-1)!;
      expect(last.diary.length).toBeGreaterThan(0);
      expect(last.diary.every((e) => /^[SFW]1902[MRA]$/.test(e.phase))).toBe(true);
      expect(last.summaries).toEqual([{ from: 1901, to: 1901, text: expect.stringContaining('summary of') }]);
      expect(last.relationships.ENGLAND ?? last.relationships.TURKEY).toBeDefined();
      expect(last.ledger.length).toBeGreaterThan(0);
      for (const purpose of ['negotiate', 'decide', 'summarize', 'reflect'])
        expect(record.modelCalls.some((c) => c.seat === seat && c.purpose === purpose)).toBe(true);
    }

    // The judge reads every message with text, and its promises join the per-model measures.
    const judged = await judgeDiplomacyMatch(record, {
      config: testConfig(url()),
      client: createChatClient(testConfig(url())),
      deadlineMs: 20_000,
      clock,
    });
    const texts = record.messages.filter((m) => m.text.trim()).length;
    expect(texts).toBeGreaterThan(0);
    expect(judged.freeText!.unread).toBe(0);
    expect(judged.freeText!.promises).toHaveLength(texts);
    expect(judged.freeText!.calls.every((c) => c.purpose === 'judge')).toBe(true);
    expect(judged.freeText!.costUsd).toBeGreaterThan(0);
    const broken = judged.freeText!.promises.filter((p) => p.verdict === 'broken');
    expect(broken.every((p) => p.intent === 'change-of-plan')).toBe(true);
    const [model] = Object.keys(judged.perModel);
    const m = judged.perModel[model!]!;
    expect(m.seats).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(m).toMatchObject({ firstTryInvalid: 0, fallbacks: { timeout: 0, illegal: 0, error: 0, missing: 0 } });
    expect(m.pressSent).toBe(record.messages.length);
    expect(m.promisesKept).not.toBeNull();
    expect(m.judgedPromisesKept).toBe(
      judged.freeText!.promises.filter((p) => p.verdict === 'kept').length /
        judged.freeText!.promises.filter((p) => p.verdict !== 'not-checkable').length,
    );
    // One model holds every seat: its centres per year are all centres owned in spring 1902, over seven.
    const spring = movementPhases(record).find((p) => p.code === 'S1902M')!;
    expect(m.centresPerYear).toBe(spring.centres.length / 7);
    expect(m.tokensPerPhase).toBeGreaterThan(0);
    expect(m.promptTokens.map((p) => p.purpose)).toEqual(expect.arrayContaining(['decide', 'negotiate', 'summarize', 'reflect']));

    // A fork at S1902M: the unchanged continuation is the parent; the others seat a random bot as Turkey.
    const agentsFor = (k: number) => (k === 0 ? seats() : [...seats().slice(0, 6), createAgent('random', 'diplomacy')]);
    const { point, records } = await branchMatch({ ...run, record, at: 'S1902M', times: 3, agentsFor });
    expect(records).toHaveLength(3);
    const { branch: _branch, ...same } = records[0]!;
    expect(timeless(same).actions).toEqual(timeless(record).actions);
    expect(same.messages).toEqual(record.messages);
    expect(same.finalStateHash).toBe(record.finalStateHash);
    for (const r of records)
      expect(timeless(r).actions.slice(0, point.seq)).toEqual(timeless(record).actions.slice(0, point.seq));
    const report = branchReport(record, point, records);
    expect(report).toMatchObject({ at: 'S1902M', continuations: 3 });
    expect(report.sameAsParent).toBeGreaterThanOrEqual(1);
    expect(report.perSeat[6]!.parent).toBe(record.returns[6]);

    // Measures of the parent (judged) and its continuations pool per model.
    const pooled = agentMeasures([judged, ...records.map(analyzeDiplomacyMatch)]);
    const byName = new Map(pooled.map((p) => [p.agent, p]));
    expect(byName.get(model!)).toMatchObject({ matches: 4, judgedMatches: 1, firstTryInvalid: 0 });
    expect(byName.get(model!)!.decisions).toBeGreaterThan(m.decisions);
    expect(byName.get('random')).toMatchObject({ matches: 2 });
  });
});
