import { describe, expect, it } from 'vitest';
import type { ModelCallRecord } from '../../runtime/record';
import { analyzeDiplomacyMatch } from '.';
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
  });
});
