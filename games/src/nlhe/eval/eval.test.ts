import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { parseCards } from '../cards';
import { bestFive, categoryName, describeStrength, handCategory } from './describe';
import { evaluate, evaluate7, FLUSH_TABLE, nonFlush7, RANK_BIT, RANK_KEY, SUIT_KEY } from './evaluate';
import { bestFlush, bestNonFlush, denseRanks, forEachRankMultiset, popcount13 } from './ranking';
import { CATEGORY_OF, RANK_WEIGHTS } from './tables';

const strengthOf = (text: string): number => evaluate(parseCards(text)!);

/** Published counts of seven-card hands by category (133,784,560 in all). */
const SEVEN_CARD_COUNTS = [23_294_460, 58_627_800, 31_433_400, 6_461_620, 6_180_020, 4_047_644, 3_473_184, 224_848, 41_584];
/** Published counts of five-card hands by category (2,598,960 in all). */
const FIVE_CARD_COUNTS = [1_302_540, 1_098_240, 123_552, 54_912, 10_200, 5_108, 3_744, 624, 40];

describe('rank weights', () => {
  it('give every multiset of up to seven ranks (at most four of a kind) its own sum', () => {
    for (const size of [5, 6, 7]) {
      const sums = new Set<number>();
      let count = 0;
      forEachRankMultiset(size, (counts) => {
        count++;
        sums.add(counts.reduce((acc, c, r) => acc + c * RANK_WEIGHTS[r]!, 0));
      });
      expect(sums.size).toBe(count);
    }
  });
});

describe('hand classes', () => {
  it('has the 7,462 distinct five-card hand values', () => {
    expect(denseRanks().size).toBe(7462);
  });
});

