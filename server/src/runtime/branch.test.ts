import { createAgent } from '@parley/agents';
import { diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { branchMatch, branchPoint, branchReport } from './branch';
import { runMatch } from './match-runner';
import type { MatchRecord } from './record';

const SEATS = ['heuristic', 'random', 'random', 'heuristic', 'random', 'random', 'random'];
const agents = (specs: readonly string[]) => specs.map((s) => createAgent(s, 'diplomacy'));
/** Records compared timings aside: `ms` is wall-clock thinking time. */
const timeless = (r: MatchRecord) => ({ ...r, actions: r.actions.map(({ ms: _ms, ...a }) => a) });

describe('branching a recorded match', () => {
  it('reproduces the parent exactly when nothing changes, and plays other continuations from the same prefix', async () => {
    const { record: parent } = await runMatch({
      game: diplomacy,
      params: { lastYear: 1903 },
      seed: 11,
      agents: agents(SEATS),
      pressRounds: 1,
    });
    const { point, records } = await branchMatch({
      game: diplomacy,
      record: parent,
      at: 'S1902M',
      times: 3,
      agentsFor: () => agents(SEATS),
      pressRounds: 1,
    });
    expect(point.at).toBe('S1902M');
    expect(parent.actions[point.seq - 1]?.action).toBeDefined();
    const [same, ...others] = records;
    const { branch, ...unchanged } = same!;
    expect(branch).toEqual({ parentSeed: 11, parentHash: parent.finalStateHash, at: 'S1902M', seq: point.seq, index: 0 });
    expect(timeless(unchanged)).toEqual(timeless(parent));
    for (const r of others) {
      expect(r.seed).not.toBe(parent.seed);
      expect(timeless(r).actions.slice(0, point.seq)).toEqual(timeless(parent).actions.slice(0, point.seq));
      expect(r.messages.filter((m) => m.seq < point.seq)).toEqual(parent.messages.filter((m) => m.seq < point.seq));
    }
    // Random seats draw differently after the fork, so at least one continuation differs.
    expect(others.some((r) => r.finalStateHash !== parent.finalStateHash)).toBe(true);
    const report = branchReport(parent, point, records);
    expect(report).toMatchObject({ at: 'S1902M', continuations: 3 });
    expect(report.sameAsParent).toBeGreaterThanOrEqual(1);
    expect(report.perSeat[0]).toMatchObject({ seat: 0, agent: 'heuristic', parent: parent.returns[0] });
  });

  it('forks with other seats, and names the turns when asked for one that never opens', async () => {
    const { record: parent } = await runMatch({ game: diplomacy, params: { lastYear: 1902 }, seed: 5, agents: agents(SEATS) });
    const { records } = await branchMatch({
      game: diplomacy,
      record: parent,
      at: 'F1901M',
      times: 1,
      agentsFor: () => agents(SEATS.map(() => 'heuristic')),
    });
    expect(records[0]!.seats.map((s) => s.agent)).toEqual(SEATS.map(() => 'heuristic'));
    expect(() => branchPoint(diplomacy, parent, 'S1907M')).toThrow(
      /turn 'S1907M' does not open in this match; its turns are S1901M F1901M/,
    );
    // The turn is read with the engine's phase grammar: any case, nothing that is not a phase.
    expect(branchPoint(diplomacy, parent, 'f1901m')).toEqual(branchPoint(diplomacy, parent, 'F1901M'));
    expect(() => branchPoint(diplomacy, parent, 'W1901M')).toThrow(/'W1901M' is not a turn of diplomacy/);
  });
});
