/**
 * A throwaway PostgreSQL server for tests: `initdb` in a temp folder, `pg_ctl start` on a free
 * loopback port, trust authentication, and `stop()` that shuts it down and deletes the folder.
 * The binaries are found on PATH or under /usr/lib/postgresql/<version>/bin (Debian's
 * `postgresql` package). PostgreSQL refuses to run as root, so as root the server runs as the
 * `postgres` user (which the package creates) through `runuser`.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder holding pg_ctl and initdb, or null when PostgreSQL is not installed. */
export function postgresBinaries(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':'))
    if (dir && existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'initdb'))) return dir;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'pg_ctl'))) return join(root, v, 'bin');
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface TestPostgres {
  url: string;
  /** Runs SQL through psql as the superuser; returns its output (unaligned, tuples only). */
  psql(sql: string, database?: string): string;
  stop(): void;
}

export async function startPostgres(bin: string): Promise<TestPostgres> {
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? 'postgres' : (process.env.USER ?? 'postgres');
  const run = (cmd: string, args: string[], input?: string) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8', input, stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { encoding: 'utf8', input, stdio: 'pipe' });
  const root = mkdtempSync(join(tmpdir(), 'parley-pg-'));
  const data = join(root, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(root, uid, gid);
  }
  const port = await freePort();
  run('initdb', ['-D', data, '-U', user, '--auth=trust', '--encoding=UTF8', '--no-sync']);
  run('pg_ctl', [
    '-D',
    data,
    '-w',
    '-l',
    join(root, 'log'),
    '-o',
    `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  const psqlBin = existsSync(join(bin, 'psql')) ? join(bin, 'psql') : 'psql';
  return {
    url: `postgresql://${user}@127.0.0.1:${port}/postgres`,
    psql: (sql, database = 'postgres') =>
      execFileSync(
        psqlBin,
        ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, '-v', 'ON_ERROR_STOP=1', '-At', '-f', '-'],
        {
          encoding: 'utf8',
          input: sql,
          stdio: 'pipe',
        },
      ),
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
