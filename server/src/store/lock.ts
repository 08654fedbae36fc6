/**
 * A lock file for the PGlite data directory, which has no lock of its own: two PGlite instances
 * (two servers, or a server and the Prisma CLI) writing one directory corrupt it. The file holds
 * the owner's pid; a lock whose process has died is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { StoreError } from './checks';

/** Takes `path` as a lock file holding our pid; returns the release. Throws `store/locked` if a live process holds it. */
export function lockDirectory(path: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let held = true;
      return () => {
        if (held) rmSync(path, { force: true });
        held = false;
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const text = readFileSync(path, 'utf8');
      const holder = Number(text);
      // An empty file is a lock being taken right now (its pid not yet written).
      if (text === '' || isAlive(holder))
        throw new StoreError('store/locked', `the database is in use by process ${holder} (lock file ${path})`);
      rmSync(path, { force: true }); // left by a process that died
    }
  }
  throw new StoreError('store/locked', `could not take the lock file ${path}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
