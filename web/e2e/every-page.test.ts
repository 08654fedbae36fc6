/**
 * Issue 16 (items 7 and 9): every page of the web app, at 1440×900 and at 390×844, opens with no
 * console error, no page error and no failed request (4xx/5xx or unanswered); a screenshot of
 * each is saved as `page-NAME-WIDTHxHEIGHT.png`. On a phone the lobby, a live Diplomacy board and
 * a poker table fit the width (no horizontal scroll; their main elements inside the viewport).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, artifact, createMatch, inParallel, sharedBrowser, until, waitFinished, watchedPage, webUrl } from './harness';

const browser = sharedBrowser();

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

/** Pages open at once. */
const TABS = 4;

const SLOW_CLOCK = { pressMs: 120_000, ordersMs: 120_000, retreatMs: 60_000, adjustMs: 60_000 };

interface Visit {
  name: string;
  /** The path, with a seat token's fragment for a seat. */
  path: string;
  /** What shows the page has rendered its content (a selector). */
  ready: string;
  /** Elements that must lie inside the viewport's width on a phone (the page must not scroll sideways). */
  fits?: string[];
}

const seatPath = (matchId: string, seat: number, token: string) =>
  `/matches/${matchId}#seat=${seat}&token=${encodeURIComponent(token)}`;

/** Left and right edges of the first element matching `selector`, in CSS pixels. */
const edges = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, width: r.width };
    });

async function visit(v: Visit, viewport: { width: number; height: number }): Promise<string[]> {
  const { page, context, errors } = await watchedPage(browser(), viewport);
  await page.goto(`${webUrl()}${v.path}`);
  await page.locator(v.ready).first().waitFor({ state: 'visible', timeout: 60_000 });
  // Let the page's own requests (data, fonts, the room's socket) finish.
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  const size = `${viewport.width}x${viewport.height}`;
  await page.screenshot({ path: artifact(`page-${v.name}-${size}.png`) });
  const problems = errors.map((e) => `${v.name} at ${size}: ${e}`);
  if (viewport.width < 500) {
    const scrollWidth = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    if (scrollWidth > viewport.width) problems.push(`${v.name} at ${size}: scrolls sideways (${scrollWidth} px wide)`);
    for (const selector of v.fits ?? []) {
      const box = await edges(page, selector);
      if (box.left < -1 || box.right > viewport.width + 1)
        problems.push(`${v.name} at ${size}: ${selector} spans ${box.left.toFixed(0)}–${box.right.toFixed(0)} px`);
    }
  }
  await context.close();
  return problems;
}

describe('every page, desktop and phone', () => {
  it('opens with no console error or failed request, and fits a phone', async () => {
    const human = (n: number) => ['human', ...Array.from({ length: n - 1 }, () => 'random')];
    const diplomacy = await createMatch({ game: 'diplomacy', seed: 41, seats: human(7), clock: SLOW_CLOCK, pressRounds: 1 });
    const poker = await createMatch({
      game: 'nlhe',
      seed: 42,
      params: { players: 2 },
      seats: ['human', 'call'],
      clock: { actionMs: 600_000, bankMs: 0 },
    });
    const finished = await createMatch({ game: 'kuhn', seed: 43, seats: ['random', 'call'] });
    await waitFinished(finished.matchId);
    const dipToken = diplomacy.seats[0]!.token!;
    const pokerToken = poker.seats[0]!.token!;

    const board = 'svg.board-svg';
    const visits: Visit[] = [
      {
        name: 'lobby',
        path: '/',
        ready: 'main h1',
        fits: ['[data-testid=new-match-link]', 'section[aria-labelledby="recent-heading"]'],
      },
      {
        name: 'diplomacy-seat',
        path: seatPath(diplomacy.matchId, 0, dipToken),
        ready: `${board} [data-unit]`,
        fits: [board],
      },
      { name: 'diplomacy-spectator', path: `/matches/${diplomacy.matchId}`, ready: `${board} [data-unit]`, fits: [board] },
      {
        name: 'poker-seat',
        path: seatPath(poker.matchId, 0, pokerToken),
        ready: '.poker-seat.me .card[data-card]',
        fits: ['.poker-table', '[data-testid=poker-controls]'],
      },
      { name: 'poker-spectator', path: `/matches/${poker.matchId}`, ready: '.poker-seat', fits: ['.poker-table'] },
      { name: 'replay', path: `/matches/${finished.matchId}`, ready: '[data-testid=viewer-select], .match-side' },
      { name: 'leaderboard', path: '/leaderboard', ready: '[data-tournament]' },
      { name: 'ladder', path: '/ladder', ready: 'main h1' },
      { name: 'agents', path: '/agents', ready: 'main table' },
      { name: 'agent', path: '/agents/random', ready: 'main h1' },
      { name: 'analysis', path: '/analysis', ready: 'main svg' },
      { name: 'tournament', path: '/tournaments/kuhn-bots', ready: 'table.heat' },
      { name: 'signin', path: '/signin', ready: 'form' },
      { name: 'signup', path: '/signup', ready: 'form' },
      { name: 'bots', path: '/bots', ready: 'main h1' },
    ];

    // Each visit has its own browser context, so several tabs at once see what one would: the
    // pages are independent, and most of a visit is waiting for the page and the arena.
    const all = VIEWPORTS.flatMap((viewport) => visits.map((v) => () => visit(v, viewport)));
    const problems = (await inParallel(all, TABS)).flat();
    expect(problems).toEqual([]);
  }, 600_000);
});

describe('the phase history of a live Diplomacy game', () => {
  it('lists the phases played before the page opened', async () => {
    const { matchId } = await createMatch({
      game: 'diplomacy',
      params: { lastYear: 1910 },
      seed: 44,
      seats: Array.from({ length: 7 }, () => 'random'),
      paceMs: 300,
      pressRounds: 0,
    });
    // Three turns begun before anyone watches.
    const started = await until(
      async () => {
        const { body } = await api<{ turns: { turn: string }[] }>(`/api/matches/${matchId}/turns`);
        return body.turns.length >= 3 && body.turns;
      },
      60_000,
      'three turns',
    );
    const { page, context, errors } = await watchedPage(browser(), VIEWPORTS[0]);
    await page.goto(`${webUrl()}/matches/${matchId}`);
    const options = page.getByTestId('phase-history').locator('option');
    await expect.poll(() => options.count()).toBeGreaterThanOrEqual(started.length);
    expect(await options.nth(1).textContent()).toBe('Spring 1901 movement');
    await page.getByTestId('phase-history').locator('select').selectOption({ index: 1 });
    await expect.poll(() => page.getByTestId('phase-history').textContent()).toContain('Viewing Spring 1901 movement');
    await page.screenshot({ path: artifact('phase-history-before-opening.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
