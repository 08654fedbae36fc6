/**
 * Exports: a Kuhn or Leduc match played by the runtime, stored as events (in memory and on
 * PGlite), comes back as the same match record and replays through the engine; a tampered or
 * unfinished match does not export. A No-Limit Hold'em match exports as PHH that the NLHE
 * engine's own PHH replay accepts, hand by hand.
 */
import { type Agent, randomBot } from '@parley/agents';
import { type Game, getGame, kuhn, leduc, Nlhe } from '@parley/games';
import { afterAll, describe, expect, it } from 'vitest';
import { runMatch } from '../runtime/match-runner';
import type { MatchRecord } from '../runtime/record';
import { replayRecord } from '../runtime/replay';
import { eventsOf, matchOfRecord, recordOf } from './events';
import { exportMatch, exportRecord } from './export';
import { MemoryStore } from './memory-store';
import { sharedPglite } from './testing/support';
import type { MatchStore } from './types';

/** A stand-in for an LLM seat: plays the first legal action and records a model call for it. */
const fakeLlm = (): Agent => ({
  name: 'llm:fake',
  act: ({ legalActions, recordModelCall, infoStateKey }) => {
    recordModelCall?.({
      provider: 'fake',
      model: 'fake-1',
      purpose: 'decide',
      prompt: [{ role: 'user', content: infoStateKey }],
      reply: legalActions[0]!,
      tokensIn: 10,
      tokensOut: 1,
      latencyMs: 1.25,
      costUsd: 0.0001,
      attempt: 0,
      parsed: legalActions[0]!,
    });
    return legalActions[0]!;
  },
});

async function play(game: Game<any, any>, seed: number): Promise<MatchRecord> {
  const { record } = await runMatch({ game, params: game.descriptor.defaultParams, seed, agents: [randomBot(), fakeLlm()] });
  // Kuhn and Leduc have no press; two messages exercise the message path of the record.
  record.messages = [
    { seq: 0, phase: '', from: 0, to: 'all', text: 'good luck' },
    { seq: record.actions.length, phase: '', from: 1, to: [0], text: 'gg', commitments: [{ kind: 'no-attack', target: 0 }] },
  ];
  return record;
}

async function store(target: MatchStore, id: string, record: MatchRecord): Promise<void> {
  await target.createMatch({
    id,
    game: record.game,
    params: record.params,
    seed: record.seed,
    seats: record.seats.map((s) => ({
      seat: s.seat,
      agent: { name: s.agent, kind: s.agent.startsWith('llm:') ? 'llm' : 'bot' },
    })),
  });
  const { events, modelCalls } = eventsOf(record, Date.UTC(2025, 0, 1));
  await target.appendEvents(id, events);
  await target.appendModelCalls(id, modelCalls);
  await target.finishMatch(id, { status: 'finished', returns: record.returns, finalStateHash: record.finalStateHash });
}

const pglite = await sharedPglite();
afterAll(() => pglite.close());

describe.each([
  ['memory', async () => ({ store: new MemoryStore() as MatchStore, dispose: async () => {} })],
  ['PGlite', () => pglite.open()],
])('exporting match records from the %s store', (_name, open) => {
  it.each([
    ['kuhn', kuhn, 11],
    ['leduc', leduc, 12],
  ] as const)('gives back the %s record that was played, and it replays', async (_game, game, seed) => {
    const { store: target, dispose } = await open();
    try {
      const record = await play(game, seed);
      expect(record.modelCalls.length).toBeGreaterThan(0);
      await store(target, 'm1', record);
      const exported = exportRecord((await target.getMatch('m1'))!);
      expect(exported).toEqual(record);
      expect(replayRecord(exported)).toMatchObject({ ok: true, hash: record.finalStateHash, returns: record.returns });
      const file = exportMatch((await target.getMatch('m1'))!, 'parley');
      expect(file.filename).toBe('m1.parley.json');
      expect(JSON.parse(file.text)).toEqual(record);
    } finally {
      await dispose();
    }
  });

  it('refuses a record that does not replay, and an unfinished match', async () => {
    const { store: target, dispose } = await open();
    try {
      const record = await play(leduc, 5);
      const tampered = { ...record, finalStateHash: '0'.repeat(64) };
      await store(target, 'bad', tampered);
      const bad = (await target.getMatch('bad'))!;
      expect(() => exportRecord(bad)).toThrow(/^export\/replay-failed:.*differs/);
      expect(() => exportMatch(bad, 'phh')).toThrow(/^export\/unsupported:/);
      await target.createMatch({ id: 'live', game: 'kuhn', params: {}, seed: 1, seats: [] });
      const live = (await target.getMatch('live'))!;
      expect(() => exportRecord(live)).toThrow(/^export\/unfinished:/);
    } finally {
      await dispose();
    }
  });
});

describe('records as events', () => {
  it('stores messages before the action they preceded, and reads them back', async () => {
    const record = await play(kuhn, 3);
    const { events } = eventsOf(record);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    expect(events[0]).toMatchObject({ kind: 'message', payload: { text: 'good luck' } });
    expect(events.at(-1)).toMatchObject({ kind: 'message', payload: { text: 'gg' } });
    const match = matchOfRecord(record, 'x');
    expect(match.events).toEqual(events);
    expect(recordOf(match)).toEqual(record);
    const gap = {
      ...match,
      events: events.map((e) => (e.kind === 'action' ? { ...e, payload: { ...(e.payload as object), seq: 99 } } : e)),
    };
    expect(() => recordOf(gap)).toThrow(/^export\/malformed:/);
  });
});

describe('PHH export', () => {
  it("writes a stored No-Limit Hold'em match as the hands the engine played, and each replays", async () => {
    const game = getGame('nlhe');
    const parsed = game.descriptor.parseParams({ players: 3, format: 'cash', hands: 4 });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const params = parsed.params;
    const { record, finalState } = await runMatch({ game, params, seed: 21, agents: [randomBot(), randomBot(), randomBot()] });
    const target = new MemoryStore();
    await store(target, 'poker', record);
    const file = exportMatch((await target.getMatch('poker'))!, 'phh');
    expect(file).toMatchObject({ filename: 'poker.phh', mediaType: 'text/plain' });
    expect(file.text).toBe(Nlhe.matchToPhhs(finalState as Nlhe.NlheState));
    const entries = Nlhe.parsePhhText(file.text);
    expect(entries).toHaveLength(4);
    for (const entry of entries) {
      if (!('hand' in entry)) throw new Error(`${entry.name}: ${entry.error}`);
      const replay = Nlhe.replayPhh(entry.hand);
      expect(replay.ok, replay.ok ? '' : replay.error).toBe(true);
    }
  });
});