describe('evaluate7, exhaustively', () => {
  it('counts every one of the 133,784,560 seven-card hands into the published categories and 4,824 classes', () => {
    const t0 = performance.now();
    // Local aliases: the test runner rewrites imports into property reads, too slow for 133M iterations.
    const [rankKey, suitKey, rankBit, flushTable, category] = [RANK_KEY, SUIT_KEY, RANK_BIT, FLUSH_TABLE, CATEGORY_OF];
    const nonFlush = nonFlush7;
    const counts = new Float64Array(9);
    const seen = new Uint8Array(7463);
    // Incremental partial state per depth: rank-key sum, suit-nibble sum, and four suit masks.
    const rank = new Int32Array(8);
    const suit = new Int32Array(8);
    const masks = new Int32Array(8 * 4);
    const push = (depth: number, c: number) => {
      rank[depth] = rank[depth - 1]! + rankKey[c]!;
      suit[depth] = suit[depth - 1]! + suitKey[c]!;
      for (let s = 0; s < 4; s++) masks[depth * 4 + s] = masks[(depth - 1) * 4 + s]!;
      masks[depth * 4 + (c & 3)]! |= rankBit[c]!;
    };
    for (let a = 0; a < 46; a++) {
      push(1, a);
      for (let b = a + 1; b < 47; b++) {
        push(2, b);
        for (let c = b + 1; c < 48; c++) {
          push(3, c);
          for (let d = c + 1; d < 49; d++) {
            push(4, d);
            for (let e = d + 1; e < 50; e++) {
              push(5, e);
              for (let f = e + 1; f < 51; f++) {
                push(6, f);
                const r6 = rank[6]!;
                const s6 = suit[6]!;
                for (let g = f + 1; g < 52; g++) {
                  const suitSum = s6 + suitKey[g]!;
                  let v: number;
                  if (((suitSum + 0x3333) & 0x8888) !== 0) {
                    const fs = (31 - Math.clz32((suitSum + 0x3333) & 0x8888)) >> 2;
                    v = flushTable[masks[24 + fs]! | ((g & 3) === fs ? rankBit[g]! : 0)]!;
                  } else {
                    v = nonFlush(r6 + rankKey[g]!);
                  }
                  counts[category[v]!]!++;
                  seen[v] = 1;
                }
              }
            }
          }
        }
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(`exhaustive 7-card enumeration: ${seconds.toFixed(2)} s`);
    expect(Array.from(counts)).toEqual(SEVEN_CARD_COUNTS);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(133_784_560);
    expect(seen.reduce((x, y) => x + y, 0)).toBe(4824);
    expect(counts[8]).toBe(41_584); // straight flushes, royal flushes included
  });

  it('counts the royal flushes among the straight flushes (4,324)', () => {
    // Seven-card hands holding A-K-Q-J-T of one suit: 4 suits x C(47, 2) other cards.
    let royals = 0;
    for (let s = 0; s < 4; s++) {
      const royal = [8, 9, 10, 11, 12].map((r) => r * 4 + s);
      const rest = Array.from({ length: 52 }, (_, c) => c).filter((c) => !royal.includes(c));
      for (let i = 0; i < rest.length; i++) {
        for (let j = i + 1; j < rest.length; j++) {
          const v = evaluate7(royal[0]!, royal[1]!, royal[2]!, royal[3]!, royal[4]!, rest[i]!, rest[j]!);
          if (v === 7462) royals++;
        }
      }
    }
    expect(royals).toBe(4324);
  });
});

describe('five-card evaluation', () => {
  it('counts the 2,598,960 five-card hands into the published categories', () => {
    const counts = new Array<number>(9).fill(0);
    const hand = [0, 0, 0, 0, 0];
    for (let a = 0; a < 48; a++)
      for (let b = a + 1; b < 49; b++)
        for (let c = b + 1; c < 50; c++)
          for (let d = c + 1; d < 51; d++)
            for (let e = d + 1; e < 52; e++) {
              hand[0] = a;
              hand[1] = b;
              hand[2] = c;
              hand[3] = d;
              hand[4] = e;
              counts[handCategory(evaluate(hand))]!++;
            }
    expect(counts).toEqual(FIVE_CARD_COUNTS);
  });
});

/** The slow definition: the best of every five-card subset, each scored by the ranking rules. */
function referenceStrength(cards: readonly number[], dense: Map<number, number>): number {
  let best = 0;
  const score = (five: readonly number[]) => {
    const counts = new Array<number>(13).fill(0);
    let mask = 0;
    for (const c of five) {
      counts[c >> 2]!++;
      mask |= 1 << (c >> 2);
    }
    const flush = five.every((c) => (c & 3) === (five[0]! & 3));
    return dense.get(flush ? bestFlush(mask) : bestNonFlush(counts))!;
  };
  const pick = (from: number, chosen: number[]): void => {
    if (chosen.length === 5) {
      best = Math.max(best, score(chosen));
      return;
    }
    for (let i = from; i < cards.length; i++) pick(i + 1, [...chosen, cards[i]!]);
  };
  pick(0, []);
  return best;
}

describe('evaluate7 against the slow definition', () => {
  it('agrees on 30,000 random hands, a quarter of them rich in flushes', () => {
    const dense = denseRanks();
    const rng = createRng(99);
    const deck = Array.from({ length: 52 }, (_, c) => c);
    for (let t = 0; t < 30_000; t++) {
      // Every fourth hand is drawn from two suits only, so flushes and straight flushes are common.
      const pool = t % 4 === 0 ? deck.filter((c) => (c & 3) < 2) : deck.slice();
      for (let k = 0; k < 7; k++) {
        const j = k + rng.int(pool.length - k);
        [pool[k], pool[j]] = [pool[j]!, pool[k]!];
      }
      const hand = pool.slice(0, 7);
      expect(evaluate7(hand[0]!, hand[1]!, hand[2]!, hand[3]!, hand[4]!, hand[5]!, hand[6]!)).toBe(
        referenceStrength(hand, dense),
      );
    }
  });

  it('scores six cards like the best five of them', () => {
    const dense = denseRanks();
    const rng = createRng(3);
    for (let t = 0; t < 5_000; t++) {
      const deck = Array.from({ length: 52 }, (_, c) => c);
      const six: number[] = [];
      for (let k = 0; k < 6; k++) six.push(deck.splice(rng.int(deck.length), 1)[0]!);
      let best = 0;
      for (let i = 0; i < 6; i++) best = Math.max(best, evaluate(six.filter((_, k) => k !== i)));
      expect(evaluate(six)).toBe(best);
      expect(best).toBe(referenceStrength(six, dense));
    }
  });
});

describe('spot checks', () => {
  it('plays the wheel A-2-3-4-5 as the lowest straight', () => {
    const wheel = strengthOf('As2d3c4h5s9dKh');
    expect(categoryName(wheel)).toBe('Straight');
    expect(describeStrength(wheel)).toBe('Straight, five high');
    expect(wheel).toBeLessThan(strengthOf('2s3d4c5h6s9dKh'));
    expect(wheel).toBeGreaterThan(strengthOf('AsAdAc5h6s9dKh')); // trips lose to any straight
  });

  it('plays the steel wheel as a five-high straight flush, below a six-high one', () => {
    const steel = strengthOf('Ah2h3h4h5h9c9d');
    expect(categoryName(steel)).toBe('Straight flush');
    expect(describeStrength(steel)).toBe('Straight flush, five high');
    expect(steel).toBeLessThan(strengthOf('2h3h4h5h6hKcKd'));
    expect(steel).toBeGreaterThan(strengthOf('AhAdAcAs5h9c9d')); // above four aces
    expect(describeStrength(strengthOf('AsKsQsJsTs2c3d'))).toBe('Royal flush');
  });

  it('decides by kickers, and only by the best five cards', () => {
    expect(strengthOf('AhAd9c8s2d3c4h')).toBeGreaterThan(strengthOf('AsAc9h7s2d3c4h')); // eight kicker beats seven
    expect(strengthOf('AhKd9c8s6d3c2h')).toBe(strengthOf('AhKd9c8s6d4c3h')); // the sixth and seventh cards do not play
    expect(describeStrength(strengthOf('KhKdKc7s7d2c3h'))).toBe('Full house, kings full of sevens');
    expect(describeStrength(strengthOf('AhAdKcKs8h8d2c'))).toBe('Two pair, aces and kings, eight kicker');
  });

  it('counterfeits a two pair when the board pairs higher', () => {
    // 5-5 on 7-7-8-8-K plays 8-8-7-7-K: the same hand as 2-3 offsuit.
    expect(strengthOf('5h5d7c7s8h8dKc')).toBe(strengthOf('2c3d7c7s8h8dKc'));
    // ... while a queen kicker would beat it.
    expect(strengthOf('Qh4d7c7s8h8dTc')).toBeGreaterThan(strengthOf('5h5d7c7s8h8dTc'));
  });

  it('ranks a flush above a straight and a full house above a flush', () => {
    const flush = strengthOf('2h7h9hJhQh3c4d');
    const straight = strengthOf('8c9dTsJhQc2d3s');
    const fullHouse = strengthOf('2c2d2h3s3c9h8h');
    expect(flush).toBeGreaterThan(straight);
    expect(fullHouse).toBeGreaterThan(flush);
    expect(categoryName(flush)).toBe('Flush');
  });

  it('names the five cards that play', () => {
    expect(bestFive(parseCards('AsKsQsJsTs2c3d')!)).toEqual(['As', 'Ks', 'Qs', 'Js', 'Ts']);
    expect(bestFive(parseCards('AhAdAcAs2d3c4h')!).sort()).toEqual(['4h', 'Ac', 'Ad', 'Ah', 'As']);
  });

  it('has a flush table entry for every suit with five or more cards', () => {
    for (let mask = 0; mask < 8192; mask++) expect(FLUSH_TABLE[mask]! > 0).toBe(popcount13(mask) >= 5);
  });
});
