/**
 * One press check for every sender: an in-process agent, a webhook bot and a person's connection
 * are refused the same bad press with the same error (runtime/press-rules.ts), and a press
 * deadline aborts the agent it cuts short.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Agent, createAgent, type PressMessage } from '@parley/agents';
import { createRng, diplomacy } from '@parley/games';
import { parseClientMessage } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPressRounds } from '../runtime/press';
import type { PressError } from '../runtime/press-rules';
import { FakeClock } from '../testing/fake-clock';
import type { LiveMatch } from './live-match';
import { openPressWindow } from './testing/press-window';

const ok = (text: string) => ({ to: 'all', text });
/** Each bad message, and the error every path must give for it. */
const BAD: [unknown, PressError][] = [
  [
    { to: [9], text: 'hi' },
    { code: 'press/recipients', message: '9 is not a seat at this table' },
  ],
  [
    { to: [0], text: 'to myself' },
    { code: 'press/recipients', message: 'write to at least one other seat' },
  ],
  [
    { to: 'all', text: '   ' },
    { code: 'press/empty', message: 'a message needs text' },
  ],
  [
    { to: 'all', text: 'a bribe', commitments: [{ kind: 'bribe', amount: 3 }] },
    { code: 'press/commitment', message: 'the kind is one of support, move, demilitarise, no-attack' },
  ],
  [
    { to: [1], text: 'support', commitments: [{ kind: 'support', order: 5 }] },
    { code: 'press/commitment', message: 'a support commitment needs order: text of 1 to 200 characters' },
  ],
];
const TOO_MANY: PressError = { code: 'press/too-many', message: 'at most 8 messages per seat in a round of press' };
/** Eight good messages and a ninth: the ninth is one too many in the round. */
const nine = Array.from({ length: 9 }, (_, i) => ok(`note ${i}`));

/** One negotiate round of Diplomacy's first phase, `agent` at seat 0 and silent seats elsewhere. */
function pressRound(agent: Agent, more: Partial<Parameters<typeof runPressRounds>[0]> = {}) {
  const quiet: Agent = { name: 'quiet', act: () => [] };
  return runPressRounds({
    game: diplomacy,
    state: diplomacy.newInitialState(diplomacy.descriptor.defaultParams),
    agents: [agent, ...Array.from({ length: 6 }, () => quiet)],
    rngs: Array.from({ length: 7 }, (_, seat) => createRng(seat)),
    rounds: 1,
    deadlineFor: () => 60_000,
    phase: 'S1901M',
    inboxOf: () => [],
    recorderFor: () => () => undefined,
    ...more,
  });
}

/** What the press check refused of seat 0's answer in one round. */
async function agentRefusals(agent: Agent): Promise<PressError[]> {
  const refused: PressError[] = [];
  await pressRound(agent, { onRefused: (_seat, error) => refused.push(error) });
  return refused;
}

const answering = (out: unknown): Agent => ({
  name: 'writer',
  act: () => [],
  negotiate: () => out as PressMessage[],
});

let server: Server;
let webhookOut: unknown[] = [];
let webhookUrl = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ messages: webhookOut }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A Diplomacy match with a person at seat 0, its first negotiation window open. */
const openWindow = () => openPressWindow(['human', 'random', 'random', 'random', 'random', 'random', 'random']);

/** What a person's connection is told for `payload`: the room parses, then the match checks. */
function personReply(live: LiveMatch, payload: unknown): { ok: true } | PressError {
  const parsed = parseClientMessage('press', payload);
  if (parsed.type !== 'press') throw new Error(`the room refused the shape: ${parsed.type}`);
  const result = live.sendPress(0, parsed.payload);
  return result.ok ? result : { code: result.code, message: result.message };
}

describe('press from every path meets one check', () => {
  it('refuses the same bad press with the same error from an agent, a webhook bot and a person', async () => {
    const expected = [...BAD.map(([, error]) => error), TOO_MANY];
    expect(await agentRefusals(answering([...BAD.map(([m]) => m), ...nine]))).toEqual(expected);

    webhookOut = [...BAD.map(([m]) => m), ...nine];
    expect(await agentRefusals(createAgent(`http:${webhookUrl}`, 'diplomacy'))).toEqual(expected);

    const live = await openWindow();
    try {
      for (const [message, error] of BAD) expect(personReply(live, message)).toEqual(error);
      for (const message of nine.slice(0, 8)) expect(personReply(live, message)).toEqual({ ok: true });
      expect(personReply(live, nine[8])).toEqual(TOO_MANY);
      // What was delivered is the person's own, whatever it claimed, and stamped with the phase.
      expect(live.messages.filter((m) => m.from === 0)).toHaveLength(8);
      // A person cannot name a sender: the room's shape check refuses the field.
      expect(parseClientMessage('press', { ...ok('forged'), from: 3 }).type).toBe('unexpected');
    } finally {
      live.stop('test over');
      await live.done;
    }
  });

  it('keeps well-formed commitments of the game, and reads press by one rule', async () => {
    const good = { to: [2, 1, 2], text: 'deal', commitments: [{ kind: 'no-attack', target: 'france' }] };
    expect(await agentRefusals(answering([good]))).toEqual([]);
    const live = await openWindow();
    try {
      expect(personReply(live, good)).toEqual({ ok: true });
      expect(live.messages.at(-1)).toMatchObject({ from: 0, to: [1, 2], phase: 'S1901M', commitments: good.commitments });
    } finally {
      live.stop('test over');
      await live.done;
    }
  });

  it('aborts an agent that writes past the press deadline', async () => {
    const clock = new FakeClock();
    let signal: AbortSignal | undefined;
    const slow: Agent = {
      name: 'slow',
      act: () => [],
      negotiate: (input) => {
        signal = input.signal;
        return new Promise<PressMessage[]>(() => undefined);
      },
    };
    let done = false;
    const rounds = pressRound(slow, { deadlineFor: () => 1_000, clock }).finally(() => {
      done = true;
    });
    while (!done) await clock.advance(1_000);
    expect(await rounds).toEqual([]);
    expect(signal?.aborted).toBe(true);
    expect(clock.pending).toBe(0);
  });
});
