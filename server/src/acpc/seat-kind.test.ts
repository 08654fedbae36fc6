/**
 * ACPC seats by name: `acpc:PORT` agent specs (the CLI's) and `acpc/PORT` registry entries (the
 * arena's, only for the ports the operator opened), in No-Limit Hold'em only; a match created
 * from a spec seats the reference client on its port and plays every hand with its answers.
 */
import { createAgent } from '@parley/agents';
import { getGame } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { AgentRegistry, RegistryError } from '../agents-registry/registry';
import { runMatch } from '../runtime/match-runner';
import { enableAcpcSeats, parsePortList, registerAcpcSeats } from './seat-kind';
import { freePort, HUNL_CLIENT, playWhenListening } from './testing';

describe('the acpc seat kind', () => {
  it('reads port lists and refuses what is not one', () => {
    expect([...parsePortList('3200-3202, 3300')]).toEqual([3200, 3201, 3202, 3300]);
    expect(() => parsePortList('3200-')).toThrow(/not a port/);
    expect(() => parsePortList('70000')).toThrow(/not a port/);
  });

  it('registers acpc/PORT in the arena registry for the opened ports only, for NLHE', async () => {
    const registry = new AgentRegistry();
    registerAcpcSeats(registry, [3201, 3202], () => {});
    expect(registry.entryFor('acpc/3201', 'nlhe')).toMatchObject({ seatKind: 'external', games: ['nlhe'] });
    expect(() => registry.entryFor('acpc/3203', 'nlhe')).toThrow(RegistryError);
    expect(() => registry.entryFor('acpc/3201', 'kuhn')).toThrow(/plays nlhe, not kuhn/);
    expect(() => registry.entryFor('acpc:3201', 'nlhe')).toThrow(/not a registered agent/);
    const port = await freePort();
    registerAcpcSeats(registry, [port], () => {});
    const seat = registry.create(`acpc/${port}`, 'nlhe');
    expect(seat.name).toBe(`acpc/${port}`);
    await seat.close?.();
  });

  it('seats an ACPC client from an acpc:PORT agent spec, in NLHE only', async () => {
    const port = await freePort();
    enableAcpcSeats(() => {});
    expect(() => createAgent(`acpc:${port}`, 'kuhn')).toThrow(/No-Limit Hold'em/);
    expect(() => createAgent('acpc', 'nlhe')).toThrow(/acpc:PORT/);
    const game = getGame('nlhe');
    const parsed = game.descriptor.parseParams({
      players: 2,
      startingStack: 20000,
      format: 'cash',
      hands: 12,
      resetStacks: true,
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const agents = [createAgent('tag', 'nlhe'), createAgent(`acpc:${port}`, 'nlhe')];
    // The seat starts listening as it is created; the client connects while the first hand is dealt.
    const client = playWhenListening(port, HUNL_CLIENT);
    const { record } = await runMatch({ game, params: parsed.params, seed: 3, agents, deadlineMs: 20_000 });
    const result = await client;
    expect(result.hands).toBe(12);
    expect(record.seats[1]).toEqual({ seat: 1, agent: `acpc:${port}` });
    expect(record.actions.filter((a) => a.actor === 1 && a.fallback)).toEqual([]);
    // Every answer the client sent was played; the seat itself only adds its showdown 'show'.
    expect(record.actions.filter((a) => a.actor === 1 && a.action !== 'show').length).toBe(result.actions);
  });
});
