/**
 * Tournaments with seats played over the network, run from the CLI with worker threads asked
 * for: DAIDE bots take the `daide` participant's seats (`--daide-port`), and ACPC clients an
 * `acpc:PORT` participant's, the matches played in the CLI's thread beside the listeners.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { freePort, HUNL_CLIENT, playWhenListening } from '../acpc/testing';
import { DaideTestClient } from '../daide/client';
import { run } from './tournament';

/** Connects once the tournament's DAIDE server listens (each refusal is retried at the next turn of the event loop). */
async function joined(port: number, seed: number): Promise<DaideTestClient> {
  for (;;) {
    const client = new DaideTestClient({ port, name: `Bot${seed}`, version: '1', seed });
    try {
      await client.connect();
      return client;
    } catch {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

describe('parley tournament with DAIDE seats', () => {
  it('seats DAIDE bots for the daide participant and rates it beside the built-in bots', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-daide-tournament-'));
    const file = join(dir, 'daide.yaml');
    writeFileSync(
      file,
      [
        'name: daide-vs-heuristic',
        'game: diplomacy',
        'params: { lastYear: 1901 }',
        'seed: 3',
        'participants:',
        '  - { name: dumbbot, agent: daide }',
        '  - heuristic',
        'format: { type: round-robin, rounds: 1 }',
        'deadlineMs: 60000',
      ].join('\n'),
    );
    const port = await freePort();
    const stdout = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const finished = run([
        'run',
        file,
        '--json',
        '--quiet',
        '--out',
        join(dir, 'out'),
        '--workers',
        '2',
        '--daide-port',
        String(port),
      ]);
      // Two matches, the field of two filling the seven powers in turn: 4 + 3 DAIDE seats.
      const clients = await Promise.all(Array.from({ length: 7 }, (_, i) => joined(port, i + 1)));
      expect(await finished).toBe(0);
      await Promise.all(clients.map((c) => c.done));
      const board = JSON.parse(String(stdout.mock.calls.at(-1)?.[0]));
      expect(board).toMatchObject({ game: 'diplomacy', complete: true, matches: 2 });
      expect(board.rows.map((r: { name: string }) => r.name).sort()).toEqual(['dumbbot', 'heuristic']);
      for (const c of clients) {
        expect(c.power).not.toBeNull();
        expect(c.transcript.at(-1)).toBe('OFF');
      }
      expect(String(stderr.mock.calls.map((c) => c[0]).join(''))).toContain("'dumbbot' is a network seat (daide)");
      const results = readFileSync(join(dir, 'out', 'results.jsonl'), 'utf8')
        .trim()
        .split('\n');
      // Every DAIDE seat answered for itself: no order was the runtime's default.
      for (const line of results) expect(JSON.parse(line)).toMatchObject({ fallbacks: [0, 0, 0, 0, 0, 0, 0] });
      expect(results.map((l) => JSON.parse(l).error)).toEqual([undefined, undefined]);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  }, 120_000);

  it('seats an ACPC client for an acpc:PORT participant, match after match on its port', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-acpc-tournament-'));
    const file = join(dir, 'acpc.yaml');
    const port = await freePort();
    writeFileSync(
      file,
      [
        'name: acpc-vs-call',
        'game: nlhe',
        'params: { players: 2, startingStack: 20000, blinds: [50, 100], format: cash, hands: 6, resetStacks: true }',
        'seed: 4',
        'participants:',
        `  - { name: acpc-bot, agent: 'acpc:${port}' }`,
        '  - call',
        'format: { type: round-robin, rounds: 1 }',
        'deadlineMs: 20000',
      ].join('\n'),
    );
    const stdout = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const finished = run(['run', file, '--json', '--quiet', '--out', join(dir, 'out'), '--workers', '2']);
      // One connection per match: the client comes back for the second seating.
      const first = await playWhenListening(port, HUNL_CLIENT);
      const second = await playWhenListening(port, HUNL_CLIENT);
      expect(await finished).toBe(0);
      expect([first.hands, second.hands]).toEqual([6, 6]);
      const board = JSON.parse(String(stdout.mock.calls.at(-1)?.[0]));
      expect(board).toMatchObject({ game: 'nlhe', complete: true, matches: 2 });
      const results = readFileSync(join(dir, 'out', 'results.jsonl'), 'utf8')
        .trim()
        .split('\n');
      for (const line of results) expect(JSON.parse(line)).toMatchObject({ fallbacks: [0, 0] });
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
      consoleError.mockRestore();
    }
  }, 120_000);
});
