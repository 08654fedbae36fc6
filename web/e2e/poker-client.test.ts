/**
 * The poker table as a card-room client (issue 16): a multi-hand match from the lobby's default,
 * the table's furniture, bet/raise wording and quick sizes, the action bar in view on a desktop
 * and a phone, showdown by the rules with the winner's hand named, the status pill at the end,
 * a match that does not exist, the agents page, and the lobby's featured live table.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifact, createMatch, createPokerFromLobby, newPage, sharedBrowser, until, waitFinished, webUrl } from './harness';
import { myActions } from './poker-page';

const browser = sharedBrowser();

/** The controls sit inside the viewport: no scrolling to act. */
async function controlsInView(page: Page, height: number) {
  const box = await page.getByTestId('poker-controls').boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(height + 1);
}

describe('the poker client', () => {
  it('deals a multi-hand match from the lobby default, words bets right and shows down by the rules', async () => {
    const { page, errors } = await newPage(browser(), { width: 1440, height: 900 });
    const matchId = await createPokerFromLobby(page, ['human', 'call']);

    // Furniture: several hands, my seat is "You", the button and both blinds are marked.
    const caption = page.getByTestId('table-caption');
    await expect.poll(() => caption.textContent()).toMatch(/^Hand 1 of 6 · /);
    await expect.poll(() => page.locator('.poker-seat.me .name').textContent()).toMatch(/^\d+ You/);
    expect(await page.locator('.dealer-button').count()).toBe(1);
    await expect
      .poll(() => page.locator('[data-blind]').evaluateAll((els) => els.map((e) => e.textContent)))
      .toEqual(expect.arrayContaining(['SB', 'BB']));
    // The header names a person's unnamed seat once, not "Seat 0 seat 0".
    expect(await page.getByRole('list', { name: 'Seats' }).textContent()).not.toMatch(/seat 0/);

    // Preflop the blinds are a bet: the call bot limps from the button and I may check or raise to.
    await expect.poll(() => myActions(page), { timeout: 30_000 }).toContain('check');
    await controlsInView(page, 900);
    await page.screenshot({ path: artifact('poker-client-desktop.png') });
    expect(await page.locator('button[data-action=raise]').textContent()).toMatch(/^Raise to /);
    expect(await page.locator('button[data-action=check]').textContent()).toMatch(/^Check/);
    await page.keyboard.press('c');

    // On the flop nothing is bet yet: "Bet", and the quick sizes fill the amount (legal, clamped).
    await expect.poll(() => page.getByTestId('board').locator('.card[data-card]').count(), { timeout: 30_000 }).toBe(3);
    await expect.poll(() => myActions(page), { timeout: 30_000 }).toContain('raise');
    expect(await page.locator('button[data-action=raise]').textContent()).toMatch(/^Bet /);
    const amount = page.getByLabel('Bet amount');
    const min = Number(await amount.getAttribute('min'));
    const max = Number(await amount.getAttribute('max'));
    const sizes = page.getByTestId('quick-sizes');
    expect(await sizes.locator('button').allTextContents()).toEqual(['½ pot', '¾ pot', 'Pot', 'All in']);
    // The pot is the two blinds' worth called: 200.
    for (const [label, want] of [
      ['½ pot', Math.max(min, 100)],
      ['¾ pot', Math.max(min, 150)],
      ['Pot', 200],
      ['All in', max],
    ] as const) {
      await sizes.getByRole('button', { name: label, exact: true }).click();
      await expect.poll(() => amount.inputValue()).toBe(String(want));
    }
    // All in; the call bot calls, so both hands must be shown: nobody is asked to click Show.
    let askedToShow = false;
    await page.locator('button[data-action=raise]').click();
    await until(
      async () => {
        if ((await myActions(page)).includes('show')) askedToShow = true;
        return page.getByTestId('showdown').isVisible();
      },
      60_000,
      'the showdown',
    );
    expect(askedToShow).toBe(false);
    const banner = (await page.getByTestId('showdown').textContent()) ?? '';
    await page.screenshot({ path: artifact('poker-client-showdown.png') });
    // A split pot (rare) leaves both stacks as they were and the match deals on.
    if (!/split/.test(banner)) {
      // The winner is named with the engine's hand name, and highlighted.
      expect(banner).toMatch(/^Hand 1: (You win|call wins) 10,000 with [A-Z][a-z]+/);
      await expect.poll(() => page.locator('.poker-seat.winner').count()).toBe(1);
      expect(await page.locator('.poker-seat.winner [data-testid=hand-name]').textContent()).toMatch(
        /^(High card|One pair|Two pair|Three of a kind|Straight|Flush|Full house|Four of a kind|Straight flush|Royal flush)/,
      );
      // Both hands are face up for me: mine and the one the rules made the bot show.
      expect(await page.locator('.poker-seat .card[data-card]').count()).toBe(4);
      expect(await page.getByTestId('action-log').textContent()).toMatch(/seat 0: bets \d+/);
      // One of us is out of chips: the match ends, that seat is marked out, and the header's
      // status pill follows the room.
      await waitFinished(matchId);
      await expect.poll(() => page.locator('.poker-seat.busted').count()).toBe(1);
      await expect.poll(() => page.getByTestId('match-status').textContent()).toBe('finished');
    }
    expect(errors).toEqual([]);

    // /agents lists agents, not the placeholder name of a person's seat.
    await page.goto(`${webUrl()}/agents`);
    await expect.poll(() => page.locator('main').textContent()).toContain('call');
    expect(await page.locator('main').textContent()).not.toMatch(/seat 0/);
  });

  it('keeps the action bar on a phone screen', async () => {
    const { matchId, seats } = await createMatch({
      game: 'nlhe',
      seed: 11,
      params: { players: 2, format: 'cash', hands: 3 },
      seats: ['human', 'call'],
    });
    const { page, errors } = await newPage(browser(), { width: 390, height: 844 });
    await page.goto(`${webUrl()}/matches/${matchId}#seat=0&token=${encodeURIComponent(seats[0]!.token!)}`);
    await expect.poll(() => myActions(page), { timeout: 30_000 }).toContain('check');
    await controlsInView(page, 844);
    await page.screenshot({ path: artifact('poker-client-phone.png') });
    expect(errors).toEqual([]);
  });

  it('says a match that does not exist was not found, seat token or not', async () => {
    const { page, errors } = await newPage(browser());
    const res = await page.goto(`${webUrl()}/matches/00000000-0000-4000-8000-000000000000#seat=0&token=not-a-token`);
    expect(res?.status()).toBe(404);
    await expect.poll(() => page.getByRole('heading', { name: 'Match not found' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'Back to the matches' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('features a live table at the top of the lobby with its spectator count', async () => {
    const { matchId } = await createMatch({
      game: 'nlhe',
      seed: 21,
      params: { players: 3, format: 'cash', hands: 40 },
      seats: ['call', 'tag', 'call'],
      paceMs: 200,
    });
    const { page, errors } = await newPage(browser());
    await page.goto(webUrl());
    const featured = page.getByTestId('featured-match');
    await expect.poll(() => featured.getByRole('link', { name: 'Watch' }).getAttribute('href')).toBe(`/matches/${matchId}`);
    await expect.poll(() => featured.locator('.poker-seat').count()).toBe(3);
    // The lobby itself is a spectator of the featured table.
    await expect.poll(() => featured.getByTestId('spectator-count').textContent()).toMatch(/^[1-9]\d* watching$/);
    // Hole cards stay face down for the lobby's spectators.
    const text = (await featured.textContent()) ?? '';
    expect(text).not.toMatch(/is dealt/);
    await page.screenshot({ path: artifact('lobby-featured.png') });
    // A second viewer joins: the count goes up.
    const other = await newPage(browser());
    await other.page.goto(`${webUrl()}/matches/${matchId}`);
    await expect.poll(() => other.page.getByTestId('connection').textContent()).toBe('connected');
    await expect
      .poll(async () => Number((await featured.getByTestId('spectator-count').textContent())?.split(' ')[0]))
      .toBeGreaterThanOrEqual(2);
    await other.context.close();
    expect(errors).toEqual([]);
  });
});
