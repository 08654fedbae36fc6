/**
 * Branching on the web: a branch of a finished Diplomacy match started through the API (as the
 * operator), its results page (each seat against the original, the continuations as matches), the
 * match page's list of branches, no "Branch from here" for a guest; and the per-model measures
 * of the finished matches on the analysis page.
 */
import { describe, expect, it } from 'vitest';
import { api, createMatch, newPage, sharedBrowser, until, waitFinished, webUrl } from './harness';

const browser = sharedBrowser();

interface Branch {
  id: string;
  status: string;
  at: string;
  continuations: string[];
}

describe('branches', () => {
  it('shows a branch’s outcomes against the original, and no branch button to a guest', async () => {
    const seats = ['heuristic', 'random', 'heuristic', 'random', 'random', 'heuristic', 'random'];
    const { matchId } = await createMatch({ game: 'diplomacy', params: { lastYear: 1902 }, seed: 3, seats, pressRounds: 1 });
    await waitFinished(matchId);
    const started = await api<Branch>(`/api/matches/${matchId}/branches`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ at: 'F1901M', times: 3 }),
    });
    expect(started.status).toBe(202);
    const done = await until(
      async () => {
        const { body } = await api<Branch>(`/api/matches/${matchId}/branches/${started.body.id}`);
        return body.status === 'finished' ? body : null;
      },
      60_000,
      'the branch to finish',
    );
    expect(done.continuations).toHaveLength(3);

    const { page, errors } = await newPage(browser());
    await page.goto(`${webUrl()}/matches/${matchId}/branches/${done.id}`);
    await expect.poll(() => page.getByTestId('branch-report').locator('tbody tr').count()).toBe(7);
    expect(await page.locator('h1').textContent()).toContain('Branch from F1901M');
    expect(await page.locator('a[href^="/matches/"]').count()).toBeGreaterThanOrEqual(4);

    await page.goto(`${webUrl()}/matches/${matchId}`);
    await expect.poll(() => page.getByTestId('branches').textContent()).toContain('F1901M ×3');
    await page.locator('[data-testid=timeline][data-ready]').waitFor();
    expect(await page.getByTestId('branch-button').count()).toBe(0);

    // The per-model measures of the arena's finished Diplomacy matches, on the analysis page.
    await page.goto(`${webUrl()}/analysis`);
    const measured = page.getByTestId('model-measures').locator('tbody td:first-child');
    await expect.poll(() => measured.allTextContents()).toEqual(expect.arrayContaining(['heuristic', 'random']));
    expect(errors).toEqual([]);
  });
});
