import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { useArena } from './testing/arena';
import { fetchJson, postJson } from './testing/http';

const bot = fileURLToPath(new URL('../../../examples/ws-bot/bot.ts', import.meta.url));
/** The bot's process may take a while to start on a loaded machine: its clock waits for it. */
const test = useArena({ clock: new FakeClock() });

describe('the WebSocket example bot', () => {
  it.each([
    ['leduc', {}, ['human', 'random']],
    ['nlhe', { players: 3 }, ['human', 'call', 'tag']],
    ['diplomacy', { lastYear: 1901 }, ['random', 'random', 'human', 'random', 'random', 'random', 'random']],
  ])(
    'plays a %s seat from its own process to the end, with no fallback',
    async (game, params, seats) => {
      const created = await postJson(`${test.base}/api/matches`, {
        game,
        params,
        seed: 5,
        seats,
        clock: { ordersMs: 10_000, pressMs: 0 },
      });
      const seat = seats.indexOf('human');
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', bot, test.base, created.matchId, created.seats[seat].token],
        { timeout: 170_000 },
      );
      expect(stdout).toContain(`playing seat ${seat}`);
      expect(stdout).toContain('finished:');
      const stored = await fetchJson(`${test.base}/api/matches/${created.matchId}`);
      const mine = stored.events.filter(
        (e: { kind: string; payload: { actor: unknown } }) => e.kind === 'action' && e.payload.actor === seat,
      );
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.filter((e: { payload: { fallback?: string } }) => e.payload.fallback)).toEqual([]);
    },
    180_000,
  );
});
