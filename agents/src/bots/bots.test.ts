import { createRng, kuhn } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { agentKinds, createAgent } from '../registry';

const input = (legalActions: string[], observation: unknown = {}) => ({
  gameId: 'kuhn',
  seat: 0,
  observation,
  legalActions,
  deadlineMs: 1000,
  rng: createRng(1),
});

describe('built-in bots', () => {
  it('random picks every legal action, and only legal ones', () => {
    const bot = createAgent('random', 'leduc');
    const seen = new Set<string>();
    const rng = createRng(3);
    for (let i = 0; i < 300; i++) seen.add(bot.act({ ...input(['call', 'fold', 'raise']), rng }) as string);
    expect([...seen].sort()).toEqual(['call', 'fold', 'raise']);
  });

  it('call checks or calls in Leduc and never folds', () => {
    const bot = createAgent('call', 'leduc');
    expect(bot.act(input(['bet', 'check']))).toBe('check');
    expect(bot.act(input(['call', 'fold', 'raise']))).toBe('call');
  });

  it('call passes to check and bets to call in Kuhn', () => {
    const bot = createAgent('call', 'kuhn');
    let s = kuhn.applyAction(kuhn.applyAction(kuhn.newInitialState({ players: 2 }), 'chance', 'deal 0 J'), 'chance', 'deal 1 Q');
    expect(bot.act(input(['bet', 'pass'], kuhn.observation(s, 0)))).toBe('pass');
    s = kuhn.applyAction(kuhn.applyAction(s, 0, 'pass'), 1, 'bet');
    expect(bot.act(input(['bet', 'pass'], kuhn.observation(s, 0)))).toBe('bet');
  });

  it('names the known kinds when a spec is unknown', () => {
    expect(agentKinds()).toEqual(expect.arrayContaining(['call', 'random']));
    expect(() => createAgent('nonesuch', 'kuhn')).toThrow(/unknown agent 'nonesuch' \(known kinds: .*call.*random/);
  });
});
