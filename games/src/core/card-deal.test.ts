import { describe, expect, it } from 'vitest';
import { kuhn } from '../kuhn';
import { leduc } from '../leduc';
import { nlhe } from '../nlhe';
import { dealAction, dealChanceText, parseDeal } from './card-deal';

describe('the card games’ deal grammar', () => {
  it('writes and reads private, public and hidden deals', () => {
    expect(dealAction(3, 'As')).toBe('deal 3 As');
    expect(dealAction('board', 'Kd')).toBe('deal board Kd');
    expect(dealAction(1, null)).toBe('deal 1 ??');
    expect(parseDeal('deal 3 As')).toEqual({ to: 3, card: 'As' });
    expect(parseDeal('deal board Kd')).toEqual({ to: 'board', card: 'Kd' });
    expect(parseDeal('deal 1 ??')).toEqual({ to: 1, card: null });
    expect(parseDeal('3: raise 300')).toBeNull();
    expect(parseDeal('deal 3')).toBeNull();
  });

  it('shows a private card in a replay only to its owner, the board to all', () => {
    expect(dealChanceText('deal 1 Q', 1)).toBe('deal to seat 1: Q');
    expect(dealChanceText('deal 1 Q', 0)).toBe('deal to seat 1');
    expect(dealChanceText('deal 1 Q', null)).toBe('deal to seat 1');
    expect(dealChanceText('deal board Kd', null)).toBe('board: Kd');
    expect(dealChanceText('roll 1 4', 1)).toBe('chance');
  });

  it('is the chanceText of Kuhn, Leduc and NLHE, and reads each one’s chance outcomes', () => {
    for (const game of [kuhn, leduc, nlhe] as const) {
      expect(game.chanceText).toBe(dealChanceText);
      let state: unknown = game.newInitialState(game.descriptor.defaultParams as never);
      const first = game.chanceOutcomes(state as never)[0]!.action;
      expect(parseDeal(first)).toMatchObject({ to: expect.anything(), card: expect.any(String) });
      state = game.applyAction(state as never, 'chance', first);
      expect(dealAction(parseDeal(first)!.to, parseDeal(first)!.card)).toBe(first);
    }
  });
});

describe('Kuhn’s check and call', () => {
  it('are `pass` when nothing is owed and `bet` facing a bet, read from its own observation', () => {
    let s = kuhn.newInitialState(kuhn.descriptor.defaultParams);
    s = kuhn.applyAction(s, 'chance', 'deal 0 J');
    s = kuhn.applyAction(s, 'chance', 'deal 1 Q');
    expect(kuhn.passiveAction?.(kuhn.observation(s, 0))).toBe('pass');
    s = kuhn.applyAction(s, 0, 'bet');
    expect(kuhn.passiveAction?.(kuhn.observation(s, 1))).toBe('bet');
  });
});
