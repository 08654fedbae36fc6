import { describe, expect, it } from 'vitest';
import { parseCards } from './cards';
import { type EquityResult, equity } from './equity';
import { evaluate } from './eval';

function run(query: Parameters<typeof equity>[0]): EquityResult {
  const answer = equity(query);
  if (!answer.ok) throw new Error(answer.error);
  return answer.result;
}

const pairs = (rank: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) out.push(`${rank}${'cdhs'[i]}${rank}${'cdhs'[j]}`);
  return out;
};

describe('equity, exact pre-flop', () => {
  it('gives AA 81.95% against KK over all 36 suit combinations (the published figure)', () => {
    // Renaming suits maps a deal to one of equal equity, so the 36 combinations fall into three
    // classes by how many suits the pairs share (0, 1 or 2): enumerate one of each, weighted by
    // how many of the 36 fall in it (each full enumeration takes seconds).
    const suits = (hand: string) => new Set([hand[1], hand[3]]);
    const shared = (a: string, b: string) => [...suits(a)].filter((s) => suits(b).has(s)).length;
    const classes = new Map<number, { hands: [string, string]; count: number }>();
    for (const aces of pairs('A'))
      for (const kings of pairs('K')) {
        const key = shared(aces, kings);
        const seen = classes.get(key);
        if (seen) seen.count++;
        else classes.set(key, { hands: [aces, kings], count: 1 });
      }
    expect([...classes.values()].map((c) => c.count).sort((a, b) => a - b)).toEqual([6, 6, 24]);
    let sum = 0;
    for (const { hands, count } of classes.values()) sum += count * run({ hands }).equity[0]!;
    expect(sum / 36).toBeCloseTo(0.81946, 4);
    // One suit shared, renamed: the same equity (the two-shared class is checked below).
    expect(run({ hands: ['AhAd', 'KsKd'] }).equity[0]).toBeCloseTo(run({ hands: ['AcAs', 'KhKc'] }).equity[0]!, 12);
  });

  it('enumerates all 1,712,304 boards for AsAh vs KsKh; shared suits help the aces', () => {
    const shared = run({ hands: ['AsAh', 'KsKh'] });
    expect(shared).toMatchObject({ exact: true, trials: 1_712_304 });
    expect(shared.equity[0]).toBeCloseTo(0.82637, 4);
    expect(shared.equity[0]! + shared.equity[1]!).toBeCloseTo(1, 12);
    expect(shared.win[0]! + shared.win[1]! + shared.tie[0]!).toBeCloseTo(1, 12);
    const disjoint = run({ hands: ['AcAd', 'KhKs'] });
    expect(disjoint.equity[0]).toBeCloseTo(0.81255, 4);
    // Renaming suits changes nothing.
    expect(run({ hands: ['AdAc', 'KdKc'] }).equity[0]).toBeCloseTo(shared.equity[0]!, 12);
  });

  it('makes AKs against 22 a coin flip', () => {
    const r = run({ hands: ['AhKh', '2c2d'] });
    expect(r.equity[0]).toBeGreaterThan(0.49);
    expect(r.equity[0]).toBeLessThan(0.51);
  });
});

describe('equity on the flop and turn', () => {
  /** The definition, the slow way: deal every remaining pair of cards and compare with `evaluate`. */
  function bruteForce(hands: string[], board: string): number[] {
    const holes = hands.map((h) => parseCards(h)!);
    const known = parseCards(board)!;
    const used = new Set([...holes.flat(), ...known]);
    const deck = Array.from({ length: 52 }, (_, c) => c).filter((c) => !used.has(c));
    const share = hands.map(() => 0);
    let n = 0;
    for (let i = 0; i < deck.length; i++) {
      for (let j = i + 1; j < deck.length; j++) {
        const full = [...known, deck[i]!, deck[j]!];
        const scores = holes.map((h) => evaluate([...h, ...full]));
        const best = Math.max(...scores);
        const winners = scores.filter((x) => x === best).length;
        for (const [p, x] of scores.entries()) if (x === best) share[p]! += 1 / winners;
        n++;
      }
    }
    return share.map((x) => x / n);
  }

  it('matches a brute-force count on a flop with three hands', () => {
    const hands = ['AhKh', 'QsQd', '9c8c'];
    const r = run({ hands, board: 'Qh7h6c' });
    expect(r.trials).toBe(903); // C(43, 2)
    for (const [p, e] of bruteForce(hands, 'Qh7h6c').entries()) expect(r.equity[p]).toBeCloseTo(e, 12);
  });

  it('knows a locked hand and a pure chop', () => {
    expect(run({ hands: ['AsKs', 'AhAd'], board: 'QsJsTs2c' }).equity).toEqual([1, 0]);
    const chop = run({ hands: ['2c3d', '4h5d'], board: 'AsKsQsJsTs' });
    expect(chop).toMatchObject({ equity: [0.5, 0.5], tie: [1, 1], trials: 1 });
  });

  it('removes dead cards from the deck', () => {
    const r = run({ hands: ['AhKh', 'QsQd'], board: '2h3h4c', dead: '5h6h7h8h' });
    expect(r.trials).toBe(820); // C(41, 2)
  });
});

describe('equity by Monte Carlo', () => {
  it('agrees with the exact answer within sampling error, reproducibly for a seed', () => {
    const exact = run({ hands: ['AsAh', 'KsKh'] }).equity[0]!;
    const sampled = run({ hands: ['AsAh', 'KsKh'], exactLimit: 0, samples: 100_000, seed: 3 });
    expect(sampled.exact).toBe(false);
    expect(Math.abs(sampled.equity[0]! - exact)).toBeLessThan(0.006);
    expect(run({ hands: ['AsAh', 'KsKh'], exactLimit: 0, samples: 1000, seed: 9 })).toEqual(
      run({ hands: ['AsAh', 'KsKh'], exactLimit: 0, samples: 1000, seed: 9 }),
    );
  });

  it('deals unknown hands at random: aces win about 85% against one random hand', () => {
    const r = run({ hands: ['AsAh', null], samples: 100_000, seed: 1 });
    expect(r.equity[0]).toBeGreaterThan(0.845);
    expect(r.equity[0]).toBeLessThan(0.86);
  });
});

describe('equity input errors', () => {
  it('reports duplicate cards, bad boards and too few hands', () => {
    expect(equity({ hands: ['AsAh', 'AsKd'] })).toEqual({ ok: false, error: 'As appears twice' });
    expect(equity({ hands: ['AsAh', 'KsKd'], board: '2c3c' })).toMatchObject({ ok: false });
    expect(equity({ hands: ['AsAh'] })).toMatchObject({ ok: false });
    expect(equity({ hands: ['AsAhKd', 'QsQd'] })).toMatchObject({ ok: false });
  });
});
