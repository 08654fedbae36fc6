/**
 * Helpers for the end-to-end tests: Debian's Chromium through playwright-core, the arena's HTTP
 * API, and waiting for matches.
 */
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject, onTestFinished } from 'vitest';

export const webUrl = () => inject('webUrl');
export const arenaUrl = () => inject('arenaUrl');
export const artifact = (name: string) => join(inject('artifacts'), name);

/**
 * The run's browser for a test file: connected before its tests, disconnected after (which closes
 * the contexts the file opened); call the getter inside a test.
 */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.connect(inject('browserEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not connected (called outside a test?)');
    return browser;
  };
}

export async function newPage(
  browser: Browser,
  viewport = { width: 1400, height: 1000 },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport });
  // A page left open after its test keeps rendering its live match and refreshing its lists, on
  // the cores the next tests need: it closes when the test that opened it ends.
  onTestFinished(() => context.close().catch(() => undefined));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  return { context, page, errors };
}

/**
 * A page whose console errors, page errors and failed requests (4xx/5xx, or not answered) are
 * all collected in `errors`.
 */
export async function watchedPage(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const opened = await newPage(browser, viewport);
  const { page, errors } = opened;
  page.on('requestfailed', (r) => {
    // A navigation or prefetch the page itself cancels is no failure.
    if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? '')) errors.push(`${r.url()}: ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return opened;
}

export async function api<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  // Tests call the arena as its operator (they choose seeds and seat the stub LLM).
  const headers = new Headers(init?.headers);
  if (!headers.has('authorization')) headers.set('authorization', `Bearer ${inject('operatorToken')}`);
  const res = await fetch(`${arenaUrl()}${path}`, { ...init, headers, signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as T };
}

export interface Created {
  matchId: string;
  seats: { seat: number; token?: string }[];
}

export async function createMatch(body: unknown): Promise<Created> {
  const res = await api<Created & { message?: string }>('/api/matches', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`create failed (${res.status}): ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function until<T>(check: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Runs the tasks with at most `width` of them in flight at once; the results keep the tasks'
 * order, whatever order they finish in.
 */
export async function inParallel<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < tasks.length; i = next++) results[i] = await tasks[i]!();
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, lane));
  return results;
}

export interface StoredMatch {
  id: string;
  status: string;
  returns: number[] | null;
  events: { kind: string; payload: { actor?: number | 'chance'; action?: string } }[];
  modelCalls: { actionSeq: number; seat: number; reply: string | null }[];
}

export async function waitFinished(matchId: string, timeoutMs = 60_000): Promise<StoredMatch> {
  return until(
    async () => {
      const { body } = await api<StoredMatch>(`/api/matches/${matchId}`);
      return body.status === 'running' ? null : body;
    },
    timeoutMs,
    `match ${matchId} to finish`,
  );
}

/**
 * Creates a No-Limit Hold'em match from the lobby's form, with the form's parameters unless
 * `params` (JSON) replaces them, and waits for the match page; returns the match id.
 */
export async function createPokerFromLobby(page: Page, seats: string[], params?: string): Promise<string> {
  await page.goto(webUrl());
  const form = page.getByRole('form', { name: 'Create a match' });
  await form.locator('select[name=game]').selectOption('nlhe');
  for (const [i, seat] of seats.entries()) await form.locator(`input[name=seat-${i}]`).fill(seat);
  if (params !== undefined) {
    // The JSON box is the advanced part of the form, folded away behind the game's own fields.
    await form.getByText('Advanced: parameters as JSON').click();
    await form.locator('textarea[name=params]').fill(params);
  }
  await form.getByRole('button', { name: 'Create match' }).click();
  await page.waitForURL(/\/matches\/[0-9a-f-]+/);
  return new URL(page.url()).pathname.split('/').pop()!;
}

/**
 * Stops every match still running (as the operator): a test file leaves no match behind to count
 * against the next file's quotas. The browser's matches are a guest's, and a guest may have only
 * a couple running at once.
 */
export async function stopRunningMatches(): Promise<void> {
  const { body } = await api<{ matches: { id: string }[] }>('/api/matches?status=running&pageSize=200');
  for (const { id } of body.matches) {
    const res = await api<{ code?: string }>(`/api/matches/${id}`, { method: 'DELETE' });
    // It may have ended between the list and the stop.
    if (res.status !== 200 && res.status !== 409) throw new Error(`stopping ${id} failed (${res.status})`);
  }
}
