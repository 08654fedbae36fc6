import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../auth/principal';
import { MemoryStore } from '../store/memory-store';
import { type Arena, createArena } from './server';
import { until } from './testing/clients';
import { fetchJson, postJson } from './testing/http';

let arena: Arena;
let base: string;
const dataDir = mkdtempSync(join(tmpdir(), 'parley-results-'));
beforeAll(async () => {
  arena = await createArena({ port: 0, host: '127.0.0.1', store: new MemoryStore(), dataDir, principalOf: () => OPERATOR });
  base = `http://127.0.0.1:${arena.port}`;
});
afterAll(async () => {
  await arena?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('tournaments and analyses through the API', () => {
  it('runs a tournament to a stored leaderboard with intervals, exported as JSON and CSV', async () => {
    const spec = {
      name: 'api-kuhn',
      game: 'kuhn',
      seed: 3,
      participants: ['random', 'call', 'equilibrium'],
      format: { type: 'round-robin', rounds: 60 },
      duplicate: true,
      ratings: { bootstrap: 200 },
    };
    const { id } = await postJson(`${base}/api/tournaments`, spec);
    await until(
      async () => (await fetchJson(`${base}/api/tournaments/${id}`)).status !== 'running',
      60_000,
      'the tournament to finish',
    );
    const t = await fetchJson(`${base}/api/tournaments/${id}`);
    expect(t).toMatchObject({ status: 'finished', name: 'api-kuhn' });
    expect(t.ratings.map((r: { agentName: string }) => r.agentName).sort()).toEqual(['call', 'equilibrium', 'random']);
    expect(t.ratings.every((r: { lo: number; hi: number; rating: number }) => r.lo <= r.rating && r.rating <= r.hi)).toBe(true);
    expect(t.report.headToHead ?? t.report).toBeTruthy();
    const board = await fetchJson(`${base}/api/tournaments/${id}/leaderboard`);
    expect(board.rows).toHaveLength(3);
    const csv = await (await fetch(`${base}/api/tournaments/${id}/leaderboard?format=csv`)).text();
    expect(csv.trim().split('\n')).toHaveLength(4);
    expect((await fetchJson(`${base}/api/tournaments`)).tournaments.some((x: { id: string }) => x.id === id)).toBe(true);
    const bad = await postJson(`${base}/api/tournaments`, { game: 'kuhn' });
    expect(bad.code).toBe('tournament/invalid');
  });

  it('measures an agent exploitability exactly and keeps the result', async () => {
    const random = await fetchJson(`${base}/api/agents/random/exploitability?game=kuhn`);
    expect(random.nashConv).toBeCloseTo(11 / 12, 12);
    const equilibrium = await fetchJson(`${base}/api/agents/equilibrium/exploitability?game=leduc`);
    expect(equilibrium.nashConv).toBeLessThan(0.001);
    expect((await fetchJson(`${base}/api/agents/random/exploitability?game=chess`)).code).toBe('query/invalid');
  });

  it('analyses a finished Diplomacy match for cooperation and honesty', async () => {
    const { matchId } = await postJson(`${base}/api/matches`, {
      game: 'diplomacy',
      params: { lastYear: 1903 },
      seed: 4,
      seats: ['heuristic', 'heuristic', 'heuristic', 'random', 'random', 'random', 'random'],
      pressRounds: 1,
    });
    await until(
      async () => (await fetchJson(`${base}/api/matches/${matchId}`)).status === 'finished',
      60_000,
      'the match to finish',
    );
    // A whole Diplomacy record is well over the 16 KB where a streamed reply used to stall.
    expect(JSON.stringify(await fetchJson(`${base}/api/matches/${matchId}`)).length).toBeGreaterThan(16_384);
    const analysis = await fetchJson(`${base}/api/matches/${matchId}/analysis`);
    expect(Object.keys(analysis)).toEqual(expect.arrayContaining(['supports', 'alliances', 'betrayals', 'commitments']));
    expect(await fetchJson(`${base}/api/matches/${matchId}/analysis`)).toEqual(analysis);
  });
});
