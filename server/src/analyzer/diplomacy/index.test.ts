import { createAgent } from '@parley/agents';
import { diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { runMatch } from '../../runtime/match-runner';
import { replayRecord } from '../../runtime/replay';
import { analyzeDiplomacyMatch } from '.';
import { scenarioRecord } from './scenario';

describe('analyzeDiplomacyMatch', () => {
  it('gathers every measure of the scripted match as plain JSON', async () => {
    const analysis = analyzeDiplomacyMatch(await scenarioRecord());
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
    expect(analysis.movementPhases).toBe(2);
    expect(analysis.seats[4]).toMatchObject({ seat: 4, power: 'italy', agent: 'beta' });
    expect(analysis.betrayals.events.length).toBe(1);
    expect(analysis.commitments.checks.length).toBe(15);
  });

  it('reads a real match of the heuristic bot against six random bots', async () => {
    const agents = [0, 1, 2, 3, 4, 5, 6].map((s) => createAgent(s === 2 ? 'heuristic' : 'random', 'diplomacy'));
    const { record } = await runMatch({ game: diplomacy, params: { lastYear: 1905 }, seed: 11, agents, pressRounds: 1 });
    expect(replayRecord(record).ok).toBe(true);
    expect(record.actions.filter((a) => a.actor === 2 && a.fallback)).toEqual([]);
    const a = analyzeDiplomacyMatch(record);
    let s = diplomacy.newInitialState({ lastYear: 1905 });
    const codes = new Set<string>();
    for (const { actor, action } of record.actions) {
      if (s.phase.type === 'movement') codes.add(diplomacy.turnKey!(s));
      s = diplomacy.applyAction(s, actor, action);
    }
    expect(a.movementPhases).toBe(codes.size);
    expect(a.alliances.phases.map((p) => p.phase)).toEqual([...codes]);
    expect(a.alliances.phases[0]!.phase).toBe('S1901M');
    // The heuristic promises peace and keeps it (its notion of attack is the analyzer's).
    const own = a.commitments.checks.filter((c) => c.from === 'france');
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((c) => c.commitment.kind === 'no-attack' && c.verdict === 'kept')).toBe(true);
    expect(a.commitments.perAgent.heuristic).toMatchObject({ broken: 0, keptRate: 1 });
    expect(Object.keys(a.supports.perAgent).sort()).toEqual(['heuristic', 'random']);
    expect(a.supports.events.every((e) => e.from !== e.to)).toBe(true);
    for (const { matrix } of a.alliances.phases) {
      for (const [i, row] of matrix.entries()) for (const [j, v] of row.entries()) expect(v).toBe(matrix[j]![i]);
    }
  });
});
