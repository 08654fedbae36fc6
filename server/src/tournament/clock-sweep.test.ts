/**
 * Time pressure as a sweep axis: one scripted model entered at two order clocks. The model
 * "thinks" five seconds of a fake clock before each answer (the scripted provider moves the
 * clock), so under a one-second clock every answer is late and the seat plays the default, and
 * under a minute none is; the report's sweep shows the score and the late answers per setting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { legalIn } from '@parley/agents/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { useFakeProvider, writeModelConfig } from '../testing/fake-provider';
import { inlineExecutor } from './executor';
import { runTournament } from './run';
import { resolveSpec } from './spec';

const THINK_MS = 5000;
const clock = new FakeClock();
const dir = mkdtempSync(join(tmpdir(), 'parley-clock-sweep-'));

const provider = useFakeProvider(async (request) => {
  await clock.advance(THINK_MS);
  const legal = legalIn(request);
  const action = ['bet', 'call'].find((a) => legal.includes(a)) ?? legal[0];
  return { text: `{"action": "${action}"}` };
});

beforeAll(() => writeModelConfig(dir, provider, { budget: { retries: 0 } }));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('clocks in a tournament file', () => {
  it('keeps clock keys out of the agent spec and on the participant', () => {
    const spec = resolveSpec({
      name: 'clocks',
      game: 'diplomacy',
      participants: [
        {
          name: 'm',
          agent: 'llm:m.yaml',
          overrides: { maxTokens: 400 },
          sweep: { 'clock.ordersMs': [1000, 2000], 'clock.pressMs': [500] },
        },
        'heuristic',
      ],
      format: { type: 'round-robin' },
      pressDeadlineMs: 9000,
    });
    const [a, b] = spec.participants;
    expect(a).toMatchObject({ name: 'm@clock.ordersMs=1000,clock.pressMs=500', agent: 'llm:m.yaml?maxTokens=400' });
    expect(a!.clock).toEqual({ ordersMs: 1000, pressMs: 500 });
    expect(b!.clock).toEqual({ ordersMs: 2000, pressMs: 500 });
    expect(spec.pressDeadlineMs).toBe(9000);
    expect(() =>
      resolveSpec({
        name: 'bad',
        game: 'kuhn',
        participants: [{ agent: 'random', overrides: { 'clock.ordersMs': 'soon' } }, 'call'],
        format: { type: 'round-robin' },
      }),
    ).toThrow(/participants\.0: clock\.ordersMs must be a whole number of milliseconds/);
  });

  it('shows the score and the late answers per clock setting', async () => {
    const outcome = await runTournament(
      {
        name: 'clock-sweep',
        game: 'kuhn',
        seed: 5,
        participants: [
          { name: 'model', agent: `llm:${join(dir, 'model.json')}`, sweep: { 'clock.ordersMs': [1000, 60_000] } },
          'call',
        ],
        format: { type: 'gauntlet', challengers: ['model'], rounds: 6 },
        ratings: { bootstrap: 0 },
      },
      { out: join(dir, 'out'), executor: inlineExecutor(clock), progress: false, log: () => {} },
    );
    const [sweep] = outcome.report.sweeps;
    expect(sweep!.agent).toBe('model');
    const [tight, loose] = sweep!.points;
    expect(tight).toMatchObject({ label: 'clock.ordersMs=1000', matches: 12 });
    expect(loose).toMatchObject({ label: 'clock.ordersMs=60000', matches: 12, lateDecisions: 0, fallbackRate: 0 });
    // Every answer under the tight clock was late, so the seat played the default each time.
    expect(tight!.lateDecisions).toBeGreaterThan(0);
    expect(tight!.fallbackRate).toBe(1);
    expect(tight!.rating).not.toBeNull();
    expect(tight!.rating).not.toBe(loose!.rating);
  });
});
