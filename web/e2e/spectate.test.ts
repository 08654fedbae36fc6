/**
 * Live spectating over the Colyseus room: a six-handed No-Limit Hold'em cash game between bots
 * and a Diplomacy game between bots, watched as they are played.
 */
import { describe, expect, it } from 'vitest';
import { createMatch, newPage, sharedBrowser, webUrl } from './harness';

const browser = sharedBrowser();

describe('spectating', () => {
  it('watches a live poker table without seeing hidden cards', async () => {
    const { matchId } = await createMatch({
      game: 'nlhe',
      params: { players: 6, format: 'cash', hands: 60 },
      seed: 9,
      seats: ['tag', 'call', 'random', 'tag', 'call', 'random'],
      paceMs: 150,
    });
    const { page, errors } = await newPage(browser());
    await page.goto(`${webUrl()}/matches/${matchId}`);
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected');
    await expect.poll(() => page.getByTestId('role').textContent()).toContain('spectator');
    await expect.poll(() => page.locator('.poker-seat').count()).toBe(6);

    // The game moves on by itself: the log grows and hands go by.
    const log = page.getByTestId('action-log').locator('li');
    await expect.poll(() => log.count(), { timeout: 20_000 }).toBeGreaterThan(2);
    const caption = page.getByTestId('table-caption');
    const firstHand = await caption.textContent();
    await expect.poll(() => caption.textContent(), { timeout: 30_000 }).not.toBe(firstHand);

    // Hole cards in play are face down for a spectator (face up only once shown at a showdown).
    await expect.poll(() => page.locator('.poker-seat .card.back').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const text = await page.getByTestId('action-log').textContent();
    expect(text).not.toMatch(/is dealt [2-9TJQKA][cdhs]/);
    expect(errors).toEqual([]);
  });

  it('watches a live Diplomacy game, phase after phase', async () => {
    const { matchId } = await createMatch({
      game: 'diplomacy',
      params: { lastYear: 1904 },
      seed: 4,
      seats: ['heuristic', 'random', 'random', 'random', 'random', 'random', 'random'],
      paceMs: 600,
      pressRounds: 1,
    });
    const { page, errors } = await newPage(browser());
    await page.goto(`${webUrl()}/matches/${matchId}`);
    await expect.poll(() => page.getByTestId('connection').textContent()).toBe('connected');
    const phase = page.getByTestId('phase-name');
    await expect.poll(() => phase.textContent()).toMatch(/190[1-4]/);
    const first = await phase.textContent();
    await expect.poll(() => phase.textContent(), { timeout: 30_000 }).not.toBe(first);
    // Units on the board, and the last phase's orders with verdicts.
    expect(await page.locator('[data-unit]').count()).toBeGreaterThan(10);
    await expect.poll(() => page.locator('.order-results li').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
