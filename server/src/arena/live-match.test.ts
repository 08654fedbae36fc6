/**
 * A live match resumed from its stored events reads them back through the store's codec: every
 * stored action is applied once (by the runtime's resume), the match finishes as an uninterrupted
 * run would, and a corrupted payload is refused with an error naming the event, never cast.
 */

import { createAgent } from '@parley/agents';
import { kuhn } from '@parley/games';
import { matchSettingsSchema } from '@parley/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgentRegistry } from '../agents-registry/registry';
import { runMatch } from '../runtime/match-runner';
import { eventsOf, resumeOf } from '../store/events';
import { MemoryStore } from '../store/memory-store';
import type { MatchEvent } from '../store/types';
import { FakeClock } from '../testing/fake-clock';
import { LiveMatch } from './live-match';

afterEach(() => vi.restoreAllMocks());

const settings = matchSettingsSchema.parse({ game: 'kuhn', seats: ['random', 'random'], seed: 11 });

async function storedMatch(events: MatchEvent[]) {
  const store = new MemoryStore();
  const seats = settings.seats.map((name, seat) => ({ seat, agent: { name: String(name), kind: 'bot' as const } }));
  await store.createMatch({ id: 'm1', game: 'kuhn', params: {}, seed: 11, seats, settings });
  await store.appendEvents('m1', events);
  const stored = await store.getMatch('m1');
  if (!stored) throw new Error('the match was not stored');
  return { store, stored };
}

const liveMatch = (store: MemoryStore, resumeFrom: Awaited<ReturnType<typeof storedMatch>>['stored']) =>
  new LiveMatch({ id: 'm1', settings, store, agents: new AgentRegistry(), resumeFrom, clock: new FakeClock() });

describe('a live match resumed from the store', () => {
  it('applies each stored action once and finishes exactly as the uninterrupted run', async () => {
    const { record } = await runMatch({
      game: kuhn,
      params: kuhn.descriptor.defaultParams,
      seed: 11,
      agents: settings.seats.map(() => createAgent('random', 'kuhn')),
    });
    const prefix = { ...record, actions: record.actions.slice(0, 3) };
    const { store, stored } = await storedMatch(eventsOf(prefix, 5).events);

    const applied = vi.spyOn(kuhn, 'applyAction');
    const live = liveMatch(store, stored);
    live.start();
    // The prefix is applied by the time `start` returns (before any agent is asked), and only once.
    expect(applied).toHaveBeenCalledTimes(3);
    expect(live.actionsPlayed).toBe(3);
    expect(live.state).toEqual(
      prefix.actions.reduce(
        (s, a) => kuhn.applyAction(s, a.actor, a.action),
        kuhn.newInitialState(kuhn.descriptor.defaultParams),
      ),
    );
    await live.done;

    expect(live.status).toBe('finished');
    expect(live.record?.actions.map(({ actor, action }) => ({ actor, action }))).toEqual(
      record.actions.map(({ actor, action }) => ({ actor, action })),
    );
    expect(live.record?.finalStateHash).toBe(record.finalStateHash);
    const after = await store.getMatch('m1');
    expect(resumeOf(after ?? stored).actions.map((a) => a.seq)).toEqual(record.actions.map((a) => a.seq));
  });

  it('refuses a corrupted stored payload with an error naming the event, and aborts the match', async () => {
    const events: MatchEvent[] = [
      { seq: 0, kind: 'action', payload: { seq: 0, actor: 'chance', action: 'deal 0 J', ms: 0 }, at: 1 },
      { seq: 1, kind: 'action', payload: { seq: 1, actor: 'chance', action: 42, ms: 0 }, at: 1 },
    ];
    const { store, stored } = await storedMatch(events);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const applied = vi.spyOn(kuhn, 'applyAction');
    const live = liveMatch(store, stored);
    live.start();
    await live.done;
    expect(applied).not.toHaveBeenCalled();
    expect(live.status).toBe('aborted');
    expect((await store.getMatch('m1'))?.status).toBe('aborted');
    expect(String(logged.mock.calls[0]?.[0])).toContain('export/malformed: event 1 (action): no action text');
  });

  it('checks time banks and messages too', () => {
    const read = (event: MatchEvent) => () => resumeOf({ events: [event], modelCalls: [] });
    expect(read({ seq: 0, kind: 'clock', payload: { seat: 'x', bank: 5 }, at: 0 })).toThrow(/event 0 \(clock\): not a time bank/);
    expect(read({ seq: 0, kind: 'message', payload: { seq: 0, from: 0, to: 'some', text: 'hi' }, at: 0 })).toThrow(
      /event 0 \(message\): recipients are neither all nor a list of seats/,
    );
    expect(read({ seq: 3, kind: 'clock', payload: { seat: 1, bank: 5, spentMs: 9 }, at: 0 })()).toMatchObject({
      clocks: [{ seat: 1, bank: 5, spentMs: 9 }],
      nextSeq: 4,
    });
  });
});
