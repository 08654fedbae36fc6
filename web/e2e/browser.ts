/**
 * Debian's Chromium for the end-to-end tests: one browser server per run, started by the global
 * setup; each test file connects to it (`sharedBrowser()` in the harness), so the browser starts
 * once rather than once per file.
 */
import { type BrowserServer, chromium } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function startBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
