/**
 * Replays: a finished Diplomacy match stepped phase by phase (keyboard, buttons, links to a
 * moment, playback), checked against the engine's own replay of the stored actions; and a Leduc
 * match with an LLM seat (answered by a local stand-in model) whose model calls appear beside
 * the moves they produced.
 */

import { type Diplomacy, getGame } from '@parley/games';
import type { ActionRecord } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { phaseName } from '../lib/diplomacy/model';
import { ReplayEngine } from '../lib/replay';
import { artifact, createMatch, newPage, sharedBrowser, waitFinished, webUrl } from './harness';

const browser = sharedBrowser();

describe('replays', () => {
  it('steps through a finished Diplomacy match by phase, with links to moments', async () => {
    const { matchId } = await createMatch({
      game: 'diplomacy',
      params: { lastYear: 1903 },
      seed: 11,
      seats: ['heuristic', 'heuristic', 'random', 'random', 'heuristic', 'random', 'heuristic'],
      pressRounds: 1,
    });
    const stored = await waitFinished(matchId);
    expect(stored.status).toBe('finished');

    // What the page must show, from the engine itself.
    const actions = stored.events.filter((e) => e.kind === 'action').map((e) => e.payload as unknown as ActionRecord);
    const engine = new ReplayEngine('diplomacy', { lastYear: 1903 }, actions);
    engine.advance(60_000);
    const starts = engine.phaseStarts;
    const names = starts.map((t) => phaseName((engine.stateAt(t) as Diplomacy.DiplomacyState).phase));
    expect(starts.length).toBeGreaterThan(6);
    expect(getGame('diplomacy').isTerminal(engine.stateAt(actions.length))).toBe(true);

    const { page, errors } = await newPage(browser());
    await page.goto(`${webUrl()}/matches/${matchId}`);
    const phase = page.getByTestId('phase-name');
    await expect.poll(() => phase.textContent()).toBe(names[0]);
    await page.locator('[data-testid=timeline][data-ready]').waitFor();

    // → steps a phase at a time; the address bar follows (?t=).
    for (let k = 1; k <= 4; k++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => phase.textContent()).toBe(names[k]);
      await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBe(String(starts[k]));
    }
    // The units that moved in the phase just played glide in from where they stood.
    await expect.poll(() => page.locator('svg.board-svg .unit-glide').count()).toBeGreaterThan(0);
    // The orders of the phase just played are listed with the adjudicator's verdicts.
    await expect.poll(() => page.locator('.order-results li').count()).toBeGreaterThan(5);
    expect(await page.locator('.order-results li.succeeds, .order-results li.fails').count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifact('replay.png'), fullPage: true });
    // On a phone the whole board fills the width (zoom and pan bring the details closer).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: artifact('replay-phone.png') });
    const boardWidth = await page.locator('svg.board-svg').evaluate((el) => el.getBoundingClientRect().width);
    expect(boardWidth).toBeGreaterThan(390 * 0.9);
    expect(boardWidth).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1400, height: 1000 });

    // ← goes back a phase; the buttons do the same.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => phase.textContent()).toBe(names[3]);
    await page.getByRole('button', { name: 'Next phase' }).click();
    await expect.poll(() => phase.textContent()).toBe(names[4]);

    // Shift+→ steps a single order; the unit markers of pending orders appear.
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => page.getByTestId('replay-position').getAttribute('data-t')).toBe(String((starts[4] ?? 0) + 1));

    // End, Home.
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('replay-position').getAttribute('data-t')).toBe(String(actions.length));
    await expect.poll(() => page.locator('.badge', { hasText: /Draw|wins alone/ }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Home');
    await expect.poll(() => phase.textContent()).toBe(names[0]);

    // Space plays; it advances on its own, and pauses again.
    await page.keyboard.press('Space');
    // Any later phase: playing moves on every 1.6 s, so a poll slowed by a loaded machine may miss
    // the second phase itself; the default limit is a guard against a hang, not a speed.
    await expect.poll(async () => names.indexOf((await phase.textContent()) ?? '')).toBeGreaterThan(0);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('play').textContent()).toContain('Play');

    // A link to a moment opens there.
    const t = (starts[3] ?? 0) + 2;
    await page.goto(`${webUrl()}/matches/${matchId}?t=${t}`);
    await page.locator('[data-testid=timeline][data-ready]').waitFor();
    await expect.poll(() => page.getByTestId('replay-position').getAttribute('data-t')).toBe(String(t));
    await expect.poll(() => phase.textContent()).toBe(names[3]);
    // The phase list jumps too.
    await expect.poll(() => page.getByTestId('phase-select').locator('option').count()).toBe(starts.length);
    await page.getByTestId('phase-select').selectOption(String(starts[2]));
    await expect.poll(() => phase.textContent()).toBe(names[2]);

    // Press between powers is shown up to the moment on screen.
    const messages = stored.events.filter((e) => e.kind === 'message').length;
    if (messages > 0) {
      await page.keyboard.press('End');
      await expect.poll(() => page.locator('#press-heading').textContent()).toContain(`(${messages})`);
    }
    expect(errors).toEqual([]);
  });

  it('shows each model call beside the move it produced', async () => {
    const { matchId } = await createMatch({ game: 'leduc', seed: 5, seats: ['stub-llm', 'call'] });
    const stored = await waitFinished(matchId);
    expect(stored.status).toBe('finished');
    expect(stored.modelCalls.length).toBeGreaterThan(0);
    const first = stored.modelCalls[0]!;

    const { page, errors } = await newPage(browser());
    await page.goto(`${webUrl()}/matches/${matchId}`);
    await page.locator('[data-testid=timeline][data-ready]').waitFor();
    await expect.poll(() => page.locator('#agent-heading').textContent()).toContain(`(${stored.modelCalls.length})`);
    await page.getByText('All calls').click();
    await page
      .getByRole('button', { name: `Go to move ${first.actionSeq + 1}` })
      .first()
      .click();
    await expect.poll(() => page.getByTestId('replay-position').getAttribute('data-t')).toBe(String(first.actionSeq + 1));
    const current = page.locator('.call-card.current').first();
    await expect.poll(() => current.textContent()).toContain('stub-model');
    expect(await current.textContent()).toContain('{"action"');
    expect(await current.textContent()).toMatch(/\d+ in \/ \d+ out/);

    // The replay shows the cards a seat could see: as seat 0, its own card is face up.
    await page.getByTestId('viewer-select').selectOption('0');
    await expect.poll(() => page.locator('.poker-seat.me .card[data-card]').count()).toBe(1);
    await page.getByTestId('viewer-select').selectOption('');
    expect(errors).toEqual([]);
  });
});
