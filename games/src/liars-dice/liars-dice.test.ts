import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { supportsOf } from '../core/game';
import { checkConformance, countTree, playthrough } from '../testkit';
import { type LiarsDiceParams, type LiarsDiceState, liarsDice } from './liars-dice';

const params = liarsDice.descriptor.defaultParams;

function roll(dice: number[][], p: LiarsDiceParams = params): LiarsDiceState {
  let s = liarsDice.newInitialState(p);
  dice.forEach((faces, seat) => {
    for (const f of faces) s = liarsDice.applyAction(s, 'chance', `roll ${seat} ${f}`);
  });
  return s;
}

/** Plays bids and calls in turn, refusing any the engine calls illegal. */
const play = (start: LiarsDiceState, ...actions: string[]): LiarsDiceState =>
  actions.reduce((s, a) => {
    const seat = liarsDice.currentPlayer(s) as number;
    const error = liarsDice.validateAction(s, seat, a);
    if (error) throw new Error(`${a}: ${error.message}`);
    return liarsDice.applyAction(s, seat, a);
  }, start);

describe("liar's dice", () => {
  it('passes the conformance kit with one die and with several', () => {
    expect(checkConformance(liarsDice, { params, playouts: 400, seed: 13 }).chanceNodes).toBe(800);
    const report = checkConformance(liarsDice, { params: { players: 2, dice: 3, faces: 4 }, playouts: 100, seed: 5 });
    expect(report.chanceNodes).toBe(600);
  });

  it('has 24,576 information sets for one six-faced die each (published count), 4,096 bid histories per deal', () => {
    // Every increasing subset of the 12 bids is a history: 2^12 decision nodes and 2^12 - 1 calls per deal.
    expect(countTree(liarsDice, params)).toEqual({
      nonChanceStates: 36 * (4096 + 4095),
      chanceNodes: 7,
      terminalStates: 36 * 4095,
      infoSets: 24_576,
    });
  });

  it('offers every higher bid, quantity first then face, and the call only once a bid stands', () => {
    const s = roll([[2], [5]]);
    const opening = liarsDice.legalActions(s, 0);
    expect(opening).toHaveLength(12);
    expect(opening[0]).toBe('bid 1-1');
    expect(opening).not.toContain('liar');
    expect(liarsDice.validateAction(s, 0, 'liar')?.code).toBe('liars-dice/no-bid');
    const after = play(s, 'bid 1-5');
    expect(liarsDice.legalActions(after, 1)).toEqual([
      'bid 1-6',
      'bid 2-1',
      'bid 2-2',
      'bid 2-3',
      'bid 2-4',
      'bid 2-5',
      'bid 2-6',
      'liar',
    ]);
    expect(liarsDice.validateAction(after, 1, 'bid 1-4')?.code).toBe('liars-dice/bid-too-low');
    expect(liarsDice.validateAction(after, 1, 'bid 3-1')?.code).toBe('action/illegal');
    expect(liarsDice.validateAction(after, 0, 'bid 2-1')?.code).toBe('action/not-your-turn');
    expect(liarsDice.legalActions(play(after, 'bid 2-6'), 0)).toEqual(['liar']);
  });

  it('counts the highest face as wild and pays the bidder when enough dice match (OpenSpiel rules)', () => {
    // 2 and 6: two dice count for "2", since 6 is wild; only one counts for "3".
    expect(liarsDice.returns(play(roll([[2], [6]]), 'bid 2-2', 'liar'))).toEqual([1, -1]);
    expect(liarsDice.returns(play(roll([[2], [6]]), 'bid 1-3', 'bid 2-3', 'liar'))).toEqual([1, -1]);
    expect(liarsDice.returns(play(roll([[2], [5]]), 'bid 2-2', 'liar'))).toEqual([-1, 1]);
    expect(liarsDice.returns(play(roll([[6], [6]]), 'bid 1-1', 'bid 2-6', 'liar'))).toEqual([-1, 1]);
    const four = { players: 2 as const, dice: 2, faces: 4 };
    expect(
      liarsDice.returns(
        play(
          roll(
            [
              [1, 4],
              [4, 3],
            ],
            four,
          ),
          'bid 3-1',
          'liar',
        ),
      ),
    ).toEqual([1, -1]);
    expect(
      liarsDice.returns(
        play(
          roll(
            [
              [1, 4],
              [2, 3],
            ],
            four,
          ),
          'bid 3-1',
          'liar',
        ),
      ),
    ).toEqual([-1, 1]);
  });

  it("keys information states with OpenSpiel's strings: own dice sorted, then the bids", () => {
    const s = play(
      roll(
        [
          [3, 1],
          [2, 2],
        ],
        { players: 2, dice: 2, faces: 6 },
      ),
      'bid 1-2',
      'bid 2-5',
    );
    expect(liarsDice.infoStateKey(s, 0)).toBe('13 1-2 2-5');
    expect(liarsDice.infoStateKey(s, 1)).toBe('22 1-2 2-5');
    expect(liarsDice.infoStateKey(play(s, 'liar'), 0)).toBe('13 1-2 2-5 Liar');
  });

  it('hides the dice until the call and shows them all after it', () => {
    const s = play(roll([[3], [5]]), 'bid 1-4');
    expect(JSON.stringify(liarsDice.observation(s, 1))).not.toContain('seat 0: 3');
    expect(liarsDice.spectatorView(s)).toMatchObject({ revealed: null, standingBid: '1-4' });
    expect(liarsDice.spectatorView(play(s, 'liar'))).toMatchObject({ revealed: ['seat 0: 3', 'seat 1: 5'], matching: 0 });
  });

  it("writes a roll in a replay's log for its owner only", () => {
    expect(liarsDice.chanceText?.('roll 1 4', 1)).toBe('seat 1 rolls 4');
    expect(liarsDice.chanceText?.('roll 1 4', 0)).toBe('seat 1 rolls');
    expect(liarsDice.chanceText?.('roll 1 4', null)).toBe('seat 1 rolls');
  });

  it('refuses bad parameters and bad rolls with clear errors', () => {
    expect(liarsDice.descriptor.parseParams({ faces: 9 }).ok).toBe(false);
    expect(liarsDice.descriptor.parseParams({ players: 3 }).ok).toBe(false);
    const s = liarsDice.newInitialState(params);
    expect(liarsDice.validateAction(s, 'chance', 'roll 1 3')?.code).toBe('liars-dice/bad-roll');
    expect(liarsDice.validateAction(s, 'chance', 'roll 0 7')?.code).toBe('liars-dice/bad-roll');
    expect(liarsDice.validateAction(s, 0, 'bid 1-1')?.code).toBe('action/not-your-turn');
  });

  it('declares an exact tree and the generic web view', () => {
    expect(supportsOf(liarsDice)).toMatchObject({ exactTree: true, view: 'generic', exports: [], press: false });
  });

  it('matches its golden playthrough', () => {
    const golden = readFileSync(new URL('./__golden__/liars-dice-seed7.txt', import.meta.url), 'utf8');
    expect(playthrough(liarsDice, params, 7)).toBe(golden);
  });
});
