/**
 * A decision must leave nothing behind on its match: the match's signal lives as long as the
 * match (weeks for a cash table), so a listener, a dependant signal or a timer left per decision
 * is memory that grows with every action and is never freed (issue 13).
 */
import { getEventListeners } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Agent, DecisionInput } from '@parley/agents';
import { callBot } from '@parley/agents';
import { kuhn, nlhe } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { HumanSeat } from '../arena/human-seat';
import { FakeClock } from '../testing/fake-clock';
import { runMatch } from './match-runner';

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

/** A full GC, so a WeakRef that is still set means something really holds its target. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const headsUpCash = () => {
  const parsed = nlhe.descriptor.parseParams({ players: 2, format: 'cash', hands: 40 });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.params;
};

describe('a finished decision', () => {
  it('leaves no listener on the match signal, for sync, async and timed-out agents', async () => {
    const match = new AbortController();
    const seen: number[] = [];
    // An async agent that hooks its decision's signal, as HTTP and LLM agents do.
    const hooked: Agent = {
      name: 'hooked',
      act: async (input) => {
        // The decision's signal is linked to the match's when first read (bots never read it).
        input.signal?.addEventListener('abort', () => undefined);
        seen.push(abortListeners(match.signal));
        return input.legalActions.includes('call') ? 'call' : (input.legalActions[0] as string);
      },
    };
    await runMatch({ game: nlhe, params: headsUpCash(), seed: 3, agents: [hooked, callBot()], signal: match.signal });
    expect(seen.length).toBeGreaterThan(40);
    // While a decision is open its one forwarding listener is there; none accumulates.
    expect(Math.max(...seen)).toBe(1);
    expect(abortListeners(match.signal)).toBe(0);

    const clock = new FakeClock();
    const silent: Agent = { name: 'silent', act: () => new Promise<string>(() => undefined) };
    const run = runMatch({
      game: kuhn,
      params: kuhn.descriptor.defaultParams,
      seed: 1,
      agents: [silent, silent],
      deadlineMs: 100,
      clock,
      signal: match.signal,
    });
    await clock.runAll();
    const { record } = await run;
    expect(record.actions.filter((a) => a.fallback === 'timeout').length).toBeGreaterThan(0);
    expect(abortListeners(match.signal)).toBe(0);
    expect(clock.pending).toBe(0);
  });

  it('leaves no listener when a person answers through a human seat', async () => {
    const match = new AbortController();
    let decisions = 0;
    const person = new HumanSeat('person', () => decisions);
    person.onChange = () => {
      const open = person.current();
      if (open) queueMicrotask(() => person.submit(open.id, [open.input.legalActions[0] as string]));
    };
    const counting: Agent = {
      name: person.name,
      act: (input) => {
        decisions++;
        return person.act(input);
      },
    };
    await runMatch({
      game: kuhn,
      params: kuhn.descriptor.defaultParams,
      seed: 2,
      agents: [counting, counting],
      signal: match.signal,
    });
    expect(decisions).toBeGreaterThan(1);
    expect(abortListeners(match.signal)).toBe(0);
  });

  it('still hears the match being stopped', async () => {
    const match = new AbortController();
    let heard: unknown = null;
    const waiting: Agent = {
      name: 'waiting',
      act: (input) =>
        new Promise<string>((resolve) => {
          input.signal?.addEventListener('abort', () => {
            heard = input.signal?.reason;
            resolve(input.legalActions[0] as string);
          });
          queueMicrotask(() => match.abort(new Error('server shutting down')));
        }),
    };
    await expect(
      runMatch({ game: kuhn, params: kuhn.descriptor.defaultParams, seed: 1, agents: [waiting, waiting], signal: match.signal }),
    ).rejects.toThrow(/aborted/);
    expect(heard).toBeInstanceOf(Error);
    expect((heard as Error).message).toBe('server shutting down');
  });

  it('can be collected while its match goes on', async () => {
    const match = new AbortController();
    const inputs: WeakRef<DecisionInput>[] = [];
    const signals: WeakRef<AbortSignal>[] = [];
    const person = new HumanSeat('person', () => inputs.length);
    person.onChange = () => {
      const open = person.current();
      if (open) queueMicrotask(() => person.submit(open.id, [open.input.legalActions.includes('call') ? 'call' : 'check']));
    };
    const tracked: Agent = {
      name: 'tracked',
      act: (input) => {
        inputs.push(new WeakRef(input));
        if (input.signal) signals.push(new WeakRef(input.signal));
        return person.act(input);
      },
    };
    await runMatch({ game: nlhe, params: headsUpCash(), seed: 5, agents: [tracked, callBot()], signal: match.signal });
    expect(inputs.length).toBeGreaterThan(40);
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    // The match's signal is still alive (held here); nothing of its finished decisions may be.
    expect(match.signal.aborted).toBe(false);
    expect(inputs.filter((r) => r.deref() !== undefined)).toHaveLength(0);
    expect(signals.filter((r) => r.deref() !== undefined)).toHaveLength(0);
  });
});
