import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Component and geometry tests: React in a simulated DOM, no servers.
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'components/**/*.test.tsx'],
          environment: 'happy-dom',
        },
      },
      {
        // End-to-end tests: Debian's Chromium (playwright-core) against the built app and a real arena.
        // One file at a time: they share one arena and one app server, and the machine is small.
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          setupFiles: ['e2e/isolate.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // A page on a loaded machine may take seconds to hydrate: polls wait for the page, not for a speed.
          // Each poll is a round trip through four processes (test, browser server, Chromium, the
          // page), so it polls every 100 ms rather than every 50: half the cost for a wait that
          // ends at most 50 ms later.
          expect: { poll: { timeout: 30_000, interval: 100 } },
        },
      },
    ],
    reporters: ['default'],
  },
});
