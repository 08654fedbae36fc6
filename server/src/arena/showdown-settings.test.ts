/**
 * A person's muck setting in a live match: the engine settles each showdown decision of a
 * person's seat at once (no click, no clock), showing what can win and mucking a beaten hand
 * only for a person who mucks losing hands.
 */

import { nlhe } from '@parley/games';
import { matchSettingsSchema } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { AgentRegistry } from '../agents-registry/registry';
import { MemoryStore } from '../store/memory-store';
import { FakeClock } from '../testing/fake-clock';
import { LiveMatch } from './live-match';

describe('the muck setting', () => {
  it('mucks beaten hands for the seat that asked, shows them for the one that did not, and never asks either', async () => {
    const settings = matchSettingsSchema.parse({
      game: 'nlhe',
      params: { players: 2, format: 'cash', hands: 24 },
      seats: ['human', 'human'],
      seed: 5,
    });
    const store = new MemoryStore();
    const seats = settings.seats.map((_, seat) => ({ seat, agent: { name: `seat ${seat}`, kind: 'human' as const } }));
    await store.createMatch({ id: 'm1', game: 'nlhe', params: settings.params, seed: 5, seats, settings });
    const live = new LiveMatch({ id: 'm1', settings, store, agents: new AgentRegistry(), clock: new FakeClock() });
    live.setPreferences(0, { muckLosing: true });
    live.setPreferences(1, { muckLosing: false });
    const asked: string[][] = [];
    // Both people check or call every street; whatever they are asked is recorded.
    live.subscribe(() => {
      live.seats.forEach((s) => {
        const open = s.human?.current();
        if (!open) return;
        asked.push([...open.input.legalActions]);
        const legal = open.input.legalActions;
        queueMicrotask(() => s.human?.submit(open.id, [legal.includes('check') ? 'check' : 'call']));
      });
    });
    live.start();
    await live.done;
    expect(live.status).toBe('finished');
    expect(asked.some((legal) => legal.includes('show') || legal.includes('muck'))).toBe(false);

    let state = nlhe.newInitialState(live.params as never);
    const showdowns: { seat: number; action: string; settled: string | null }[] = [];
    for (const a of live.record!.actions) {
      if (a.action === 'show' || a.action === 'muck') {
        const seat = a.actor as number;
        showdowns.push({ seat, action: a.action, settled: nlhe.settledAction!(state, seat, { muckLosing: seat === 0 }) });
      }
      state = nlhe.applyAction(state, a.actor, a.action);
    }
    for (const s of showdowns) expect(s.action).toBe(s.settled);
    expect(showdowns.filter((s) => s.seat === 0 && s.action === 'muck').length).toBeGreaterThan(0);
    expect(showdowns.filter((s) => s.seat === 1 && s.action === 'muck')).toEqual([]);
  });
});
