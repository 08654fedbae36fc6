import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Generous limits: on a shared, loaded machine a test waits for threads, processes and sockets;
  // a limit is a guard against a hang, never a speed requirement.
  // `isolate: false`: the schemas are pure, so one module graph serves every file.
  test: { include: ['src/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 300_000, isolate: false },
});
