import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkConformance, countTree, playthrough } from '../testkit';
import { type LeducState, leduc } from './leduc';

const params = leduc.descriptor.defaultParams;

function deal(p0: string, p1: string): LeducState {
  return leduc.applyAction(leduc.applyAction(leduc.newInitialState(params), 'chance', `deal 0 ${p0}`), 'chance', `deal 1 ${p1}`);
}

function play(s: LeducState, ...actions: string[]): LeducState {
  for (const a of actions) {
    const actor = leduc.currentPlayer(s);
    const who = actor === 'chance' ? 'chance' : (actor as number);
    const err = leduc.validateAction(s, who, a);
    if (err) throw new Error(`${a}: ${err.message}`);
    s = leduc.applyAction(s, who, a);
  }
  return s;
}

describe('leduc', () => {
  it('passes the conformance kit', () => {
    const report = checkConformance(leduc, { params, playouts: 500, seed: 11 });
    expect(report.maxLength).toBeGreaterThan(6);
  });

  it('has 936 information sets (published count)', () => {
    const count = countTree(leduc, params);
    expect(count.infoSets).toBe(936);
    expect(count.nonChanceStates).toBe(9300);
  });

  it('allows folding only when facing a bet, and at most two raises a round', () => {
    const s = deal('Ks', 'Qh');
    expect(leduc.legalActions(s, 0)).toEqual(['bet', 'check']);
    const bet = play(s, 'bet');
    expect(leduc.legalActions(bet, 1)).toEqual(['call', 'fold', 'raise']);
    expect(leduc.legalActions(play(bet, 'raise'), 0)).toEqual(['call', 'fold']);
  });

  it('bets 2 in round one and 4 in round two, and pays the pot to a pair with the board', () => {
    // Round one: bet 2, raise to 4, call: 1 + 4 each. Round two: bet 4, call: 9 each in total.
    const s = play(deal('Qs', 'Kh'), 'bet', 'raise', 'call', 'deal board Qh', 'bet', 'call');
    expect(leduc.isTerminal(s)).toBe(true);
    expect(leduc.returns(s)).toEqual([9, -9]);
    expect(leduc.spectatorView(s)).toMatchObject({ pot: 18, shown: ['Qs', 'Kh'] });
  });

  it('splits the pot when ranks tie and nobody pairs', () => {
    const s = play(deal('Ks', 'Kh'), 'check', 'bet', 'call', 'deal board Jh', 'check', 'check');
    expect(leduc.returns(s)).toEqual([0, 0]);
  });

  it('ends the hand on a fold without revealing cards', () => {
    const s = play(deal('Js', 'Kh'), 'check', 'bet', 'fold');
    expect(leduc.returns(s)).toEqual([-1, 1]);
    expect(JSON.stringify(leduc.spectatorView(s))).not.toContain('Js');
    expect(JSON.stringify(leduc.observation(s, 1))).not.toContain('Js');
  });

  it('matches its golden playthrough', () => {
    const golden = readFileSync(new URL('./__golden__/leduc-seed7.txt', import.meta.url), 'utf8');
    expect(playthrough(leduc, params, 7)).toBe(golden);
  });
});
