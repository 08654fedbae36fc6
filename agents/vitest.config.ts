import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Generous limits: on a shared, loaded machine a test waits for threads, processes and sockets;
  // a limit is a guard against a hang, never a speed requirement.
  // One module graph for all files (`isolate: false`): no test changes the agent registry or any
  // global, and importing the agents with the engines per file cost twice the tests' own time on
  // a loaded two-core machine.
  test: { include: ['src/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000, isolate: false },
});
