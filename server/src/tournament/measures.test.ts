/**
 * Per-model measures in a tournament report: a scripted model entered at two temperatures
 * against the heuristic bot in a short Diplomacy tournament. At temperature 1 the model's first
 * answer to every order request is prose without JSON, so each decision is re-asked once and then
 * answered; at temperature 0 it answers at once. The report's per-model table and the sweep's
 * table per setting must say exactly that, and agree with the analyzer run on the records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diplomacyAnswer } from '@parley/agents/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDiplomacyMatch } from '../analyzer/diplomacy';
import { agentMeasures, measuredMatch } from '../analyzer/diplomacy/agent-measures';
import { FakeClock } from '../testing/fake-clock';
import { useFakeProvider, writeModelConfig } from '../testing/fake-provider';
import { inlineExecutor } from './executor';
import { renderMarkdown } from './report';
import { runTournament } from './run';

const dir = mkdtempSync(join(tmpdir(), 'parley-model-measures-'));
const clock = new FakeClock();

const provider = useFakeProvider((request) => {
  const ordersAsked = request.lastUser.includes('Legal orders, per unit:');
  const firstTry = !request.lastUser.includes('could not');
  if (request.body.temperature === 1 && ordersAsked && firstTry) return { text: 'I would rather think it over.' };
  return diplomacyAnswer(request);
});

beforeAll(() => writeModelConfig(dir, provider, { pricing: { inputPerMTok: 1, outputPerMTok: 2 }, budget: { retries: 1 } }));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('per-model measures in a tournament report', () => {
  it('tables the measures per participant and per sweep setting, as the analyzer computes them', async () => {
    const { report, results } = await runTournament(
      {
        name: 'measured',
        game: 'diplomacy',
        params: { lastYear: 1902 },
        seed: 4,
        participants: [{ name: 'model', agent: `llm:${join(dir, 'model.json')}`, sweep: { temperature: [0, 1] } }, 'heuristic'],
        format: { type: 'round-robin', rounds: 1 },
        pressRounds: 1,
        records: true,
        ratings: { bootstrap: 0 },
      },
      { out: join(dir, 'out'), executor: inlineExecutor(clock), progress: false, log: () => {} },
    );
    expect(results.every((r) => r.returns && r.measures)).toBe(true);
    const [cold, hot] = ['model@temperature=0', 'model@temperature=1'];
    expect(report.modelMeasures.map((m) => m.agent)).toEqual([cold, hot, 'heuristic']);
    const by = new Map(report.modelMeasures.map((m) => [m.agent, m]));

    expect(by.get(cold)).toMatchObject({ matches: 3, firstTryInvalid: 0, reasksPerDecision: 0 });
    expect(by.get(hot)).toMatchObject({ matches: 3, firstTryInvalid: 1, reasksPerDecision: 1 });
    for (const name of [cold, hot]) {
      const m = by.get(name)!;
      expect(m.decisions).toBeGreaterThan(0);
      expect(m.fallbacks).toEqual({ timeout: 0, illegal: 0, error: 0, missing: 0 });
      // One public message per press round, with a no-attack promise the analyzer checks.
      expect(m.pressSent).toBeGreaterThan(0);
      expect(m.promisesKept).not.toBeNull();
      expect(m.centresPerYear).toBeGreaterThan(0);
      expect(m.tokensPerPhase).toBeGreaterThan(0);
      expect(m.costPerPhase).toBeGreaterThan(0);
      expect(m.judgedPromisesKept).toBeNull();
    }
    // The re-asked setting spends more per phase for the same orders.
    expect(by.get(hot)!.tokensPerPhase).toBeGreaterThan(by.get(cold)!.tokensPerPhase);
    expect(by.get('heuristic')).toMatchObject({ decisions: 0, firstTryInvalid: null, tokensPerPhase: 0 });

    // One authority: the analyzer on the records, seats named by participant, pools to the same.
    const analyses = results.map((r) => {
      const record = r.record!;
      return measuredMatch(
        analyzeDiplomacyMatch({ ...record, seats: record.seats.map((s) => ({ ...s, agent: r.seats[s.seat]! })) }),
      );
    });
    expect(agentMeasures(analyses).sort((a, b) => a.agent.localeCompare(b.agent))).toEqual(
      [...report.modelMeasures].sort((a, b) => a.agent.localeCompare(b.agent)),
    );

    // The sweep carries each setting's row.
    const [sweep] = report.sweeps;
    expect(sweep!.points.map((p) => [p.label, p.measures?.firstTryInvalid])).toEqual([
      ['temperature=0', 0],
      ['temperature=1', 1],
    ]);

    const md = renderMarkdown(report);
    expect(md).toContain('## Per model');
    expect(md).toMatch(/\| model@temperature=1 \| 3 \| \d+ \| 100\.0% \| 1\.00 \| 0 \/ 0 \/ 0 \/ 0 \|/);
    expect(md).toContain('Per-model measures per setting:');
    expect(md).toContain('| setting | matches | decisions | first-try invalid |');
    expect(md).toMatch(/\| temperature=0 \| 3 \| \d+ \| 0\.0% \| 0\.00 \|/);
  });

  it('leaves the table out for games the analyzer does not read', async () => {
    const { report, results } = await runTournament(
      { name: 'kuhn-plain', game: 'kuhn', participants: ['random', 'call'], format: { type: 'round-robin', rounds: 2 } },
      { out: join(dir, 'kuhn'), workers: 0, progress: false, log: () => {} },
    );
    expect(results.some((r) => r.measures)).toBe(false);
    expect(report.modelMeasures).toEqual([]);
    expect(renderMarkdown(report)).not.toContain('## Per model');
  });
});
