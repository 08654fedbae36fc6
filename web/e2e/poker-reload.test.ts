/**
 * A person who reloads the poker table mid-session, or opens it in another browser, finds every
 * finished hand of the match in the hand history (served by the arena, the seat's own cards in
 * them) and the muck setting the seat chose; a spectator finds the same hands without them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, newPage, sharedBrowser, webUrl } from './harness';
import { headsUpCash, myActions, seatUrl } from './poker-page';

const browser = sharedBrowser();
const DESKTOP = { width: 1440, height: 900 };

/** Plays the person's seat as cheaply as it can (fold, else check, else call) until hand `n` is listed. */
async function playUntilListed(page: Page, n: number) {
  const listed = page.getByTestId('hand-history').locator(`tr[data-hand="${n}"]`);
  await expect
    .poll(
      async () => {
        if ((await listed.count()) > 0) return true;
        const actions = await myActions(page);
        const pick = ['fold', 'check', 'call'].find((a) => actions.includes(a));
        // The page may redraw between reading and clicking: a missed click is tried again next poll.
        if (pick)
          await page
            .locator(`button[data-action=${pick}]`)
            .click({ timeout: 2000 })
            .catch(() => undefined);
        return false;
      },
      { timeout: 60_000, interval: 200 },
    )
    .toBe(true);
}

/** The replay of hand `n` in the panel, opened. */
async function replayText(page: Page, n: number): Promise<string> {
  const history = page.getByTestId('hand-history');
  await history.getByRole('button', { name: `#${n}` }).click();
  return (await history.getByTestId('hand-replay').textContent()) ?? '';
}

describe('the hand history after a reload', () => {
  it('lists every finished hand for the seat and for a spectator, and keeps the seat’s muck setting', async () => {
    const { matchId, seats } = await headsUpCash(['call', 'human'], 3);
    const url = seatUrl(matchId, 1, seats[1]!.token!);
    const a = await newPage(browser(), DESKTOP);
    await a.page.goto(url);
    const muck = a.page.getByTestId('muck-setting').locator('input');
    await expect.poll(() => muck.isChecked(), { timeout: 30_000 }).toBe(true);
    await muck.uncheck();
    // Two hands end, so hand 1 is no longer the hand the table's own view summarises.
    await playUntilListed(a.page, 1);
    await playUntilListed(a.page, 2);

    await a.page.reload();
    const history = a.page.getByTestId('hand-history');
    await expect.poll(() => history.locator('tr[data-hand="1"]').count(), { timeout: 30_000 }).toBe(1);
    expect(await history.locator('tr[data-hand="2"]').count()).toBe(1);
    await a.context.close();

    // Another browser (nothing stored in it): the seat's hands with its own cards, and its setting.
    const b = await newPage(browser(), DESKTOP);
    await b.page.goto(url);
    const again = b.page.getByTestId('hand-history');
    await expect.poll(() => again.locator('tr[data-hand="1"]').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => b.page.getByTestId('muck-setting').locator('input').isChecked(), { timeout: 30_000 }).toBe(false);
    expect(await replayText(b.page, 1)).toMatch(/seat 1 is dealt/);
    await again.scrollIntoViewIfNeeded();
    await b.page.screenshot({ path: artifact('poker-reload-history-desktop.png') });

    // A spectator: the same hands, no hole card of a hand that was not shown.
    const c = await newPage(browser(), DESKTOP);
    await c.page.goto(`${webUrl()}/matches/${matchId}`);
    const watched = c.page.getByTestId('hand-history');
    await expect.poll(() => watched.locator('tr[data-hand="1"]').count(), { timeout: 30_000 }).toBe(1);
    const seen = await replayText(c.page, 1);
    expect(seen).not.toMatch(/is dealt/);
    expect(seen).toMatch(/hidden hole cards dealt/);
    // The last hand, played out so the match ends with the test.
    await playUntilListed(b.page, 3);
    expect([...b.errors, ...c.errors]).toEqual([]);
    await b.context.close();
    await c.context.close();
  });
});
