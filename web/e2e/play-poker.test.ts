/**
 * A person plays a No-Limit Hold'em hand heads-up against the `call` bot: the match is created
 * from the lobby form, the page takes the seat token from the address fragment, and the hand is
 * played with the keyboard (raise with the amount, check or call) to the end.
 */
import { describe, expect, it } from 'vitest';
import {
  api,
  artifact,
  createMatch,
  createPokerFromLobby,
  newPage,
  type StoredMatch,
  sharedBrowser,
  until,
  waitFinished,
  webUrl,
} from './harness';

const browser = sharedBrowser();

describe('playing poker as a person', () => {
  it('creates a heads-up hand from the lobby and plays it against call', async () => {
    const { page, errors } = await newPage(browser());
    // One hand (the lobby's default is a session of several; poker-client.test.ts plays that).
    const matchId = await createPokerFromLobby(page, ['human', 'call'], '{"players": 2, "format": "hand"}');
    // The token was moved out of the address bar into this tab's storage.
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await expect.poll(() => page.getByTestId('role').textContent()).toContain('You play Seat 0');

    // My two hole cards are face up at my seat; the opponent's are face down.
    await expect.poll(() => page.locator('.poker-seat.me .card[data-card]').count()).toBe(2);
    await expect.poll(() => page.locator('.poker-seat:not(.me) .card.back').count()).toBe(2);

    let raised = false;
    let screenshot = false;
    await until(
      async () => {
        if (await page.getByTestId('match-over').isVisible()) return true;
        const actions = await page
          .locator('[data-testid=poker-controls] button[data-action]:not([disabled])')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
        if (actions.length === 0) return false;
        // My clock runs while I decide.
        expect(await page.locator('.poker-seat.me [data-testid=clock]').count()).toBe(1);
        if (!screenshot) {
          await page.screenshot({ path: artifact('poker-table.png') });
          screenshot = true;
        }
        if (!raised && actions.includes('raise')) {
          // Raise with the keyboard: ↑ twice above the minimum, then r.
          await page.keyboard.press('ArrowUp');
          await page.keyboard.press('ArrowUp');
          await page.keyboard.press('r');
          raised = true;
        } else if (actions.includes('show')) await page.keyboard.press('s');
        else await page.keyboard.press('c');
        await page.waitForTimeout(150);
        return false;
      },
      60_000,
      'the hand to end',
    );
    expect(raised).toBe(true);
    const log = (await page.getByTestId('action-log').textContent()) ?? '';
    // The engine's `raise N` reads as a bet or a raise to N, as a card room words it.
    expect(log).toMatch(/seat 0: (bets|raises to) \d+/);

    const stored = await until(
      async () => {
        const { body } = await api<StoredMatch>(`/api/matches/${matchId}`);
        return body.status === 'finished' ? body : null;
      },
      20_000,
      'the match to be stored as finished',
    );
    // Zero-sum; a split pot returns [0, 0], so compare the sum (toBe(-0) would fail on 0).
    expect(stored.returns).toHaveLength(2);
    expect(stored.returns![0]! + stored.returns![1]!).toBe(0);
    const mine = stored.events.filter((e) => e.kind === 'action' && e.payload.actor === 0).map((e) => e.payload.action);
    expect(mine.some((a) => a?.startsWith('raise '))).toBe(true);

    // The match page now opens the replay.
    await page.getByRole('button', { name: 'Open the replay' }).click();
    await expect.poll(() => page.getByTestId('replay-position').count(), { timeout: 60_000 }).toBe(1);
    expect(errors).toEqual([]);
  });

  it('plays Kuhn poker on the simpler table with its keys', async () => {
    const { matchId, seats } = await createMatch({ game: 'kuhn', seed: 3, seats: ['human', 'call'] });
    const { page, errors } = await newPage(browser());
    await page.goto(`${webUrl()}/matches/${matchId}#seat=0&token=${encodeURIComponent(seats[0]!.token!)}`);
    await expect.poll(() => page.getByTestId('role').textContent()).toContain('You play Seat 0');
    // My one card is face up; seat 0 acts first: pass or bet.
    await expect.poll(() => page.locator('.poker-seat.me .card[data-card]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid=poker-controls] button[data-action]').count()).toBe(2);
    await page.keyboard.press('b');
    await expect.poll(() => page.getByTestId('match-over').isVisible(), { timeout: 60_000 }).toBe(true);
    const stored = await waitFinished(matchId);
    expect(stored.events.filter((e) => e.kind === 'action' && e.payload.actor === 0).map((e) => e.payload.action)).toEqual([
      'bet',
    ]);
    expect(errors).toEqual([]);
  });
});
