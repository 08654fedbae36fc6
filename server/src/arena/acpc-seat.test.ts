/**
 * An ACPC seat in the arena: the operator opens a port (`registerAcpcSeats`, what `parley start
 * --acpc-ports` does), a match created through the API seats `acpc/PORT` against the tag bot,
 * and the reference ACPC client plays it to the end over TCP with every answer taken.
 */
import { describe, expect, it } from 'vitest';
import { registerAcpcSeats } from '../acpc/seat-kind';
import { freePort, HUNL_CLIENT, playWhenListening } from '../acpc/testing';
import { AgentRegistry } from '../agents-registry/registry';
import { FakeClock } from '../testing/fake-clock';
import { useArena } from './testing/arena';
import { fetchJson, postJson } from './testing/http';

const registry = new AgentRegistry();
/** Deadlines pass only when this clock is moved: a loaded machine cannot make the client late. */
const test = useArena({ clock: new FakeClock(), agents: registry });

describe('an ACPC seat in an arena match', () => {
  it('waits for its ACPC client on the opened port and plays every hand with its answers', async () => {
    const port = await freePort();
    registerAcpcSeats(registry, [port], () => {});
    const refused = await postJson(`${test.base}/api/matches`, {
      game: 'nlhe',
      params: { players: 2 },
      seats: [`acpc/${port + 1}`, 'tag'],
    });
    expect(refused).toMatchObject({ code: 'match/invalid', message: expect.stringMatching(/not a registered agent/) });
    const created = await postJson(`${test.base}/api/matches`, {
      game: 'nlhe',
      params: { players: 2, startingStack: 20000, format: 'cash', hands: 8, resetStacks: true },
      seed: 5,
      seats: [`acpc/${port}`, 'tag'],
    });
    expect(created.matchId).toBeTruthy();
    const client = await playWhenListening(port, HUNL_CLIENT);
    expect(client.hands).toBe(8);
    let stored = await fetchJson(`${test.base}/api/matches/${created.matchId}`);
    for (let polls = 0; stored.status !== 'finished' && polls < 1000; polls++)
      stored = await fetchJson(`${test.base}/api/matches/${created.matchId}`);
    expect(stored.status).toBe('finished');
    expect(stored.seats[0]).toMatchObject({ agent: { name: `acpc/${port}`, kind: 'external' } });
    const mine = stored.events.filter(
      (e: { kind: string; payload: { actor: unknown; action: string } }) =>
        e.kind === 'action' && e.payload.actor === 0 && e.payload.action !== 'show',
    );
    expect(mine).toHaveLength(client.actions);
    expect(mine.filter((e: { payload: { fallback?: string } }) => e.payload.fallback)).toEqual([]);
  });
});
