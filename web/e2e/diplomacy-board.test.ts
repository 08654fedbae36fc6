/**
 * The standard board in Chromium, on a desktop (1440×900) and a phone (390×844): the whole board
 * is in view on first load with nothing scrolled by the test (on the phone it fills the width),
 * the wheel and the buttons zoom it, when a phase resolves the units that moved glide in, and the
 * phase history shows the phase before.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { artifact, createMatch, newPage, sharedBrowser, webUrl } from './harness';

const browser = sharedBrowser();

afterAll(() => {
  expect(errors.flat()).toEqual([]);
});

const CLOCK = { pressMs: 120_000, ordersMs: 120_000, retreatMs: 60_000, adjustMs: 60_000 };

/** The console and page errors of every page opened here (the harness collects them): none is expected. */
const errors: string[][] = [];

async function openAsAustria(viewport: { width: number; height: number }): Promise<Page> {
  const { matchId, seats } = await createMatch({
    game: 'diplomacy',
    seed: 33,
    seats: ['human', 'random', 'random', 'random', 'random', 'random', 'random'],
    clock: CLOCK,
    pressRounds: 1,
  });
  const { page, errors: pageErrors } = await newPage(browser(), viewport);
  errors.push(pageErrors);
  await page.goto(`${webUrl()}/matches/${matchId}#seat=0&token=${encodeURIComponent(seats[0]!.token!)}`);
  await expect.poll(() => page.getByTestId('phase-name').textContent()).toBe('Spring 1901 movement');
  await expect.poll(() => page.locator('svg.board-svg [data-unit]').count()).toBe(22);
  return page;
}

/**
 * Opens the page, saves its first screen as an artifact, and checks that the whole board lies in
 * the viewport, at least `minWidth` pixels wide. Returns the board's box.
 */
async function expectWholeBoard(viewport: { width: number; height: number }, minWidth: number, shot: string) {
  const page = await openAsAustria(viewport);
  await page.screenshot({ path: artifact(shot) });
  const box = await page.locator('svg.board-svg').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, left: r.left, bottom: r.bottom, right: r.right, width: r.width };
  });
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.bottom).toBeLessThanOrEqual(viewport.height);
  expect(box.right).toBeLessThanOrEqual(viewport.width);
  expect(box.width).toBeGreaterThan(minWidth);
  return { page, box };
}

describe('the Diplomacy board', () => {
  it('shows the whole board on first load at 1440×900, and zooms by wheel and buttons', async () => {
    const { page, box } = await expectWholeBoard({ width: 1440, height: 900 }, 800, 'board-desktop-1440x900.png');

    const zoom = page.getByTestId('board-zoom');
    await page.mouse.move((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => Number.parseInt((await zoom.textContent()) ?? '', 10)).toBeGreaterThan(100);
    await page.screenshot({ path: artifact('board-desktop-zoomed.png') });
    await page.getByRole('button', { name: 'Show the whole board' }).click();
    await expect.poll(() => zoom.textContent()).toBe('100%');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => zoom.textContent()).toBe('150%');
    await page.context().close();
  });

  it('fills the width of a 390×844 phone with the whole board on first load', async () => {
    const { page } = await expectWholeBoard({ width: 390, height: 844 }, 390 * 0.9, 'board-phone-390x844.png');
    await page.context().close();
  });

  it('glides the units that moved when the phase resolves', async () => {
    const page = await openAsAustria({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Done negotiating' }).click();
    await expect.poll(() => page.getByText('Negotiation period').count(), { timeout: 60_000 }).toBe(0);
    // A VIE - GAL supported by A BUD: no lone army can stop it. Each step waits for the page to
    // take the one before (a key pressed before the selection shows would go to no unit).
    const selection = page.getByTestId('selection');
    const drafts = page.getByTestId('draft-orders');
    await page.locator('[data-unit="vie"]').click();
    await page.locator('[data-target="gal"]').click();
    await expect.poll(() => drafts.textContent()).toContain('A VIE - GAL');
    await page.locator('[data-unit="bud"]').click();
    await expect.poll(() => selection.textContent()).toContain('Budapest');
    await page.keyboard.press('s');
    await expect
      .poll(() => selection.getByRole('button', { name: 'Support s', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');
    await page.locator('[data-unit="vie"]').click();
    await expect.poll(() => selection.textContent()).toContain('with the unit in Vienna');
    await page.locator('[data-target="gal"]').click();
    await expect.poll(() => drafts.textContent()).toContain('A BUD S A VIE - GAL');
    await page.getByTestId('submit-orders').click();
    await expect.poll(() => page.getByTestId('phase-name').textContent(), { timeout: 60_000 }).not.toBe('Spring 1901 movement');
    // The motions come with the resolved phase's orders, which may reach the page after its name.
    await expect.poll(() => page.locator('[data-unit="gal"] .unit-glide').count()).toBe(1);
    await page.screenshot({ path: artifact('board-after-spring.png') });

    // The phase history shows spring's opening position with its orders, then the live phase again.
    const history = page.getByTestId('phase-history').locator('select');
    await history.selectOption({ label: 'Spring 1901 movement' });
    await expect.poll(() => page.locator('[data-unit="vie"]').count()).toBe(1);
    expect(await page.locator('[data-unit="gal"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Back to now' }).click();
    await expect.poll(() => page.locator('[data-unit="gal"]').count()).toBe(1);
    await page.context().close();
  });
});
