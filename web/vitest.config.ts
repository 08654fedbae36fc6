import { defineConfig } from 'vitest/config';

// End-to-end tests: Debian's Chromium (playwright-core) against the built app and a real arena.
// One file at a time: they share one arena and one app server, and the machine is small.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // A page on a loaded machine may take seconds to hydrate: polls wait for the page, not for a speed.
    expect: { poll: { timeout: 30_000, interval: 50 } },
    reporters: ['default'],
  },
});
