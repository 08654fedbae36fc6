import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store';
import { FakeClock } from '../testing/fake-clock';
import { INACTIVITY_SIGMA_PER_PERIOD, inflatedSigma, ladderAsOf, RATING_PERIOD_MS, SIGMA_0 } from './inactivity';
import { rateArenaMatch } from './ladder';

const seats = [
  { kind: 'agent' as const, id: 'x', name: 'x' },
  { kind: 'agent' as const, id: 'y', name: 'y' },
];

describe('rating deviation grows with inactivity (Glicko step 1)', () => {
  it('takes a settled deviation (σ₀/7) back to σ₀ in 100 idle periods, and never beyond', () => {
    expect(inflatedSigma(SIGMA_0 / 7, 100)).toBeCloseTo(SIGMA_0, 10);
    expect(inflatedSigma(SIGMA_0 / 7, 1000)).toBe(SIGMA_0);
    expect(inflatedSigma(2, 0)).toBe(2);
    expect(inflatedSigma(2, 4)).toBeCloseTo(Math.sqrt(4 + 4 * INACTIVITY_SIGMA_PER_PERIOD ** 2), 12);
  });

  it('shows the grown σ, and the next rated match starts from it', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1));
    const store = new MemoryStore();
    for (let i = 0; i < 20; i++)
      await rateArenaMatch(store, { matchId: `m${i}`, game: 'kuhn', seats, returns: i % 2 ? [1, -1] : [-1, 1] }, clock.now());
    const settled = await store.ladderRatings({ game: 'kuhn' });
    // Less than a period later nothing has grown.
    await clock.advance(RATING_PERIOD_MS - 1);
    expect(ladderAsOf(settled, clock.now())).toEqual(settled);
    await clock.advance(1 + 29 * RATING_PERIOD_MS); // 30 whole periods away
    const shown = ladderAsOf(settled, clock.now());
    for (const [i, r] of shown.entries()) {
      const before = settled.find((s) => s.player === r.player)!;
      expect(r.sigma).toBeCloseTo(Math.sqrt(before.sigma ** 2 + 30 * INACTIVITY_SIGMA_PER_PERIOD ** 2), 12);
      expect(r.ordinal).toBeCloseTo(r.mu - 3 * r.sigma, 12);
      expect(r.mu).toBe(before.mu);
      expect(shown[i]).not.toBe(before);
    }
    // The stored entry is unchanged (the growth is applied on reading, never twice).
    expect(await store.ladderRatings({ game: 'kuhn' })).toEqual(settled);
    // A match after the break moves μ further than the same match would have without it.
    const fresh = new MemoryStore();
    for (const r of settled)
      await fresh.applyLadderUpdate({
        matchId: r.player,
        game: 'kuhn',
        scoring: null,
        scores: [],
        ratings: [{ ...r, version: 1 }],
      });
    await rateArenaMatch(fresh, { matchId: 'soon', game: 'kuhn', seats, returns: [1, -1] }, settled[0]!.updatedAt);
    await rateArenaMatch(store, { matchId: 'late', game: 'kuhn', seats, returns: [1, -1] }, clock.now());
    const gain = async (s: MemoryStore) => {
      const x = (await s.ladderRatings({ game: 'kuhn' })).find((r) => r.name === 'x')!;
      return x.mu - settled.find((r) => r.name === 'x')!.mu;
    };
    expect(await gain(store)).toBeGreaterThan(await gain(fresh));
    const late = (await store.ladderRatings({ game: 'kuhn' })).find((r) => r.name === 'x')!;
    expect(late.sigma).toBeGreaterThan(settled.find((r) => r.name === 'x')!.sigma);
  });
});
