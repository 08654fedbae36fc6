/**
 * Issue 12: a Diplomacy draw's shares (1/k for k survivors) came back from PostgreSQL's jsonb as
 * 0.1666666666666667 instead of 0.16666666666666666, so the JSON export and the analysis of every
 * finished draw failed. Returns now round-trip exactly, whatever the number.
 */
import { randomBot } from '@parley/agents';
import { getGame } from '@parley/games';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeDiplomacyMatch } from '../analyzer/diplomacy';
import { runMatch } from '../runtime/match-runner';
import { eventsOf } from './events';
import { exportMatch, exportRecord } from './export';
import { newMatch, sharedPglite } from './testing/support';

const pglite = await sharedPglite();
afterAll(() => pglite.close());

describe('exact returns in the database', () => {
  it('gives back every draw share of 2 to 7 survivors bit for bit, and awkward numbers too', async () => {
    const { store, dispose } = await pglite.open();
    try {
      const cases: number[][] = [];
      for (let k = 2; k <= 7; k++) {
        // Survivors in different seats each time, so shares sit beside zeros anywhere.
        cases.push(Array.from({ length: 7 }, (_, seat) => ((seat * 3 + k) % 7 < k ? 1 / k : 0)));
      }
      cases.push([0.1 + 0.2, -1 / 3, 1e-300, 2 ** 53 + 2, -0, 5e-324, 1 / 7]);
      for (const [i, returns] of cases.entries()) {
        await store.createMatch(newMatch(`draw-${i}`));
        await store.finishMatch(`draw-${i}`, { status: 'finished', returns, finalStateHash: null });
        const back = (await store.getMatch(`draw-${i}`))?.returns ?? [];
        expect(back.length).toBe(returns.length);
        for (const [seat, r] of back.entries())
          expect(Object.is(r, returns[seat]) || (r === 0 && returns[seat] === 0), `${i}.${seat}`).toBe(true);
        const listed = (await store.listMatches({})).matches.find((m) => m.id === `draw-${i}`);
        expect(listed?.returns).toEqual(back);
      }
    } finally {
      await dispose();
    }
  });

  it('exports and analyses a finished Diplomacy draw stored on PGlite', async () => {
    const { store, dispose } = await pglite.open();
    try {
      const game = getGame('diplomacy');
      const params = { lastYear: 1901 };
      const { record } = await runMatch({ game, params, seed: 12, agents: Array.from({ length: 7 }, () => randomBot()) });
      const share = record.returns.find((r) => r > 0) ?? 0;
      expect(record.returns.filter((r) => r > 0).length).toBeGreaterThanOrEqual(2);
      expect(Number.isInteger(1 / share)).toBe(true); // a draw: equal shares
      await store.createMatch({
        id: 'dip-draw',
        game: 'diplomacy',
        params,
        seed: record.seed,
        seats: record.seats.map((s) => ({ seat: s.seat, agent: { name: s.agent, kind: 'bot' } })),
      });
      const { events } = eventsOf(record, Date.UTC(2026, 0, 1));
      await store.appendEvents('dip-draw', events);
      await store.finishMatch('dip-draw', { status: 'finished', returns: record.returns, finalStateHash: record.finalStateHash });
      const stored = await store.getMatch('dip-draw');
      if (!stored) throw new Error('the match was not stored');
      expect(exportRecord(stored).returns).toEqual(record.returns);
      expect(JSON.parse(exportMatch(stored, 'parley').text).returns).toEqual(record.returns);
      expect(analyzeDiplomacyMatch(exportRecord(stored))).toBeTruthy();
    } finally {
      await dispose();
    }
  });
});
