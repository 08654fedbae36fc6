/**
 * A fork's continuation is measured from its fork: the calls, actions and press it carried over
 * belong to its parent, so a bot seated after the fork is not credited with the model calls its
 * seat made before, and pooling a parent with its continuations counts each call once.
 */
import { createAgent } from '@parley/agents';
import { diplomacyAnswer } from '@parley/agents/testing';
import { describe, expect, it } from 'vitest';
import { branchMatch } from '../../runtime/branch';
import { runMatch } from '../../runtime/match-runner';
import { useScriptedDiplomacy } from '../../testing/scripted-diplomacy';
import { analyzeDiplomacyMatch } from '.';
import { agentMeasures } from './agent-measures';

const { seats, run } = useScriptedDiplomacy(diplomacyAnswer);

describe('measures of forked matches', () => {
  it('count a continuation from its fork, and credit no seat with its parent seat calls', async () => {
    const { record: parent } = await runMatch({ ...run, params: { lastYear: 1902 }, seed: 3, agents: seats() });
    const agentsFor = (k: number) => (k === 0 ? seats() : [...seats().slice(0, 6), createAgent('random', 'diplomacy')]);
    const { point, records } = await branchMatch({ ...run, record: parent, at: 'S1902M', times: 2, agentsFor });
    const [same, withBot] = records.map(analyzeDiplomacyMatch);
    const whole = analyzeDiplomacyMatch(parent);
    const model = parent.seats[0]!.agent;
    // Turkey's model called before the fork; the random bot seated after it made no call at all.
    expect(parent.modelCalls.some((c) => c.seat === 6 && c.seq < point.seq)).toBe(true);
    expect(withBot!.perModel.random).toMatchObject({ decisions: 0, tokensPerPhase: 0, costPerPhase: 0, promptTokens: [] });
    expect(withBot!.perModel.random!.pressSent).toBe(
      records[1]!.messages.filter((m) => m.from === 6 && m.seq >= point.seq).length,
    );

    // Decisions before the fork (the parent's) and after it (the unchanged continuation's) add up to the parent's.
    const decidedBefore = parent.modelCalls.filter((c) => c.purpose === 'decide' && c.attempt === 1 && c.seq < point.seq).length;
    expect(decidedBefore).toBeGreaterThan(0);
    expect(same!.perModel[model]!.decisions + decidedBefore).toBe(whole.perModel[model]!.decisions);
    const pressBefore = parent.messages.filter((m) => m.phase !== 'S1902M' && m.phase !== 'F1902M').length;
    expect(same!.perModel[model]!.pressSent + pressBefore).toBe(whole.perModel[model]!.pressSent);
    // Its phases are its own: spring and autumn 1902, and no spring whose centres it decided.
    expect(same).toMatchObject({ movementPhases: 2, measuredFrom: 'S1902M' });
    expect(whole).toMatchObject({ movementPhases: 4 });
    expect(whole.measuredFrom).toBeUndefined();
    expect(same!.perModel[model]!.centresPerYear).toBeNull();
    expect(same!.commitments.checks.every((c) => c.seq >= point.seq)).toBe(true);
    expect(same!.commitments.checks.length).toBeGreaterThan(0);
    // The board's story is still told whole.
    expect(same!.supports).toEqual(whole.supports);

    // Pooled, the parent and its continuations count each decision once, per who made it.
    const pooled = new Map(agentMeasures([whole, same!, withBot!]).map((m) => [m.agent, m]));
    expect(pooled.get(model)!.decisions).toBe(
      whole.perModel[model]!.decisions + same!.perModel[model]!.decisions + withBot!.perModel[model]!.decisions,
    );
    expect(pooled.get('random')).toMatchObject({ matches: 1, decisions: 0, tokensPerPhase: 0 });
  });
});
