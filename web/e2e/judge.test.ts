/**
 * Judged promises and per-model measures on the web: on a finished Diplomacy match the operator
 * picks a registered model (the one out of budget today is offered disabled), starts the judge,
 * follows its status to done, and the judged promises appear on the page; a guest sees the
 * promises section but no judge. A Diplomacy tournament's page shows its per-model table.
 */
import { describe, expect, inject, it } from 'vitest';
import { createMatch, newPage, sharedBrowser, waitFinished, webUrl } from './harness';

const browser = sharedBrowser();

describe('the judge of press', () => {
  it('lets the operator judge a finished match and shows the judged promises; a guest gets no button', async () => {
    const seats = ['heuristic', 'random', 'heuristic', 'heuristic', 'random', 'heuristic', 'random'];
    const { matchId } = await createMatch({ game: 'diplomacy', params: { lastYear: 1902 }, seed: 5, seats, pressRounds: 1 });
    await waitFinished(matchId);

    // A guest: the promises section, no judge (the arena refuses the guest its status).
    const guest = await newPage(browser());
    const probed = guest.page.waitForResponse((r) => r.url().endsWith(`/api/matches/${matchId}/judge`));
    await guest.page.goto(`${webUrl()}/matches/${matchId}`);
    expect([401, 403]).toContain((await probed).status());
    await expect
      .poll(() => guest.page.locator('section[aria-labelledby="free-text"]').textContent())
      .toContain('No judged promises yet');
    expect(await guest.page.getByTestId('judge-panel').count()).toBe(0);
    await guest.context.close();

    // The operator (its token on every request, as a signed-in operator's session would be).
    const context = await browser().newContext({
      viewport: { width: 1400, height: 1000 },
      extraHTTPHeaders: { authorization: `Bearer ${inject('operatorToken')}` },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${webUrl()}/matches/${matchId}`);
    const status = page.getByTestId('judge-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('none');
    const choice = page.getByTestId('judge-choice');
    expect(await choice.locator('option[value="spent-llm"]').textContent()).toContain('daily cap reached');
    expect(await choice.locator('option[value="spent-llm"]').isDisabled()).toBe(true);
    await choice.selectOption('stub-llm');
    await page.getByTestId('judge-button').click();
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000 }).toBe('done');
    expect(await status.textContent()).toMatch(/Done \(stub-model\): [1-9]\d* promises judged/);
    // The page re-renders with the judged promises: one per message, to keep out of Burgundy.
    await expect.poll(() => page.getByTestId('judged-promises').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('judged-promises').textContent()).toMatch(/kept|broken|not-checkable/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the per-model measures of a Diplomacy tournament on its page', async () => {
    const { page, errors } = await newPage(browser());
    await page.goto(`${webUrl()}/tournaments/diplomacy-measured`);
    const table = page.locator('section[aria-labelledby="per-model"]').getByTestId('model-measures');
    await expect.poll(() => table.locator('tbody td:first-child').allTextContents()).toEqual(['heuristic', 'random']);
    // Bots make no model calls: no first-try rate, no tokens; both sent press in the press rounds.
    const heuristic = await table.locator('tbody tr').first().locator('td').allTextContents();
    expect(heuristic[1]).toBe('2 (0)');
    expect(heuristic[2]).toBe('–');
    expect(errors).toEqual([]);
  });
});
