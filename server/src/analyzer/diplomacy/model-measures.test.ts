import { describe, expect, it } from 'vitest';
import type { ModelCallRecord } from '../../runtime/record';
import { analyzeDiplomacyMatch } from '.';
import { agentMeasures, judgedPromises } from './agent-measures';
import { scenarioRecord } from './scenario';

const call = (
  seat: number,
  seq: number,
  purpose: ModelCallRecord['purpose'],
  attempt: number,
  error?: string,
): ModelCallRecord => ({
  provider: 'openai',
  model: 'm',
  purpose,
  prompt: null,
  reply: 'x',
  tokensIn: 100,
  tokensOut: 10,
  latencyMs: 5,
  costUsd: 0.001,
  attempt,
  seq,
  seat,
  ...(error ? { error } : {}),
});

describe('per-model measures', () => {
  it('counts first-try invalid answers, re-asks, fallbacks, press answered and promises kept per agent', async () => {
    const record = await scenarioRecord();
    record.modelCalls = [call(0, 0, 'decide', 1, 'agent/illegal: bad order'), call(0, 0, 'retry', 2), call(3, 0, 'decide', 1)];
    record.actions[0] = { ...record.actions[0]!, fallback: 'timeout' };
    const analysis = analyzeDiplomacyMatch(record);
    const alpha = analysis.perModel.alpha!; // Austria and Germany
    expect(alpha).toMatchObject({ seats: [0, 3], decisions: 2, firstTryInvalid: 0.5, reasksPerDecision: 0.5 });
    expect(alpha.promisesKept).toBe(analysis.commitments.perAgent.alpha!.keptRate);
    expect(alpha.tokensPerPhase).toBeCloseTo((3 * 110) / (2 * analysis.movementPhases), 10);
    const actor = record.actions[0]!.actor as number;
    const who = record.seats[actor]!.agent;
    expect(analysis.perModel[who]!.fallbacks.timeout).toBe(1);
    // Italy received Austria's two messages and England's public one; it wrote back to Austria in F1901M only.
    expect(analysis.perModel.beta).toMatchObject({ pressSent: 1, pressReceived: 3, pressAnswered: 1 / 3, decisions: 0 });
    expect(analysis.perModel.beta!.firstTryInvalid).toBeNull();
    expect(analysis.perModel.beta!.centresPerYear).toBeNull(); // the game ends in 1901
    // Prompt sizes per phase and purpose: the calls before the first action are S1901M's.
    expect(alpha.promptTokens).toEqual([
      { phase: 'S1901M', purpose: 'decide', calls: 2, meanTokensIn: 100, maxTokensIn: 100 },
      { phase: 'S1901M', purpose: 'retry', calls: 1, meanTokensIn: 100, maxTokensIn: 100 },
    ]);
    expect(analysis.perModel.beta!.promptTokens).toEqual([]);
  });

  it('reports prompt sizes in the phase each call was made in', async () => {
    const record = await scenarioRecord();
    const last = record.actions.length;
    const big = { ...call(0, last - 1, 'decide', 1), tokensIn: 900 };
    record.modelCalls = [call(0, 0, 'decide', 1), { ...call(0, 0, 'negotiate', 1), tokensIn: 40 }, big];
    const sizes = analyzeDiplomacyMatch(record).perModel.alpha!.promptTokens;
    expect(sizes.slice(0, 2)).toEqual([
      { phase: 'S1901M', purpose: 'decide', calls: 1, meanTokensIn: 100, maxTokensIn: 100 },
      { phase: 'S1901M', purpose: 'negotiate', calls: 1, meanTokensIn: 40, maxTokensIn: 40 },
    ]);
    // The last action's call belongs to the last phase played, not the first.
    expect(sizes[2]).toMatchObject({ purpose: 'decide', calls: 1, maxTokensIn: 900 });
    expect(sizes[2]!.phase).not.toBe('S1901M');
  });
});

describe('per-model measures pooled over matches', () => {
  it('sums counts and pools each rate over its own denominator', async () => {
    const first = await scenarioRecord();
    first.modelCalls = [call(0, 0, 'decide', 1, 'agent/illegal: bad order'), call(0, 0, 'retry', 2), call(3, 0, 'decide', 1)];
    const second = await scenarioRecord();
    second.modelCalls = [call(0, 0, 'decide', 1), call(3, 0, 'decide', 1), call(3, 5, 'decide', 1), call(0, 5, 'decide', 1)];
    const analyses = [analyzeDiplomacyMatch(first), analyzeDiplomacyMatch(second)];
    const pooled = agentMeasures(analyses);
    expect(pooled.map((m) => m.agent)).toEqual(Object.keys(analyses[0]!.perModel).sort());
    const alpha = pooled.find((m) => m.agent === 'alpha')!;
    // One invalid first answer in 2 + 4 decisions; one re-ask.
    expect(alpha).toMatchObject({ matches: 2, judgedMatches: 0, decisions: 6, lies: 0 });
    expect(alpha.firstTryInvalid).toBeCloseTo(1 / 6, 12);
    expect(alpha.reasksPerDecision).toBeCloseTo(1 / 6, 12);
    // Tokens: 3 + 4 calls of 110 over the phases of both matches.
    expect(alpha.tokensPerPhase).toBeCloseTo((7 * 110) / (2 * 2 * analyses[0]!.movementPhases), 10);
    const beta = pooled.find((m) => m.agent === 'beta')!;
    expect(beta).toMatchObject({ pressSent: 2, pressReceived: 6, pressAnswered: 1 / 3, firstTryInvalid: null });
    const kept = analyses[0]!.commitments.perAgent.alpha!;
    expect(alpha.promisesKept).toBe(kept.keptRate);
    expect(alpha.judgedPromisesKept).toBeNull();
    const opening = alpha.promptTokens.find((p) => p.phase === 'S1901M' && p.purpose === 'decide');
    // Seq 5 is still spring 1901: two decide calls from the first match, four from the second.
    expect(opening).toEqual({ phase: 'S1901M', purpose: 'decide', calls: 6, meanTokensIn: 100, maxTokensIn: 100 });
    expect(judgedPromises(analyses)).toEqual([]);
  });
});
