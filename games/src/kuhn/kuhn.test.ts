import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkConformance, playthrough } from '../testkit';
import { countTree } from '../testkit/tree-count';
import { kuhn } from './kuhn';

const params = kuhn.descriptor.defaultParams;

describe('kuhn', () => {
  it('passes the conformance kit', () => {
    const report = checkConformance(kuhn, { params, playouts: 500, seed: 7 });
    expect(report.playouts).toBe(500);
    expect(report.chanceNodes).toBe(1000);
  });

  it('has 54 non-chance states, 4 chance nodes and 12 information sets (published counts)', () => {
    expect(countTree(kuhn, params)).toEqual({ nonChanceStates: 54, chanceNodes: 4, terminalStates: 30, infoSets: 12 });
  });

  it('pays the OpenSpiel amounts for every terminal history', () => {
    const play = (cards: [string, string], ...actions: string[]) => {
      let s = kuhn.applyAction(
        kuhn.applyAction(kuhn.newInitialState(params), 'chance', `deal 0 ${cards[0]}`),
        'chance',
        `deal 1 ${cards[1]}`,
      );
      actions.forEach((a, i) => {
        s = kuhn.applyAction(s, i % 2, a);
      });
      return kuhn.returns(s);
    };
    expect(play(['K', 'J'], 'pass', 'pass')).toEqual([1, -1]);
    expect(play(['J', 'Q'], 'bet', 'bet')).toEqual([-2, 2]);
    expect(play(['J', 'Q'], 'bet', 'pass')).toEqual([1, -1]);
    expect(play(['K', 'Q'], 'pass', 'bet', 'pass')).toEqual([-1, 1]);
    expect(play(['K', 'Q'], 'pass', 'bet', 'bet')).toEqual([2, -2]);
  });

  it('rejects out-of-turn, unknown and duplicate-card actions with namespaced codes', () => {
    const s0 = kuhn.newInitialState(params);
    expect(kuhn.validateAction(s0, 0, 'bet')?.code).toBe('action/not-your-turn');
    const s1 = kuhn.applyAction(s0, 'chance', 'deal 0 Q');
    expect(kuhn.validateAction(s1, 'chance', 'deal 1 Q')?.code).toBe('kuhn/card-dealt');
    const s2 = kuhn.applyAction(s1, 'chance', 'deal 1 K');
    expect(kuhn.validateAction(s2, 1, 'bet')?.code).toBe('action/not-your-turn');
    expect(kuhn.validateAction(s2, 0, 'raise')?.code).toBe('action/illegal');
    expect(kuhn.validateAction(s2, 0, 'bet')).toBeNull();
  });

  it('hides the opponent card until a showdown, and shows both after one', () => {
    let s = kuhn.applyAction(kuhn.applyAction(kuhn.newInitialState(params), 'chance', 'deal 0 Q'), 'chance', 'deal 1 K');
    expect(JSON.stringify(kuhn.observation(s, 0))).not.toContain('"K"');
    expect(JSON.stringify(kuhn.spectatorView(s))).not.toMatch(/"[JQK]"/);
    s = kuhn.applyAction(kuhn.applyAction(s, 0, 'pass'), 1, 'pass');
    expect(kuhn.spectatorView(s)).toMatchObject({ cards: ['Q', 'K'] });
  });

  it('matches its golden playthrough', () => {
    const golden = readFileSync(new URL('./__golden__/kuhn-seed7.txt', import.meta.url), 'utf8');
    expect(playthrough(kuhn, params, 7)).toBe(golden);
  });
});
