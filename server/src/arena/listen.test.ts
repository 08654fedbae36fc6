/** An arena that cannot bind its port says so and lets go, rather than waiting forever. */
import { createServer } from 'node:net';
import { expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store';
import { createArena } from './server';

it('rejects with a plain reason when its port is taken', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const address = taken.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    await expect(createArena({ port, host: '127.0.0.1', store: new MemoryStore() })).rejects.toThrow(
      `port ${port} is already in use`,
    );
  } finally {
    await new Promise((resolve) => taken.close(resolve));
  }
  // The failed start released what it began: an arena starts in this process afterwards.
  const arena = await createArena({ port: 0, host: '127.0.0.1', store: new MemoryStore() });
  const health = await fetch(`http://127.0.0.1:${arena.port}/api/health`);
  expect(health.status).toBe(200);
  await arena.close();
});
