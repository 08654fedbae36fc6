/**
 * Coverage simulations for the interval kinds that claim 95% (issue 15). The bootstrap confidence
 * interval of Bradley–Terry is simulated in bradley-terry.test.ts; here the normal-approximation
 * confidence interval of mbb/hand over duplicate groups, and OpenSkill's credible band μ ± 1.96σ.
 * Each draws from fixed seeds and counts how often the interval holds the truth.
 */
import { createRng } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { INTERVAL_LABEL } from './leaderboard';
import { openSkillRatings } from './openskill';
import type { RatedMatch } from './outcomes';
import { pokerRatings } from './poker';

/** A standard normal draw (Box–Muller) from the seeded generator. */
function normal(rng: ReturnType<typeof createRng>): number {
  const u = 1 - rng.float();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.float());
}

describe('interval coverage', () => {
  it('mbb/hand: the 95% confidence interval over duplicate groups covers the true edge about 95% of the time', () => {
    // Heads-up duplicate: each deal's luck L (large) goes to seat 0 in both matches of the group,
    // so it cancels in the group mean; a's true edge is 0.25 chips per hand, its play noise is
    // skewed (exponential), so the normal approximation is really put to the test.
    const rng = createRng(15_001);
    const edge = 0.25;
    const scale = { bigBlind: 1, handsPerMatch: 1 };
    const truth = 1000 * edge;
    let covered = 0;
    let naive = 0;
    const tournaments = 400;
    for (let t = 0; t < tournaments; t++) {
      const matches: RatedMatch[] = [];
      for (let g = 0; g < 30; g++) {
        const luck = 10 * normal(rng);
        const play = () => edge + (-Math.log(1 - rng.float()) - 1) * 2;
        const x1 = luck + play();
        const x2 = -luck + play();
        matches.push({ seats: ['a', 'b'], returns: [x1, -x1], group: `g${g}`, groupSize: 2 });
        matches.push({ seats: ['b', 'a'], returns: [-x2, x2], group: `g${g}`, groupSize: 2 });
      }
      const a = pokerRatings(['a', 'b'], matches, scale).get('a')!;
      if (a.duplicate!.lo! <= truth && truth <= a.duplicate!.hi!) covered++;
      // The old mistake: the mirrored matches taken as independent observations.
      const values = matches.map((m) => 1000 * (m.returns[m.seats.indexOf('a')] as number));
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
      if (Math.abs(mean - truth) <= (1.96 * sd) / Math.sqrt(values.length)) naive++;
    }
    console.log(
      `mbb normal CI over duplicate groups: ${covered}/${tournaments}; matches as independent: ${naive}/${tournaments}`,
    );
    expect(covered / tournaments).toBeGreaterThanOrEqual(0.92);
    expect(covered / tournaments).toBeLessThanOrEqual(0.98);
    expect(naive).toBe(tournaments); // far too wide: it never misses, so it says nothing
  });

  it('OpenSkill: μ ± 1.96σ is a model-based credible band whose coverage is far from 95%, so it claims none', () => {
    // Skills drawn from OpenSkill's prior N(25, (25/3)²); each match ranks six players by a
    // performance skill + N(0, β²), β = 25/6. Early on the band is wide (it covers nearly always);
    // σ then shrinks faster than the error does, and after 30 matches it covers about half the
    // time. Hence the leaderboard labels it a credible band and never a 95% confidence interval.
    const coverageAfter = (matchesPlayed: number) => {
      const rng = createRng(15_002);
      const names = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
      let covered = 0;
      let total = 0;
      for (let t = 0; t < 120; t++) {
        const skill = names.map(() => 25 + (25 / 3) * normal(rng));
        const matches: RatedMatch[] = [];
        for (let m = 0; m < matchesPlayed; m++)
          matches.push({ seats: names, returns: skill.map((s) => s + (25 / 6) * normal(rng)) });
        const ratings = openSkillRatings(names, matches);
        names.forEach((name, i) => {
          const r = ratings.get(name)!;
          total++;
          if (Math.abs(r.mu - skill[i]!) <= 1.96 * r.sigma) covered++;
        });
      }
      return covered / total;
    };
    const early = coverageAfter(5);
    const late = coverageAfter(30);
    console.log(`OpenSkill μ ± 1.96σ coverage: ${early.toFixed(3)} after 5 matches, ${late.toFixed(3)} after 30`);
    expect(early).toBeGreaterThan(0.97);
    expect(late).toBeLessThan(0.7);
    expect(INTERVAL_LABEL['credible-band']).not.toMatch(/confidence/);
  });
});
