/**
 * One tournament across two `parley worker` processes and a real redis-server on loopback.
 *
 * It runs wherever `redis-server` is on PATH. In CI (CI set) it must run: a missing
 * redis-server fails the test with instructions instead of skipping it quietly.
 */
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { MatchSummary } from './play';
import { runTournament } from './run';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
const bin = fileURLToPath(new URL('../../../bin/parley.mjs', import.meta.url));
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const child of children.reverse()) await stop(child);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** SIGTERM, then SIGKILL if it lingers; resolves once the process is gone. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** Starts a process and waits until its output (stdout or stderr) contains `ready`. */
function start(command: string, args: string[], ready: string, timeoutMs = 180_000): Promise<ChildProcess> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, REDIS_URL: '' } });
  children.push(child);
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${command} did not start: ${seen}`)), timeoutMs);
    const listen = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(ready)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    child.once('exit', (code) => reject(new Error(`${command} exited with ${code}: ${seen}`)));
  });
}

describe('distributed tournaments (BullMQ on Redis)', () => {
  it('runs one tournament across two worker processes and matches a local run', async () => {
    if (!hasRedis)
      throw new Error(
        'redis-server is not on PATH. CI must install it (Debian/Ubuntu: apt-get install -y redis-server) for this test.',
      );
    const dir = mkdtempSync(join(tmpdir(), 'parley-redis-'));
    dirs.push(dir);
    const port = await freePort();
    await start(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      'Ready to accept connections',
    );
    const url = `redis://127.0.0.1:${port}`;
    const queue = `test-${port}`;
    const workers = await Promise.all(
      [0, 1].map(() =>
        start(process.execPath, [bin, 'worker', '--redis', url, '--queue', queue, '--threads', '0'], 'ready on queue'),
      ),
    );

    const spec = {
      name: 'distributed',
      game: 'leduc',
      seed: 9,
      participants: ['random', 'call', 'equilibrium'],
      format: { type: 'round-robin', rounds: 40 },
      duplicate: true,
      ratings: { bootstrap: 200 },
    };
    const file = join(dir, 'spec.json');
    writeFileSync(file, JSON.stringify(spec));
    const out = join(dir, 'out');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [bin, 'tournament', 'run', file, '--redis', url, '--queue', queue, '--chunk', '4', '--out', out, '--json'],
      { encoding: 'utf8', env: { ...process.env, REDIS_URL: '' } },
    );
    const board = JSON.parse(stdout);
    expect(board).toMatchObject({ name: 'distributed', complete: true, matches: 240 });

    const remote = readFileSync(join(out, 'results.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as MatchSummary);
    expect(remote).toHaveLength(240);
    // Both workers took a share.
    const players = new Set(remote.map((r) => r.worker));
    expect(players.size).toBe(2);
    for (const w of workers) expect([...players].some((p) => p?.endsWith(`:${w.pid}`))).toBe(true);
    // The same matches as in one process, to the last chip, and the same leaderboard.
    const local = await runTournament(spec, { out: join(dir, 'local'), workers: 0, progress: false });
    expect(new Map(remote.map((r) => [r.id, r.returns]))).toEqual(new Map(local.results.map((r) => [r.id, r.returns])));
    expect(board.rows).toEqual(local.leaderboard.rows);

    // Workers stop cleanly on SIGTERM.
    for (const w of workers) {
      await stop(w);
      expect(w.exitCode).toBe(0);
    }
  });
});
