/**
 * The pages around the matches: leaderboards with intervals from real tournament output, a
 * tournament report, an agent's rating history and cost, the analyzer's charts, and the lobby's
 * filters.
 */
import { describe, expect, it } from 'vitest';
import { api, artifact, createMatch, newPage, sharedBrowser, until, waitFinished, webUrl } from './harness';

const browser = sharedBrowser();

describe('leaderboards, agents, analysis, lobby', () => {
  it('shows tournament leaderboards with intervals, a report and an agent page', async () => {
    const { page, errors } = await newPage(browser(), { width: 1300, height: 900 });
    await page.goto(`${webUrl()}/leaderboard`);
    const kuhn = page.locator('[data-tournament="kuhn-bots"]');
    const leduc = page.locator('[data-tournament="leduc-bots"]');
    await expect.poll(() => kuhn.count()).toBe(1);
    expect(await leduc.count()).toBe(1);
    expect(await kuhn.locator('tr[data-participant]').count()).toBe(4);
    expect(await kuhn.locator('svg[aria-label*="95% confidence interval"] circle').count()).toBe(4);
    // Each row carries its interval.
    const interval = await kuhn.locator('tr[data-participant="equilibrium"] td.mono').textContent();
    expect(interval).toMatch(/^\[-?[\d,.]+, -?[\d,.]+\]$/);
    await page.screenshot({ path: artifact('leaderboard.png'), fullPage: true });

    await kuhn.getByRole('link', { name: 'Full report' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('kuhn-bots');
    expect(await page.locator('#h2h').count()).toBe(1);
    expect(await page.locator('table.heat').first().locator('tbody tr').count()).toBe(4);

    await page.goto(`${webUrl()}/agents/equilibrium`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('equilibrium');
    // Two tournaments: a rating for each, and their usage.
    expect(await page.locator('#ratings ~ * tbody tr, section[aria-labelledby="ratings"] tbody tr').count()).toBe(2);
    expect(await page.locator('section[aria-labelledby="cost"] tbody tr').count()).toBe(2);
    expect(errors).toEqual([]);
  });

  it('shows the ladder from rated arena matches, filtered by kind, and on the agent page', async () => {
    const { matchId } = await createMatch({ game: 'kuhn', seed: 15, seats: ['random', 'call'], rated: true });
    await waitFinished(matchId);
    await until(
      async () => (await api<{ ratings: unknown[] }>('/api/ladder?game=kuhn')).body.ratings.length >= 2,
      30_000,
      'the ladder to rate the match',
    );
    const { page, errors } = await newPage(browser(), { width: 1300, height: 900 });
    await page.goto(`${webUrl()}/ladder?game=kuhn`);
    await expect.poll(() => page.locator('tr[data-ladder="agent:random"]').count()).toBe(1);
    expect(await page.locator('tr[data-ladder="agent:call"]').count()).toBe(1);
    await page.goto(`${webUrl()}/ladder?game=kuhn&kind=person`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ladder');
    expect(await page.locator('tr[data-ladder]').count()).toBe(0);
    await page.goto(`${webUrl()}/agents/call`);
    await expect.poll(() => page.locator('section[aria-labelledby="ladder"] tr[data-ladder="agent:call"]').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('draws the analyzer charts from parley solve and parley analyze output', async () => {
    const { page, errors } = await newPage(browser(), { width: 1300, height: 900 });
    await page.goto(`${webUrl()}/analysis`);
    const chart = page.locator('svg[aria-label="Exploitability of the average strategy over iterations"]');
    await expect.poll(() => chart.count()).toBe(1);
    // Two solver runs (cfr and cfr+), each a line.
    expect(await page.locator('#expl ~ * tbody tr, section[aria-labelledby="expl"] tbody tr').count()).toBe(2);
    expect(await page.locator('svg[aria-label="Promises kept by agent"]').count()).toBe(1);
    expect(
      await page.locator('section[aria-labelledby="alliances"] figure, section[aria-labelledby="alliances"] p').count(),
    ).toBeGreaterThan(0);
    await page.screenshot({ path: artifact('analysis.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('filters the lobby by game and status', async () => {
    const { matchId } = await createMatch({ game: 'kuhn', seed: 1, seats: ['random', 'call'] });
    await waitFinished(matchId);
    const { page, errors } = await newPage(browser());
    await page.goto(webUrl());
    const form = page.locator('form.filters');
    await form.locator('select[name=game]').selectOption('kuhn');
    await form.locator('select[name=status]').selectOption('finished');
    await form.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/game=kuhn/);
    const rows = page.locator('section[aria-labelledby="recent-heading"] tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const games = await rows.locator('td:nth-child(2)').allTextContents();
    expect(new Set(games)).toEqual(new Set(['Kuhn poker']));
    expect(await page.locator(`tr[data-match-id="${matchId}"]`).count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
