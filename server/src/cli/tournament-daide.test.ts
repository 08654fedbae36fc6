/**
 * `parley tournament run FILE --daide-port N`: DAIDE bots take the `daide` participant's seats in
 * a Diplomacy tournament, the matches played in the CLI's thread beside the DAIDE server.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DaideTestClient } from '../daide/client';
import { run } from './tournament';

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

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
});
