/**
 * A long Diplomacy game (seven random bots to 1972: more than 200 phases and some 5,000 orders)
 * opens as a replay, indexes every phase and steps forward, back, by order and to either end.
 * The timings (the targets: interactive under 2 s, a step under 100 ms at the 95th percentile)
 * are printed, not asserted: on a shared, loaded machine a wall-clock bound fails for reasons
 * that are not the app's. `npm run bench -w web` runs this file to quote them.
 */
import { getGame } from '@parley/games';
import type { ActionRecord } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { ReplayEngine } from '../lib/replay';
import { createMatch, newPage, sharedBrowser, waitFinished, webUrl } from './harness';

const browser = sharedBrowser();

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
};

describe('a 200-phase Diplomacy replay', () => {
  it('opens, indexes every phase and steps both ways (timings printed)', async () => {
    const { matchId } = await createMatch({
      game: 'diplomacy',
      params: { lastYear: 1972 },
      seed: 7,
      seats: ['random', 'random', 'random', 'random', 'random', 'random', 'random'],
      pressRounds: 0,
    });
    const stored = await waitFinished(matchId, 180_000);
    const actions = stored.events.filter((e) => e.kind === 'action').map((e) => e.payload as unknown as ActionRecord);
    const engine = new ReplayEngine('diplomacy', { lastYear: 1972 }, actions);
    engine.advance(60_000);
    const phases = engine.phaseStarts.length;
    expect(getGame('diplomacy').isTerminal(engine.stateAt(actions.length))).toBe(true);
    expect(phases).toBeGreaterThanOrEqual(200);

    const { page, errors } = await newPage(browser());
    // Warm the route once (the first request of a fresh server compiles nothing, but loads code).
    await page.goto(`${webUrl()}/matches/${matchId}?t=0`);
    await page.locator('[data-testid=timeline][data-ready]').waitFor();

    const t0 = Date.now();
    await page.goto(`${webUrl()}/matches/${matchId}`, { waitUntil: 'commit' });
    await page.getByTestId('phase-name').waitFor();
    const firstPaint = Date.now() - t0;
    // Interactive: hydrated, and the first step by keyboard lands.
    await page.locator('[data-testid=timeline][data-ready]').waitFor();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('replay-position').getAttribute('data-t'), { interval: 10, timeout: 60_000 })
      .not.toBe('0');
    const interactive = Date.now() - t0;
    // Every phase indexed (the phase list is complete).
    await expect
      .poll(() => page.getByTestId('phase-select').locator('option').count(), { interval: 20, timeout: 60_000 })
      .toBe(phases);
    const indexed = Date.now() - t0;

    // Steps, measured in the page: from the key event to the next animation frame after the DOM changed.
    const measure = (key: string, shift: boolean, n: number) =>
      page.evaluate(
        async ({ key, shift, n }) => {
          const out: number[] = [];
          const el = document.querySelector('[data-testid=replay-position]') as HTMLElement;
          for (let i = 0; i < n; i++) {
            const before = el.getAttribute('data-t');
            const start = performance.now();
            window.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey: shift, bubbles: true }));
            await new Promise<void>((resolve) => {
              const check = () => (el.getAttribute('data-t') !== before ? resolve() : requestAnimationFrame(check));
              check();
            });
            await new Promise((r) => requestAnimationFrame(() => r(null)));
            out.push(performance.now() - start);
          }
          return out;
        },
        { key, shift, n },
      );
    const forward = await measure('ArrowRight', false, 60);
    const back = await measure('ArrowLeft', false, 30);
    const fine = await measure('ArrowRight', true, 40);
    const jumps = [...(await measure('End', false, 1)), ...(await measure('Home', false, 1))];
    const all = [...forward, ...back, ...fine];
    const summary = {
      phases,
      actions: actions.length,
      firstPaintMs: firstPaint,
      interactiveMs: interactive,
      fullyIndexedMs: indexed,
      stepMedianMs: Math.round(percentile(all, 0.5)),
      stepP95Ms: Math.round(percentile(all, 0.95)),
      stepMaxMs: Math.round(Math.max(...all)),
      jumpEndHomeMs: jumps.map(Math.round),
    };
    console.log(`[e2e] long replay: ${JSON.stringify(summary)}`);
    // Every step and jump landed (each measure waits for the position to change).
    expect(all).toHaveLength(130);
    expect(jumps).toHaveLength(2);
    expect(errors).toEqual([]);
  });
});
