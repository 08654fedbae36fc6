/** What the poker end-to-end tests share: a person's seat address, their enabled buttons, a heads-up cash table. */
import type { Page } from 'playwright-core';
import { type Created, createMatch, webUrl } from './harness';

/** Enabled action buttons of my decision now (empty while others act). */
export const myActions = (page: Page) =>
  page
    .locator('[data-testid=poker-controls] button[data-action]:not([disabled])')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));

/** The match page as the holder of `seat` opens it from an invite link. */
export const seatUrl = (matchId: string, seat: number, token: string) =>
  `${webUrl()}/matches/${matchId}#seat=${seat}&token=${encodeURIComponent(token)}`;

/** A heads-up cash game of `hands` hands with a per-action clock no test runs out. */
export const headsUpCash = (seats: [string, string], hands: number): Promise<Created> =>
  createMatch({
    game: 'nlhe',
    params: { players: 2, format: 'cash', hands },
    seats,
    clock: { actionMs: 120_000, bankMs: 0 },
  });
