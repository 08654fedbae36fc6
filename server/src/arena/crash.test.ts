import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAgent } from '@parley/agents';
import { getGame } from '@parley/games';
import { afterAll, describe, expect, it } from 'vitest';
import { runMatch } from '../runtime/match-runner';
import { until } from './testing/clients';
import { fetchJson } from './testing/http';
import { type ServerProcess, startServerProcess } from './testing/process';
import { freePort } from './testing/services';

const dir = mkdtempSync(join(tmpdir(), 'parley-crash-'));
const running: ServerProcess[] = [];
afterAll(async () => {
  for (const s of running) await s.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const api = async (port: number, path: string, init?: RequestInit) => fetchJson(`http://127.0.0.1:${port}${path}`, init);

describe('crash recovery', () => {
  it('resumes a match after SIGKILL and finishes it exactly as an uninterrupted run would', async () => {
    const port = await freePort();
    // A guest may not pick the seed; the finished match reveals it, and the rerun uses that. Call
    // bots never fold, so a Leduc hand is two deals, two checks, the board and two checks: the kill
    // after the first check leaves three paced actions (2.4 s) to play however fast the machine is.
    const settings = { game: 'leduc', seats: ['call', 'call'], paceMs: 800 };
    let server = await startServerProcess(port, { PARLEY_DATA_DIR: dir });
    running.push(server);
    const { matchId } = await api(port, '/api/matches', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(settings),
    });
    await until(async () => (await api(port, `/api/matches/${matchId}`)).eventCount >= 3, 20_000, 'a stored bot action');
    await server.kill('SIGKILL');
    server = await startServerProcess(port, { PARLEY_DATA_DIR: dir });
    running.push(server);
    const restarted = server;
    await until(() => restarted.output().includes('resumed'), 60_000, 'the restarted server to report what it resumed');
    expect(server.output()).toContain(`resumed 1 unfinished match(es): ${matchId}`);
    await until(
      async () => (await api(port, `/api/matches/${matchId}`)).status === 'finished',
      120_000,
      'the resumed match to finish',
    );
    const stored = await api(port, `/api/matches/${matchId}`);
    const actions = stored.events
      .filter((e: { kind: string }) => e.kind === 'action')
      .map((e: { payload: { seq: number; actor: unknown; action: string } }) => e.payload);
    expect(actions.map((a: { seq: number }) => a.seq)).toEqual(actions.map((_: unknown, i: number) => i));

    const game = getGame('leduc');
    const uninterrupted = await runMatch({
      game,
      params: game.descriptor.defaultParams,
      seed: stored.seed,
      agents: settings.seats.map((s) => createAgent(s, 'leduc')),
    });
    expect(actions.map((a: { actor: unknown; action: string }) => [a.actor, a.action])).toEqual(
      uninterrupted.record.actions.map((a) => [a.actor, a.action]),
    );
    expect(stored.finalStateHash).toBe(uninterrupted.record.finalStateHash);
    expect(stored.returns).toEqual(uninterrupted.record.returns);
    await server.kill();
    // Two server starts and a paced match: generous, as a loaded machine needs.
  }, 300_000);
});
