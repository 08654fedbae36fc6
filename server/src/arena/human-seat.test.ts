/** A person's seat: forced decisions are answered at once, real ones wait for the person. */
import type { DecisionInput } from '@parley/agents';
import { describe, expect, it } from 'vitest';
import { HumanSeat } from './human-seat';

const input = (legalActions: string[]): DecisionInput =>
  ({ gameId: 'nlhe', seat: 0, observation: null, legalActions, deadlineMs: 30_000 }) as unknown as DecisionInput;

describe('HumanSeat', () => {
  it('shows a hand the rules make it show without opening a decision', async () => {
    const seat = new HumanSeat('person', () => 7, undefined, true);
    let opened = 0;
    seat.onChange = () => {
      if (seat.current()) opened++;
    };
    await expect(seat.act(input(['show']))).resolves.toEqual(['show']);
    expect(opened).toBe(0);
    expect(seat.current()).toBeNull();
  });

  it('waits for the person when there is a choice, or when forced play is off', async () => {
    const choosing = new HumanSeat('person', () => 3, undefined, true);
    const answer = choosing.act(input(['muck', 'show']));
    expect(choosing.current()?.id).toBe(3);
    expect(choosing.submit(3, ['muck'])).toBe(true);
    await expect(answer).resolves.toEqual(['muck']);

    const plain = new HumanSeat('person', () => 4);
    const waiting = plain.act(input(['show']));
    expect(plain.current()?.id).toBe(4);
    plain.submit(4, ['show']);
    await expect(waiting).resolves.toEqual(['show']);
  });

  it("answers at once what the game settles by the person's settings, but only with a legal action", async () => {
    const seat = new HumanSeat('person', () => 5, undefined, true);
    seat.settle = (i) => (i.legalActions.includes('show') ? 'muck' : null);
    await expect(seat.act(input(['muck', 'show']))).resolves.toEqual(['muck']);
    expect(seat.current()).toBeNull();
    seat.settle = () => 'raise 100';
    const asked = seat.act(input(['call', 'fold']));
    expect(seat.current()?.id).toBe(5);
    seat.submit(5, ['call']);
    await expect(asked).resolves.toEqual(['call']);
  });
});
