import { diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store';
import { ladderUpdate, matchScores, playerKey, poolsOf, rateArenaMatch } from './ladder';

describe('ladder updates', () => {
  it('names players by kind: agents, bot accounts (external bots) and people', () => {
    expect(playerKey({ name: 'random', kind: 'bot' })).toBe('agent:random');
    expect(playerKey({ name: 'llm:gpt', kind: 'llm' })).toBe('agent:llm:gpt');
    expect(playerKey({ name: 'acme-bot', kind: 'external' })).toBe('bot-account:acme-bot');
    expect(playerKey({ name: 'alice', kind: 'human' })).toBe('person:alice');
  });

  it('moves the people-only pool only when people and non-people share the table', () => {
    expect(
      poolsOf([
        { name: 'a', kind: 'human' },
        { name: 'b', kind: 'bot' },
      ]),
    ).toEqual(['all', 'vs-people']);
    expect(
      poolsOf([
        { name: 'a', kind: 'human' },
        { name: 'b', kind: 'human' },
      ]),
    ).toEqual(['all']);
    expect(
      poolsOf([
        { name: 'a', kind: 'bot' },
        { name: 'b', kind: 'external' },
      ]),
    ).toEqual(['all']);
  });

  it('ranks Diplomacy by sum-of-squares scores from the final state, not by draw shares', () => {
    let state = diplomacy.newInitialState({ lastYear: 1901 });
    while (!diplomacy.isTerminal(state)) {
      const seat = diplomacy.actingSeats(state)[0]!;
      state = diplomacy.applyAction(state, seat, diplomacy.defaultAction(state, seat));
    }
    const seats = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => ({ name, kind: 'bot' as const }));
    const { scores, scoring } = matchScores({
      matchId: 'm',
      game: 'diplomacy',
      seats,
      returns: diplomacy.returns(state),
      finalState: state,
    });
    expect(scoring).toBe('sum-of-squares');
    // Russia starts with four centres, the others three: holding everything, Russia leads.
    expect(scores[5]).toBeCloseTo(16 / (6 * 9 + 16), 12);
    const next = ladderUpdate(new Map(), { matchId: 'm', game: 'diplomacy', seats, returns: [] }, scores, 'all', 0);
    const mu = new Map(next.map((r) => [r.name, r.mu]));
    expect(mu.get('f')).toBeGreaterThan(mu.get('a')!);
    expect(mu.get('a')).toBeCloseTo(mu.get('b')!, 12); // equal scores tie
  });

  it('rates a self-play seat pair as one player, and serialises concurrent updates', async () => {
    const store = new MemoryStore();
    const seats = [
      { name: 'x', kind: 'bot' as const },
      { name: 'x', kind: 'bot' as const },
      { name: 'y', kind: 'bot' as const },
    ];
    await Promise.all([
      rateArenaMatch(store, { matchId: 'm1', game: 'leduc', seats, returns: [2, 1, -3] }, 1),
      rateArenaMatch(store, { matchId: 'm2', game: 'leduc', seats, returns: [2, 1, -3] }, 2),
    ]);
    const ratings = await store.ladderRatings({ game: 'leduc' });
    expect(ratings.map((r) => [r.name, r.matches])).toEqual([
      ['x', 2],
      ['y', 2],
    ]);
  });
});
