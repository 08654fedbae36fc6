/**
 * A person plays Austria against six bots for one movement phase: talks to Italy, ends the
 * negotiation, orders by clicking units and provinces (a move, a hold, a support of that move),
 * submits, and sees the phase resolve with the orders' results.
 */
import { describe, expect, it } from 'vitest';
import { artifact, createMatch, newPage, sharedBrowser, webUrl } from './harness';

const browser = sharedBrowser();

describe('playing Diplomacy as a person', () => {
  it('orders Austria by clicking, submits, and sees the phase resolve', async () => {
    const { matchId, seats } = await createMatch({
      game: 'diplomacy',
      seed: 21,
      seats: ['human', 'random', 'random', 'random', 'random', 'random', 'random'],
      clock: { pressMs: 120_000, ordersMs: 120_000, retreatMs: 60_000, adjustMs: 60_000 },
      pressRounds: 1,
    });
    const token = seats[0]?.token;
    expect(token).toBeTruthy();

    const { page, errors } = await newPage(browser(), { width: 1400, height: 1100 });
    await page.goto(`${webUrl()}/matches/${matchId}#seat=0&token=${encodeURIComponent(token!)}`);
    await expect.poll(() => page.getByTestId('role').textContent()).toContain('You play Austria');
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    const phase = page.getByTestId('phase-name');
    await expect.poll(() => phase.textContent()).toBe('Spring 1901 movement');

    // Press to Italy during the negotiation period.
    const press = page.getByRole('form', { name: 'Send press' });
    await press.getByLabel('Italy').check();
    await press.locator('textarea').fill('Shall we keep the peace in the Adriatic this year?');
    await press.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => page.locator('.press-thread').textContent()).toContain('keep the peace in the Adriatic');

    // Done negotiating: the orders open.
    await press.getByRole('button', { name: 'Done negotiating' }).click();
    await expect.poll(() => page.getByText('Negotiation period').count(), { timeout: 60_000 }).toBe(0);

    // A VIE - GAL: click the army, then Galicia.
    await page.locator('[data-unit="vie"]').click();
    await page.locator('[data-target="gal"]').click();
    // F TRI H: click the fleet, press h.
    await page.locator('[data-unit="tri"]').click();
    await page.keyboard.press('h');
    // A BUD S A VIE - GAL: the army, s, the supported army, then where it goes.
    await page.locator('[data-unit="bud"]').click();
    await page.keyboard.press('s');
    await page.locator('[data-unit="vie"]').click();
    await page.locator('[data-target="gal"]').click();

    const drafts = page.getByTestId('draft-orders');
    await expect
      .poll(() => drafts.locator('li').allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('A VIE - GAL'),
          expect.stringContaining('F TRI H'),
          expect.stringContaining('A BUD S A VIE - GAL'),
        ]),
      );
    expect(await page.getByTestId('order-clock').count()).toBe(1);
    await page.screenshot({ path: artifact('diplomacy-board.png'), fullPage: true });

    await page.getByTestId('submit-orders').click();
    // The bots have ordered already: the phase resolves and the next one begins.
    await expect.poll(() => phase.textContent(), { timeout: 60_000 }).not.toBe('Spring 1901 movement');
    const austria = page.locator('.order-results[data-power="austria"] li');
    await expect
      .poll(() => austria.allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/A VIE - GAL — (succeeds|fails)/),
          expect.stringMatching(/A BUD S A VIE - GAL — /),
        ]),
      );
    expect(errors).toEqual([]);
  });
});
