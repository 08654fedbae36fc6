import { describe, expect, it } from 'vitest';
import { GUEST, OPERATOR, type Principal } from '../auth/principal';
import { SeatHolders } from './seat-holders';

const person = (accountId: string, name: string): Principal => ({ role: 'person', accountId, name });

describe('seat holders', () => {
  it('binds a seat to its first taker: the same account may come back, nobody else; a guest seat stays open', () => {
    const holders = new SeatHolders();
    expect(holders.take(0, person('a1', 'alice'))).toEqual({
      bound: { seat: 0, role: 'person', accountId: 'a1', name: 'alice' },
    });
    expect(holders.take(0, person('a1', 'alice'))).toBeNull();
    expect(holders.take(0, person('b1', 'bob'))).toHaveProperty('refused');
    expect(holders.take(0, GUEST)).toHaveProperty('refused');
    expect(holders.take(0, OPERATOR)).toHaveProperty('refused');
    expect(holders.take(1, GUEST)).toHaveProperty('bound');
    expect(holders.take(1, person('b1', 'bob'))).toBeNull(); // admitted, but the seat stays a guest's
    expect(holders.holder(1)?.role).toBe('guest');
    expect(holders.seatName(0, 'the creator said bob')).toBe('alice');
    expect(holders.seatName(1, 'seat 1')).toBe('seat 1');
    // A match summary names the person who took a seat; a guest's and an agent's stay as they were.
    const summary = {
      id: 'm',
      seats: [
        { seat: 0, agent: { name: 'seat 0', kind: 'human' as const } },
        { seat: 1, agent: { name: 'seat 1', kind: 'human' as const } },
        { seat: 2, agent: { name: 'random', kind: 'bot' as const } },
      ],
    };
    expect(holders.named(summary).seats.map((s) => s.agent.name)).toEqual(['alice', 'seat 1', 'random']);
  });

  it('is restored from stored seat events, and names each seat for the ladder', () => {
    const holders = new SeatHolders();
    holders.restore({ seat: 0, role: 'person', accountId: 'a1', name: 'alice' });
    holders.restore({ seat: 1, role: 'guest', accountId: null, name: 'guest' });
    holders.restore({ seat: 2, role: 'operator', accountId: null, name: 'operator' });
    expect(holders.take(0, person('b1', 'bob'))).toHaveProperty('refused');
    const seats = [
      { kind: 'human' as const, spec: 'human', name: 'seat 0' },
      { kind: 'human' as const, spec: 'human', name: 'seat 1' },
      { kind: 'human' as const, spec: 'human', name: 'seat 2' },
      { kind: 'human' as const, spec: 'human', name: 'nobody came' },
      { kind: 'external' as const, spec: 'bot/acme', name: 'bot/acme', botAccountId: 'acc-9' },
      { kind: 'external' as const, spec: 'bot/gone', name: 'bot/gone' },
      { kind: 'bot' as const, spec: 'tag', name: 'Tag the Bold' },
    ];
    expect(holders.ladderSeats(seats)).toEqual([
      { kind: 'person', id: 'a1', name: 'alice' },
      null,
      { kind: 'person', id: 'operator', name: 'operator' },
      null,
      { kind: 'bot-account', id: 'acc-9', name: 'bot/acme' },
      null,
      { kind: 'agent', id: 'tag', name: 'tag' },
    ]);
  });
});
