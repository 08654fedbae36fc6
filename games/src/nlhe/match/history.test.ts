import { describe, expect, it } from 'vitest';
import { nlhe } from '../game';
import { actLine, parseHistoryLine, raiseTotal } from './history';

describe('NLHE history lines', () => {
  it('reads every line of a view’s history, hidden hole cards included', () => {
    let s = nlhe.newInitialState(nlhe.descriptor.defaultParams);
    while (nlhe.currentPlayer(s) === 'chance') s = nlhe.applyAction(s, 'chance', nlhe.chanceOutcomes(s)[0]!.action);
    const seat = nlhe.currentPlayer(s) as number;
    s = nlhe.applyAction(s, seat, 'call');
    const view = nlhe.observation(s, 0) as { history: string[]; hole: string[] };
    const lines = view.history.map(parseHistoryLine);
    expect(lines.every((l) => l !== null)).toBe(true);
    const mine = lines.flatMap((l) => (l?.kind === 'deal' && l.to === 0 ? [l.card] : []));
    expect(mine).toEqual(view.hole);
    expect(lines.filter((l) => l?.kind === 'deal' && l.to !== 0).every((l) => l?.kind === 'deal' && l.card === null)).toBe(true);
    expect(lines.at(-1)).toEqual({ kind: 'act', seat, action: 'call' });
    expect(parseHistoryLine(actLine(4, 'raise 300'))).toEqual({ kind: 'act', seat: 4, action: 'raise 300' });
    expect(parseHistoryLine('deal board Kd')).toEqual({ kind: 'deal', to: 'board', card: 'Kd' });
    expect(parseHistoryLine('hello')).toBeNull();
  });

  it('reads the total of a raise, and nothing from other actions', () => {
    expect(raiseTotal('raise 300')).toBe(300);
    expect(raiseTotal('call')).toBeNull();
    expect(raiseTotal('deal board Kd')).toBeNull();
    expect(raiseTotal('raise lots')).toBeNull();
  });
});
