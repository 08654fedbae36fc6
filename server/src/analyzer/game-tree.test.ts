import { type Game, kuhn, leduc } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { CHANCE, compileTree, DECISION, stateAt, TERMINAL } from './game-tree';

describe('compileTree', () => {
  it('Kuhn: 54 non-chance states and 12 information sets (published counts)', () => {
    const tree = compileTree(kuhn, { players: 2 });
    expect(tree.nonChanceNodes).toBe(54);
    expect(tree.infosets.count).toBe(12);
    expect(tree.infosets.numSlots).toBe(24);
  });

  it("Leduc: 9,300 non-chance states and 936 information sets (OpenSpiel's counts)", () => {
    const tree = compileTree(leduc, { players: 2 });
    expect(tree.nonChanceNodes).toBe(9300);
    expect(tree.infosets.count).toBe(936);
  });

  it('lays children out after their parent, with chance probabilities summing to 1', () => {
    const tree = compileTree(leduc, { players: 2 });
    for (let h = 0; h < tree.numNodes; h++) {
      const first = tree.childStart[h] as number;
      const n = tree.childCount[h] as number;
      if (tree.kind[h] === TERMINAL) continue;
      expect(first).toBeGreaterThan(h);
      if (tree.kind[h] === CHANCE) {
        let sum = 0;
        for (let c = first; c < first + n; c++) sum += tree.prob[c] as number;
        expect(sum).toBeCloseTo(1, 12);
      } else {
        expect(tree.kind[h]).toBe(DECISION);
        expect(n).toBe(tree.infosets.actions[tree.infoset[h] as number]?.length);
      }
    }
  });

  it('rebuilds a state per node whose information-state key is its set’s key', () => {
    const tree = compileTree(leduc, { players: 2 });
    const { nodeStart, nodeList, keys, player } = tree.infosets;
    for (let i = 0; i < tree.infosets.count; i += 7) {
      const node = nodeList[(nodeStart[i + 1] as number) - 1] as number;
      expect(leduc.infoStateKey(stateAt(leduc, tree, node), player[i] as number)).toBe(keys[i]);
    }
  });

  it('refuses games that are not two-player, sequential and zero-sum, by their traits', () => {
    const withTraits = (traits: object, players = 2) =>
      ({
        ...kuhn,
        descriptor: {
          ...kuhn.descriptor,
          id: 'fake',
          traits: { ...kuhn.descriptor.traits, ...traits },
          numPlayers: () => players,
        },
      }) as Game<any, any>;
    expect(() => compileTree(withTraits({ utility: 'general-sum' }), {})).toThrow(/zero-sum/);
    expect(() => compileTree(withTraits({ dynamics: 'simultaneous' }), {})).toThrow(/sequential/);
    expect(() => compileTree(withTraits({}, 3), {})).toThrow(/two-player/);
  });

  it('refuses imperfect recall', () => {
    // Each seat forgets the first betting round once the board is dealt.
    const forgetful = {
      ...leduc,
      infoStateKey: (s: any, seat: number) => `${s.cards[seat]}|${s.board}|${s.rounds[s.rounds.length - 1].join('')}`,
    } as Game<any, any>;
    expect(() => compileTree(forgetful, { players: 2 })).toThrow(/perfect-recall/);
  });
});
