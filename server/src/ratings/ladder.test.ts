import { diplomacy } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../store/memory-store';
import { type LadderPlayer, ladderUpdate, matchScores, playerKey, poolsOf, rateArenaMatch, ratedSeats } from './ladder';

const agent = (id: string): LadderPlayer => ({ kind: 'agent', id, name: id });
const person = (id: string, name: string): LadderPlayer => ({ kind: 'person', id, name });
const bot = (id: string, name: string): LadderPlayer => ({ kind: 'bot-account', id, name });

describe('ladder updates', () => {
  it('keys players by kind and id: accounts by account id, agents by registry id', () => {
    expect(playerKey(agent('llm:gpt'))).toBe('agent:llm:gpt');
    expect(playerKey(bot('acc-7', 'bot/acme'))).toBe('bot-account:acc-7');
    expect(playerKey(person('acc-1', 'alice'))).toBe('person:acc-1');
  });

  it('moves the people-only pool only when people and non-people are rated at the table', () => {
    expect(poolsOf([person('a', 'a'), agent('b')])).toEqual(['all', 'vs-people']);
    expect(poolsOf([person('a', 'a'), person('b', 'b')])).toEqual(['all']);
    expect(poolsOf([agent('a'), bot('b', 'bot/b')])).toEqual(['all']);
  });

  it('leaves guests out, and rates nothing without two different rated players', () => {
    expect(ratedSeats([null, agent('x'), agent('y')], [3, 2, 1]).map((s) => [s.player.id, s.score])).toEqual([
      ['x', 2],
      ['y', 1],
    ]);
    expect(ratedSeats([null, agent('x')], [1, -1])).toEqual([]);
    expect(ratedSeats([agent('x'), agent('x')], [1, -1])).toEqual([]);
  });

  it('ranks Diplomacy by sum-of-squares scores from the final state, not by draw shares', () => {
    let state = diplomacy.newInitialState({ lastYear: 1901 });
    while (!diplomacy.isTerminal(state)) {
      const seat = diplomacy.actingSeats(state)[0]!;
      state = diplomacy.applyAction(state, seat, diplomacy.defaultAction(state, seat));
    }
    const seats = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(agent);
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
    const next = ladderUpdate(new Map(), 'diplomacy', ratedSeats(seats, scores), 'all', 0);
    const mu = new Map(next.map((r) => [r.name, r.mu]));
    expect(mu.get('f')).toBeGreaterThan(mu.get('a')!);
    expect(mu.get('a')).toBeCloseTo(mu.get('b')!, 12); // equal scores tie
    expect(next.every((r) => r.version === 1)).toBe(true);
  });

  it('rates a self-play seat pair as one player, and serialises concurrent updates', async () => {
    const store = new MemoryStore();
    const seats = [agent('x'), agent('x'), agent('y')];
    await Promise.all([
      rateArenaMatch(store, { matchId: 'm1', game: 'leduc', seats, returns: [2, 1, -3] }, 1),
      rateArenaMatch(store, { matchId: 'm2', game: 'leduc', seats, returns: [2, 1, -3] }, 2),
    ]);
    const ratings = await store.ladderRatings({ game: 'leduc' });
    expect(ratings.map((r) => [r.name, r.matches, r.version])).toEqual([
      ['x', 2, 2],
      ['y', 2, 2],
    ]);
  });

  it('reads again and recomputes when another process moved a rating in between', async () => {
    const store = new MemoryStore();
    const seats = [agent('x'), agent('y')];
    await rateArenaMatch(store, { matchId: 'm1', game: 'kuhn', seats, returns: [1, -1] }, 1);
    // Another process rates m2 between this process's read and its write.
    const other = new MemoryStore();
    await rateArenaMatch(other, { matchId: 'm1', game: 'kuhn', seats, returns: [1, -1] }, 1);
    const realRead = store.ladderRatings.bind(store);
    let reads = 0;
    store.ladderRatings = async (filter) => {
      const read = await realRead(filter);
      // The other process: the same data, its own queue (a view of the store, not the store object).
      if (reads++ === 0) await rateArenaMatch(Object.create(store), { matchId: 'm2', game: 'kuhn', seats, returns: [-1, 1] }, 2);
      return read;
    };
    expect(await rateArenaMatch(store, { matchId: 'm3', game: 'kuhn', seats, returns: [-1, 1] }, 3)).toBe(true);
    store.ladderRatings = realRead;
    await rateArenaMatch(other, { matchId: 'm2', game: 'kuhn', seats, returns: [-1, 1] }, 2);
    await rateArenaMatch(other, { matchId: 'm3', game: 'kuhn', seats, returns: [-1, 1] }, 3);
    // Three matches each, and the same ratings as applying them one after another.
    expect(await store.ladderRatings({})).toEqual(await other.ladderRatings({}));
    expect((await store.ladderRatings({})).map((r) => r.matches)).toEqual([3, 3]);
    expect(reads).toBeGreaterThan(1); // m3 was computed again
  }, 10_000);
});
