/**
 * A game the web knows only through its descriptor: a person plays Liar's Dice against `call` on
 * the generic table (the seat's view field by field, the legal actions as buttons), then opens
 * the replay, whose log shows the opponent's roll only as `seat 1 rolls` to the player.
 */
import { describe, expect, it } from 'vitest';
import { artifact, createMatch, newPage, sharedBrowser, waitFinished, webUrl } from './harness';

const browser = sharedBrowser();

describe("the generic table (Liar's Dice)", () => {
  it('plays a bid and a call as a person, then replays the match without showing the other die', async () => {
    const { matchId, seats } = await createMatch({ game: 'liars-dice', seed: 4, seats: ['human', 'call'] });
    const { page, errors } = await newPage(browser());
    await page.goto(`${webUrl()}/matches/${matchId}#seat=0&token=${encodeURIComponent(seats[0]!.token!)}`);
    await expect.poll(() => page.getByTestId('role').textContent()).toContain('You play Seat 0');
    // Seat 0 opens: twelve bids and no call yet; the view shows my own die only.
    const controls = page.locator('[data-testid=generic-controls] button');
    await expect.poll(() => controls.count()).toBe(12);
    await expect.poll(() => page.getByTestId('generic-view').textContent()).toMatch(/handseat 0: [1-6]/);
    await page.getByRole('button', { name: 'bid 1-1', exact: true }).click();
    // `call` raises with the lowest bid (1-2); I call.
    await expect.poll(() => page.getByRole('button', { name: 'liar', exact: true }).count(), { timeout: 60_000 }).toBe(1);
    await page.getByRole('button', { name: 'liar', exact: true }).click();
    await expect.poll(() => page.getByTestId('match-over').isVisible(), { timeout: 60_000 }).toBe(true);
    const stored = await waitFinished(matchId);
    const mine = stored.events.filter((e) => e.kind === 'action' && e.payload.actor === 0).map((e) => e.payload.action);
    expect(mine).toEqual(['bid 1-1', 'liar']);
    await page.screenshot({ path: artifact('generic-table.png') });

    await page.getByRole('button', { name: 'Open the replay' }).click();
    await expect.poll(() => page.getByTestId('generic-table').count(), { timeout: 60_000 }).toBe(1);
    await page.getByTestId('viewer-select').selectOption('0');
    const log = () => page.locator('.match-side').textContent();
    await expect.poll(log).toMatch(/seat 0 rolls [1-6]/);
    expect(await log()).toMatch(/seat 1 rolls(?! [1-6])/);
    expect(errors).toEqual([]);
  });
});
