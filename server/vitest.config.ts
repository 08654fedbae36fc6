import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Folders whose test files close whatever they open (arenas, rooms, databases, thread pools) and
 * change no environment variable or global: their files share one module graph per worker, so
 * Prisma, Colyseus, PGlite and the engines are imported once per worker instead of once per file
 * (the import had cost about as much as the tests themselves). The rest keep a fresh graph per
 * file: the CLI tests mostly run child processes and spy on the console, and the security and
 * agent-match tests set environment variables.
 */
const SHARED = [
  'acpc',
  'agents-registry',
  'analyzer',
  'arena',
  'auth',
  'daide',
  'ratings',
  'rooms',
  'runtime',
  'store',
  'testing',
  'tournament',
].map((folder) => `src/${folder}/**/*.test.ts`);

export default defineConfig({
  test: {
    // Generous limits: on a shared, loaded machine a test waits for threads, processes and sockets;
    // a limit is a guard against a hang, never a speed requirement.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Three workers whatever the core count: most server tests wait on sockets, child processes and
    // databases rather than compute, so on two cores (where Vitest would use one) they overlap well.
    maxWorkers: 3,
    projects: [
      // A spy a failing test left in place must not outlive it in the shared graph.
      { extends: true, test: { name: 'shared', include: SHARED, isolate: false, restoreMocks: true } },
      {
        extends: true,
        test: { name: 'isolated', include: ['src/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SHARED] },
      },
    ],
  },
});
