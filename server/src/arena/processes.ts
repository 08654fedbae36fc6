/**
 * `parley start --processes N`: the arena as N processes on one machine, each an ordinary arena
 * (its own event loop, so its own core) on ports PORT, PORT+1, …, sharing rooms through
 * Colyseus's Redis presence and driver and records through one PostgreSQL database. A room lives
 * in one process; the matchmaker of whichever process a client asks reserves the seat in the
 * process hosting the room, and the client connects there (its public address). The first
 * process also serves the web front end, the demo and resumes interrupted matches; the others
 * are its children and stop with it. Across machines, run one `parley start` per machine (or
 * per core) with the same REDIS_URL and DATABASE_URL and each one's PARLEY_PUBLIC_ADDRESS.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { databaseLocation } from '../store/location';

const bin = fileURLToPath(new URL('../../../bin/parley.mjs', import.meta.url));

/** Set in the children, so each knows it is not the first process. */
export const CHILD_ENV = 'PARLEY_PROCESS_INDEX';

export type ProcessPlan = { ok: true; count: number } | { ok: false; message: string };

/**
 * How many processes to run: as asked, or one per core when the processes can share rooms and
 * records (REDIS_URL and a PostgreSQL DATABASE_URL), else one. The embedded database belongs to
 * a single process, so several need PostgreSQL.
 */
export function planProcesses(asked: string | undefined, env: Record<string, string | undefined>): ProcessPlan {
  const shareable = Boolean(env.REDIS_URL) && databaseLocation(env).kind === 'postgres';
  if (env[CHILD_ENV] !== undefined) return { ok: true, count: 1 };
  if (asked === undefined) return { ok: true, count: shareable ? availableParallelism() : 1 };
  const count = Number(asked);
  if (!Number.isInteger(count) || count < 1 || count > 256)
    return { ok: false, message: `--processes must be a whole number from 1 to 256, not '${asked}'` };
  if (count > 1 && !shareable)
    return {
      ok: false,
      message:
        '--processes above 1 needs REDIS_URL (rooms shared through Redis) and a postgres:// DATABASE_URL (the embedded database belongs to one process)',
    };
  return { ok: true, count };
}

/** The address clients reach process `index` at: PARLEY_PUBLIC_ADDRESS's host (default 127.0.0.1) and its port. */
export function publicAddress(env: Record<string, string | undefined>, port: number): string {
  const host = env.PARLEY_PUBLIC_ADDRESS?.replace(/:\d+$/, '') || '127.0.0.1';
  return `${host}:${port}`;
}

/** Starts processes 1…count-1 on the ports after `port`; resolves once each arena listens. Returns the stop. */
export async function startChildren(count: number, port: number, log: (line: string) => void): Promise<() => Promise<void>> {
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    await Promise.all(
      Array.from({ length: count - 1 }, (_, i) => {
        const childPort = port + i + 1;
        const child = fork(bin, ['start', '--port', String(childPort), '--no-web', '--no-demo'], {
          // The DAIDE and ACPC listeners stay with the first process (their ports are single).
          env: {
            ...process.env,
            [CHILD_ENV]: String(i + 1),
            PARLEY_PUBLIC_ADDRESS: publicAddress(process.env, childPort),
            DAIDE_PORT: '',
            PARLEY_ACPC_PORTS: '',
          },
          stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        });
        children.push(child);
        return new Promise<void>((resolve, reject) => {
          child.once('message', () => resolve());
          child.once('exit', (code) =>
            reject(new Error(`arena process ${i + 1} (port ${childPort}) exited (${code}) before listening`)),
          );
        });
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  log(`  ${count} arena processes on ports ${port}–${port + count - 1}, sharing rooms through Redis`);
  return stop;
}

/** In a child: tells the first process this arena listens, and stops when the first process is gone. */
export function serveAsChild(stop: () => void): void {
  process.send?.({ type: 'listening' });
  process.once('disconnect', stop);
}
