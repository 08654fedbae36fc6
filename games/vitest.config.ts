import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Generous limits: on a shared, loaded machine a test waits for threads, processes and sockets;
  // a limit is a guard against a hang, never a speed requirement.
  // One module graph for all files (`isolate: false`): the engines are pure and keep no state a
  // test could leave behind, and importing them per file (the hand evaluator builds its tables at
  // load) cost more than the tests themselves on a loaded two-core machine.
  test: { include: ['src/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000, isolate: false },
});
