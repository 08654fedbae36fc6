/**
 * Nothing acknowledged is lost: a child process appends events to a PGlite store and reports
 * each acknowledgement; it is killed with SIGKILL mid-stream, and every acknowledged event must
 * be found, in order and without gaps, when the database is opened again. Both with the store on
 * the writer's own thread and on a thread of its own (as the arena opens it).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { openDatabase } from './database';
import { PrismaStore } from './prisma-store';
import { freshPgliteDir } from './testing/support';

const writer = fileURLToPath(new URL('./testing/crash-writer.ts', import.meta.url));

it.each([
  { where: 'on the writer’s thread', mode: 'caller' },
  { where: 'on a thread of its own', mode: 'thread' },
])('keeps every acknowledged event through a SIGKILL, the store $where', async ({ mode }) => {
  const folder = await freshPgliteDir();
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, folder.dir, mode], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acked = -1;
    let buffer = '';
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the writer exited early (${code})`)));
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) if (line.startsWith('ack ')) acked = Math.max(acked, Number(line.slice(4)));
        if (acked >= 500) resolve();
      });
    });
    child.kill('SIGKILL');
    await exited;

    const store = new PrismaStore(await openDatabase({ kind: 'pglite', dir: folder.dir }));
    try {
      const m = await store.getMatch('crash');
      expect(m!.eventCount).toBeGreaterThan(acked);
      expect(m!.events.length).toBe(m!.eventCount);
      m!.events.forEach((e, i) => {
        expect(e.seq).toBe(i);
        expect(e.payload).toEqual({ seq: i });
      });
    } finally {
      await store.close();
    }
  } finally {
    folder.remove();
  }
});
