/** An arena on a free loopback port with an in-memory store, for one test file. */
import { afterAll, beforeAll } from 'vitest';
import { OPERATOR } from '../../auth/principal';
import { MemoryStore } from '../../store/memory-store';
import { type Arena, type ArenaOptions, createArena } from '../server';

export interface TestArena {
  readonly arena: Arena;
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly base: string;
}

export function useArena(options: Partial<ArenaOptions> = {}): TestArena {
  let arena: Arena | undefined;
  beforeAll(async () => {
    // Tests act as the operator unless they pass another principal (the security suite does).
    arena = await createArena({ port: 0, host: '127.0.0.1', store: new MemoryStore(), principalOf: () => OPERATOR, ...options });
  });
  afterAll(async () => {
    await arena?.close();
  });
  const live = () => {
    if (!arena) throw new Error('the test arena is not started');
    return arena;
  };
  return {
    get arena() {
      return live();
    },
    get port() {
      return live().port;
    },
    get base() {
      return `http://127.0.0.1:${live().port}`;
    },
  };
}
