/**
 * Duplicate poker rests on one property of the runtime: chance is sampled from a stream derived
 * only from the match seed, never from the agents, so replaying a seed with the seats permuted
 * deals the same cards to the same seat positions. These tests check it on real records.
 */
import { callBot, randomBot } from '@parley/agents';
import { findGame } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { runMatch } from '../runtime/match-runner';
import type { MatchRecord } from '../runtime/record';
import { runTournament } from './run';
import { resolveSpec } from './spec';

const chance = (r: MatchRecord) => r.actions.filter((a) => a.actor === 'chance').map((a) => a.action);
/** Poker games and the parameters to test: heads-up, and six-handed where the game seats six. */
const cases = ['kuhn', 'leduc', 'nlhe'].flatMap((id) => {
  const game = findGame(id);
  if (!game) return [];
  const tables = id === 'nlhe' ? [{ players: 2 }, { players: 6 }] : [{}];
  return tables.map((raw) => {
    const parsed = game.descriptor.parseParams(raw);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return [`${id} ${JSON.stringify(raw)}`, game, parsed.params] as const;
  });
});

describe('duplicate poker', () => {
  it.each(cases)('%s deals the same cards to the same seats whoever sits there', async (_, game, params) => {
    const k = game.descriptor.numPlayers(params);
    // One random player among call stations, moved one seat round the table.
    const seating = (at: number) => Array.from({ length: k }, (__, s) => (s === at ? randomBot() : callBot()));
    let full = 0;
    for (let seed = 0; seed < 200; seed++) {
      // The betting differs, but every card dealt in both matches is the same card at the same
      // seat (one hand may end before a later street is dealt).
      const x = chance((await runMatch({ game, params, seed, agents: seating(0) })).record);
      const y = chance((await runMatch({ game, params, seed, agents: seating(1) })).record);
      const n = Math.min(x.length, y.length);
      expect(n).toBeGreaterThan(0);
      expect(y.slice(0, n)).toEqual(x.slice(0, n));
      if (x.length === y.length) full++;
    }
    expect(full).toBeGreaterThan(50); // many deals are compared in full, later streets included
  });

  it.each([
    ['kuhn', 400, {}],
    ['leduc', 300, {}],
    ...(findGame('nlhe') ? [['nlhe', 200, { players: 2 }] as const] : []),
  ] as const)(
    'cancels the luck of the deal in %s: two call stations come out exactly even per duplicate pair',
    async (game, rounds, params) => {
      // Two identical deterministic players: whatever seat 0 wins on a deal, the same player in
      // seat 1 loses on the replay, so every duplicate pair sums to zero while single hands swing.
      const spec = resolveSpec({
        name: `dup-${game}`,
        game,
        params,
        participants: [
          { name: 'a', agent: 'call' },
          { name: 'b', agent: 'call' },
        ],
        format: { type: 'round-robin', rounds },
        duplicate: true,
        ratings: { bootstrap: 0 },
      });
      const { results, leaderboard } = await runTournament(spec, { store: memoryStore(), workers: 0, progress: false });
      expect(results).toHaveLength(2 * rounds);
      const groups = new Map<string, number>();
      for (const r of results) groups.set(r.group!, (groups.get(r.group!) ?? 0) + r.returns![r.seats.indexOf('a')]!);
      expect(groups.size).toBe(rounds);
      for (const total of groups.values()) expect(total).toBe(0);
      const a = leaderboard.rows.find((r) => r.name === 'a')!;
      // Two identical strategies: no spread to measure, so no [0, 0] interval but a plain statement.
      expect(a.mbb?.duplicate).toEqual({ mean: 0, lo: null, hi: null, n: rounds, units: rounds, identical: true });
      // Single matches swing with the cards; the raw figure is taken over duplicate pairs too.
      expect(new Set(results.map((r) => r.returns![r.seats.indexOf('a')])).size).toBeGreaterThan(1);
      expect(a.mbb?.raw).toMatchObject({ mean: 0, lo: null, hi: null, n: 2 * rounds, units: rounds, identical: true });
    },
  );
});

/** A store that keeps everything in memory (the interface, exercised without a directory). */
function memoryStore() {
  const results: import('./play').MatchSummary[] = [];
  let manifest: import('./store').TournamentManifest | null = null;
  return {
    location: 'memory',
    readManifest: async () => manifest,
    writeManifest: async (m: import('./store').TournamentManifest) => {
      manifest = m;
    },
    readResults: async () => [...results],
    appendResult: (r: import('./play').MatchSummary) => {
      results.push(r);
    },
    flush: async () => undefined,
    writeOutputs: async () => undefined,
    readOutput: async () => null,
    close: async () => undefined,
  };
}
