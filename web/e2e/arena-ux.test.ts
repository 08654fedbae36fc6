/**
 * Issue 16 (items 1, 4, 5, 6): a person's proposal answered by the heuristic bot in the browser;
 * the lobby's compact featured Diplomacy summary, at desktop and phone sizes; the ladder and
 * analysis pages saying what to do when empty. Every page fails the test on a console error or a
 * failed request.
 */
import { describe, expect, it } from 'vitest';
import { artifact, createMatch, sharedBrowser, watchedPage, webUrl } from './harness';

const browser = sharedBrowser();

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

describe('an arena worth watching', () => {
  it('the heuristic bot answers a person’s proposal in the press panel, and the panel says random bots never talk', async () => {
    // Austria is the heuristic bot, Italy the person, everyone else a random bot.
    const lineup = Array.from({ length: 7 }, (_, seat) => (seat === 0 ? 'heuristic' : seat === 4 ? 'human' : 'random'));
    const slow = { pressMs: 120_000, ordersMs: 120_000, retreatMs: 60_000, adjustMs: 60_000 };
    const { matchId, seats } = await createMatch({
      game: 'diplomacy',
      params: { lastYear: 1901 },
      seed: 16,
      seats: lineup,
      clock: slow,
      pressRounds: 1,
    });
    const token = seats.find((s) => s.seat === 4)?.token;
    expect(token).toBeTruthy();
    const { page, errors } = await watchedPage(browser(), DESKTOP);
    await page.goto(`${webUrl()}/matches/${matchId}#seat=4&token=${encodeURIComponent(token!)}`);
    await expect.poll(() => page.getByTestId('role').textContent()).toContain('You play Italy');
    await expect
      .poll(() => page.getByTestId('press-note').textContent())
      .toContain('random bots, who never write or answer press');

    const press = page.getByRole('form', { name: 'Send press' });
    await press.getByLabel('Austria').check();
    await press.getByTestId('press-promise').selectOption('no-attack');
    await press.locator('textarea').fill('Peace between us this spring?');
    await press.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.locator('.press-thread').textContent()).toContain('promise: no attack on Austria');
    await press.getByRole('button', { name: 'Done negotiating' }).click();
    await expect
      .poll(() => page.locator('.press-thread').textContent(), { timeout: 60_000 })
      .toContain('On your proposal, Italy: Agreed: Austria will not attack Italy this turn');
    await page.screenshot({ path: artifact('bot-answers-desktop.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('features a live Diplomacy game as a compact summary, and the lobby fits a phone', async () => {
    await createMatch({
      game: 'diplomacy',
      // One year, so it leaves the shared arena quiet for the next test files.
      params: { lastYear: 1901 },
      seed: 17,
      seats: ['heuristic', 'random', 'heuristic', 'random', 'heuristic', 'random', 'random'],
      paceMs: 4000,
      pressRounds: 2,
    });
    for (const [name, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const { page, errors } = await watchedPage(browser(), viewport);
      await page.goto(`${webUrl()}/`);
      const summary = page.getByTestId('diplomacy-summary');
      await expect.poll(() => summary.locator('.centre-bars li').count()).toBe(7);
      expect(await page.getByTestId('featured-match').locator('svg.board, [data-unit]').count()).toBe(0);
      expect(await summary.getByTestId('centre-chart').count()).toBe(1);
      // The featured panel is a preview: the match lists start within the first screen on a desktop.
      const featured = await page.getByTestId('featured-match').boundingBox();
      expect(featured!.height).toBeLessThan(viewport.height);
      // A person's seat in the lists reads as a person.
      expect(await page.locator('#live-heading ~ * td', { hasText: /^seat \d+$/ }).count()).toBe(0);
      // "New match" is reachable from the top, and nothing runs off the side.
      const link = page.getByTestId('new-match-link');
      expect((await link.boundingBox())!.y).toBeLessThan(200);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await link.click();
      await expect
        .poll(() => page.evaluate(() => document.getElementById('create-heading')!.getBoundingClientRect().top))
        .toBeLessThan(viewport.height);
      await page.screenshot({ path: artifact(`lobby-featured-${name}.png`), fullPage: false });
      expect(errors).toEqual([]);
    }
  });

  it('the ladder and analysis pages say what to do when there is nothing yet', async () => {
    for (const [name, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const { page, errors } = await watchedPage(browser(), viewport);
      await page.goto(`${webUrl()}/ladder?game=leduc&kind=person&pool=vs-people`);
      await expect.poll(() => page.locator('.note-box').first().textContent()).toContain('“rated” ticked');
      await expect.poll(() => page.locator('#exhibition-heading').textContent()).toContain("demo's exhibition results");
      expect(await page.locator('section[aria-labelledby="exhibition-heading"]').textContent()).toMatch(
        /No demo match has finished yet|not rated/,
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: artifact(`ladder-empty-${name}.png`), fullPage: true });
      await page.goto(`${webUrl()}/analysis`);
      await expect.poll(() => page.locator('#per-model').count()).toBe(1);
      expect(errors).toEqual([]);
    }
  });
});
