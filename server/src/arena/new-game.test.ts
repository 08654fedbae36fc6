/**
 * A game that joins through its descriptor alone (Liar's Dice, which no server file names): two
 * people play it over the room, no frame leaks a die before the call, the stored match exports
 * only the formats the game declares and replays to its hash, a tournament rates bots at it (in
 * payoff units: it declares no chip scale), and the exploitability API measures a bot on its exact
 * tree because the game declares one.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { liarsDice } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { exploitability } from '../analyzer/exploitability';
import { compileTree } from '../analyzer/game-tree';
import type { MatchRecord } from '../runtime/record';
import { replayRecord } from '../runtime/replay';
import { FakeClock } from '../testing/fake-clock';
import { useArena } from './testing/arena';
import { autoPlay, join, until } from './testing/clients';
import { fetchJson, postJson } from './testing/http';
import { assertNoLeaks } from './testing/leaks';

const test = useArena({ clock: new FakeClock(), dataDir: mkdtempSync(joinPath(tmpdir(), 'parley-new-game-')) });
const GAME = liarsDice.descriptor.id;

describe("a new game through every surface: Liar's Dice", () => {
  it('is played by two people over the room, leaks no die, and exports and replays its record', async () => {
    const res = await fetch(`${test.base}/api/matches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ game: GAME, seed: 5, seats: ['human', 'human'] }),
    });
    expect(res.status).toBe(201);
    const { matchId, seats } = (await res.json()) as { matchId: string; seats: { token?: string }[] };
    const players = [await join(test.port, matchId, seats[0]?.token), await join(test.port, matchId, seats[1]?.token)];
    const spectator = await join(test.port, matchId);
    // Each seat raises once with the lowest bid, then calls.
    for (const p of players)
      autoPlay(p, (legal) => [legal.includes('liar') && legal.length < 11 ? 'liar' : (legal[0] as string)]);
    await until(async () => (await fetchJson(`${test.base}/api/matches/${matchId}`)).status !== 'running', 60_000, 'the end');

    const stored = await fetchJson(`${test.base}/api/matches/${matchId}`);
    expect(stored.status).toBe('finished');
    const actions = stored.events
      .filter((e: { kind: string }) => e.kind === 'action')
      .map((e: { payload: unknown }) => e.payload);
    expect(actions.filter((a: { fallback?: unknown }) => a.fallback)).toEqual([]);
    expect(actions.at(-1)).toMatchObject({ action: 'liar' });
    const params = liarsDice.descriptor.defaultParams;
    const checked = [
      assertNoLeaks(GAME, params, actions, players[0]?.frames ?? [], 0),
      assertNoLeaks(GAME, params, actions, players[1]?.frames ?? [], 1),
      assertNoLeaks(GAME, params, actions, spectator.frames, null),
    ];
    expect(checked.every((c) => c > 0)).toBe(true);

    const exported = await fetch(`${test.base}/api/matches/${matchId}/export?format=json`);
    expect(exported.status).toBe(200);
    const record = (await exported.json()) as MatchRecord;
    expect(replayRecord(record)).toMatchObject({ ok: true, hash: record.finalStateHash, returns: stored.returns });
    const phh = await fetchJson(`${test.base}/api/matches/${matchId}/export?format=phh`);
    expect(phh.code).toBe('export/unsupported');
    for (const c of [...players, spectator]) await c.room.leave();
  });

  it('runs a tournament of bots to a stored leaderboard, with no poker scale', async () => {
    const spec = {
      name: 'dice',
      game: GAME,
      seed: 2,
      participants: ['random', 'call'],
      format: { type: 'round-robin', rounds: 20 },
    };
    const { id } = await postJson(`${test.base}/api/tournaments`, spec);
    await until(
      async () => (await fetchJson(`${test.base}/api/tournaments/${id}`)).status !== 'running',
      60_000,
      'the tournament',
    );
    const t = await fetchJson(`${test.base}/api/tournaments/${id}`);
    expect(t).toMatchObject({ status: 'finished', name: 'dice' });
    expect(t.ratings.map((r: { agentName: string }) => r.agentName).sort()).toEqual(['call', 'random']);
    expect(JSON.stringify(t.report)).not.toContain('mbb');
  });

  it('measures a bot exactly, as the analyzer does on the compiled tree', async () => {
    const answer = await fetchJson(`${test.base}/api/agents/random/exploitability?game=${GAME}`);
    // The random bot plays every legal action equally often.
    const tree = compileTree(liarsDice, liarsDice.descriptor.defaultParams);
    const uniform = new Float64Array(tree.infosets.numSlots);
    for (let i = 0; i < tree.infosets.count; i++) {
      const [from, to] = [tree.infosets.actionStart[i] as number, tree.infosets.actionStart[i + 1] as number];
      uniform.fill(1 / (to - from), from, to);
    }
    expect(answer.game).toBe(GAME);
    expect(answer.nashConv).toBeCloseTo(exploitability(tree, uniform).nashConv, 9);
    expect(answer.nashConv).toBeGreaterThan(1);
  });
});
