/**
 * The rest of the poker client (issue 16): create-match fields from the game's descriptor, the
 * muck setting, check/fold in advance, the hand-history panel with a replay in place, and for
 * spectators of a delayed match only, hand names and win equity. Desktop and phone.
 */
import { describe, expect, it } from 'vitest';
import { artifact, createMatch, newPage, sharedBrowser, webUrl } from './harness';
import { headsUpCash, myActions, seatUrl } from './poker-page';

const browser = sharedBrowser();

const SIZES = [
  ['desktop', { width: 1440, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const;

describe.each(SIZES)('the poker table on a %s', (name, size) => {
  it('makes a match from the form fields: format, seats, hands, blinds and stack', async () => {
    const { page, errors } = await newPage(browser(), size);
    await page.goto(webUrl());
    const form = page.getByRole('form', { name: 'Create a match' });
    await form.locator('select[name=game]').selectOption('nlhe');
    const fields = form.getByTestId('param-fields');
    expect(await fields.locator('select[name=param-format]').inputValue()).toBe('cash');
    await fields.locator('input[name=param-hands]').fill('3');
    await fields.locator('input[name=param-blinds-0]').fill('25');
    await fields.locator('input[name=param-blinds-1]').fill('50');
    await fields.locator('input[name=param-startingStack]').fill('5000');
    // The advanced box holds the same parameters.
    await form.getByText('Advanced: parameters as JSON').click();
    expect(JSON.parse(await form.locator('textarea[name=params]').inputValue())).toMatchObject({
      format: 'cash',
      players: 2,
      hands: 3,
      blinds: [25, 50],
      startingStack: 5000,
    });
    await form.locator('input[name=seat-1]').fill('call');
    await page.screenshot({ path: artifact(`poker-create-fields-${name}.png`), fullPage: true });
    await form.getByRole('button', { name: 'Create match' }).click();
    await page.waitForURL(/\/matches\/[0-9a-f-]+/);
    await expect
      .poll(() => page.getByTestId('table-caption').textContent(), { timeout: 30_000 })
      .toMatch(/^Hand 1 of 3 · .* blinds 25\/50/);
    await expect.poll(() => page.getByTestId('muck-setting').locator('input').isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('checks in advance, lists the finished hand and replays it step by step', async () => {
    const { matchId, seats } = await headsUpCash(['human', 'human'], 2);
    const a = await newPage(browser(), size);
    const b = await newPage(browser(), size);
    await a.page.goto(seatUrl(matchId, 0, seats[0]!.token!));
    await b.page.goto(seatUrl(matchId, 1, seats[1]!.token!));
    // Heads-up the button (seat 1) acts first: seat 0 ticks check/fold while it waits.
    await expect.poll(() => myActions(b.page), { timeout: 30_000 }).toContain('call');
    const advance = a.page.getByTestId('advance');
    await advance.locator('input[data-advance=check-fold]').check();
    await a.page.screenshot({ path: artifact(`poker-advance-${name}.png`) });
    await b.page.locator('button[data-action=call]').click();
    // The price stayed at nothing to call: seat 0's check went by itself and the flop came.
    await expect.poll(() => a.page.getByTestId('board').locator('.card[data-card]').count(), { timeout: 30_000 }).toBe(3);
    expect(await a.page.getByTestId('action-log').textContent()).toMatch(/: check/);
    // Seat 0 acts first after the flop: it bets, seat 1 folds, and hand 1 goes to the history.
    await expect.poll(() => myActions(a.page), { timeout: 30_000 }).toContain('raise');
    await a.page.locator('button[data-action=raise]').click();
    await expect.poll(() => myActions(b.page), { timeout: 30_000 }).toContain('fold');
    await b.page.locator('button[data-action=fold]').click();
    const history = a.page.getByTestId('hand-history');
    await expect.poll(() => history.locator('tr[data-hand="1"]').count(), { timeout: 30_000 }).toBe(1);
    expect(await history.locator('tr[data-hand="1"]').textContent()).toMatch(/You.*\+100/);
    await history.getByRole('button', { name: '#1' }).click();
    const replay = history.getByTestId('hand-replay');
    const last = (await replay.getByTestId('hand-step').textContent()) ?? '';
    expect(last).toMatch(/^Step (\d+) of \1$/);
    expect(await replay.textContent()).toMatch(/fold/);
    await replay.getByRole('button', { name: /Back/ }).click();
    await replay.getByRole('button', { name: /Back/ }).click();
    expect(await replay.getByTestId('hand-step').textContent()).not.toBe(last);
    expect(await replay.textContent()).not.toMatch(/: fold/);
    await history.scrollIntoViewIfNeeded();
    await a.page.screenshot({ path: artifact(`poker-hand-history-${name}.png`) });
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  it('shows spectators hand names and equity only behind a delay', async () => {
    const delayed = await createMatch({
      game: 'nlhe',
      params: { players: 2, format: 'cash', hands: 30 },
      seats: ['call', 'call'],
      spectatorDelayMs: 1000,
      paceMs: 300,
    });
    const plain = await createMatch({
      game: 'nlhe',
      params: { players: 2, format: 'cash', hands: 30 },
      seats: ['call', 'call'],
      paceMs: 300,
    });
    const { page, errors } = await newPage(browser(), size);
    await page.goto(`${webUrl()}/matches/${delayed.matchId}`);
    await expect.poll(() => page.getByTestId('equity').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.getByTestId('equity').first().textContent()).toMatch(/^\d+% equity$/);
    await expect.poll(() => page.locator('.poker-seat .card[data-card]').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: artifact(`poker-spectator-equity-${name}.png`) });
    await page.goto(`${webUrl()}/matches/${plain.matchId}`);
    await expect.poll(() => page.getByTestId('board').isVisible(), { timeout: 30_000 }).toBe(true);
    // Without a delay no equity, however far the match has gone.
    await expect.poll(() => page.getByTestId('action-log').locator('li').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('equity').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
