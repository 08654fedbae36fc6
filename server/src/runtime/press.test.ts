import type { Agent, PressMessage } from '@parley/agents';
import { actionError, Diplomacy, type Game, registerGame } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { runMatch } from './match-runner';
import { sanitize } from './press';
import { replayRecord } from './replay';

/**
 * A three-seat simultaneous test game: two rounds; in each, every seat names a number of units
 * (two `pick` slots per seat per round). It exercises simultaneous turns, turn keys, partial and
 * over-long answers and press, without depending on a real engine.
 */
interface S {
  round: number;
  picks: string[][];
  done: string[];
}
const SEATS = 3;
const SLOTS = 2;
const picks: Game<S, object> = {
  descriptor: {
    id: 'picks-test',
    name: 'picks',
    minPlayers: SEATS,
    maxPlayers: SEATS,
    traits: { dynamics: 'simultaneous', chance: 'none', information: 'imperfect', utility: 'general-sum' },
    defaultParams: {},
    parseParams: (raw) => ({ ok: true, params: (raw ?? {}) as object }),
    numPlayers: () => SEATS,
  },
  newInitialState: () => ({ round: 0, picks: [[], [], []], done: [] }),
  currentPlayer: (s) => (s.round >= 2 ? 'terminal' : 'simultaneous'),
  actingSeats: (s) => (s.round >= 2 ? [] : [0, 1, 2].filter((i) => (s.picks[i]?.length ?? 0) < SLOTS)),
  turnKey: (s) => `R${s.round}`,
  negotiationPhase: (s) => s.round < 2,
  // Diplomacy's commitment vocabulary, so press here may carry promises.
  validateCommitment: Diplomacy.validateCommitment,
  legalActions: (s, seat) => (picks.actingSeats(s).includes(seat) ? ['a', 'b', 'c'] : []),
  validateAction: (s, actor, a) =>
    actor === 'chance' || !picks.actingSeats(s).includes(actor)
      ? actionError('action/not-your-turn', 'no')
      : ['a', 'b', 'c'].includes(a)
        ? null
        : actionError('action/illegal', `bad ${a}`),
  applyAction: (s, actor, a) => {
    const p = s.picks.map((x, i) => (i === actor ? [...x, a] : x));
    if (p.every((x) => x.length === SLOTS))
      return { round: s.round + 1, picks: [[], [], []], done: [...s.done, ...p.map((x) => x.join(''))] };
    return { ...s, picks: p };
  },
  chanceOutcomes: () => [],
  defaultAction: () => 'a',
  observation: (s, seat) => ({ round: s.round, mine: s.picks[seat], done: s.done }),
  spectatorView: (s) => ({ round: s.round, done: s.done }),
  infoStateKey: (s, seat) => JSON.stringify([s.round, s.picks[seat], s.done]),
  privateValues: () => [],
  isTerminal: (s) => s.round >= 2,
  returns: () => [0, 0, 0],
  numPlayers: () => SEATS,
};

registerGame(picks);

const talker = (name: string, answer: string[]): Agent => ({
  name,
  act: () => answer,
  negotiate: ({ seat, round, inbox, recordModelCall }) => {
    recordModelCall?.({
      provider: 'test',
      model: name,
      purpose: 'negotiate',
      prompt: { inbox: inbox?.length },
      reply: 'ok',
      tokensIn: 1,
      tokensOut: 1,
      latencyMs: 0,
      costUsd: 0,
      attempt: 1,
    });
    return [
      { from: seat, to: [(seat + 1) % SEATS], text: `${name} round ${round}` },
      { from: 2, to: 'all', text: 'forged sender becomes my own', commitments: [{ kind: 'no-attack', target: 1 }] },
      { from: seat, to: [seat], text: 'to myself only: dropped' },
    ];
  },
});

describe('simultaneous turns and press', () => {
  it('applies each seat its own slots, fills missing ones, and ignores extras beyond the turn', async () => {
    const agents = [talker('x', ['b', 'c', 'b', 'b']), talker('y', ['z']), talker('w', [])];
    const { record } = await runMatch({ game: picks, params: {}, seed: 1, agents, pressRounds: 2 });
    const byRound = (r: number) =>
      record.actions.slice(r * 6, r * 6 + 6).map((a) => `${a.actor}${a.action}${a.fallback ? `:${a.fallback}` : ''}`);
    expect(byRound(0)).toEqual(['0b', '0c', '1a:illegal', '1a:missing', '2a:missing', '2a:missing']);
    expect(byRound(1)).toEqual(byRound(0));
    expect(replayRecord(record).ok).toBe(true);
  });

  it('delivers sanitized press to recipients only, and records messages and model calls', async () => {
    const inboxes: PressMessage[][] = [];
    const reader: Agent = { ...talker('r', []), act: ({ inbox }) => (inboxes.push([...(inbox ?? [])]), []) };
    const { record } = await runMatch({
      game: picks,
      params: {},
      seed: 1,
      agents: [talker('x', []), reader, talker('w', [])],
      pressRounds: 1,
    });
    // Per round: each seat sends one private message and one public one; the self-addressed one is dropped.
    expect(record.messages.filter((m) => m.phase === 'R0')).toHaveLength(6);
    expect(record.messages.every((m) => m.to === 'all' || !m.to.includes(m.from))).toBe(true);
    const forged = record.messages.filter((m) => m.text.startsWith('forged'));
    expect(forged.map((m) => m.from)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(forged[0]?.commitments).toEqual([{ kind: 'no-attack', target: 1 }]);
    // Seat 1 sees x's private note to it, every public message, and its own; never w's note to x.
    const seen = inboxes[0] ?? [];
    expect(seen.some((m) => m.text === 'x round 0')).toBe(true);
    expect(seen.some((m) => m.text === 'w round 0')).toBe(false);
    expect(record.modelCalls.filter((c) => c.purpose === 'negotiate')).toHaveLength(6);
  });

  it('gives each seat its own negotiation clock: a slow writer is cut off at its own deadline', async () => {
    const clock = new FakeClock();
    const deadlines: number[][] = [[], [], []];
    // Seat 0 writes after 3 s of the fake clock; seats 1 and 2 at once.
    const writer = (name: string, thinkMs: number): Agent => ({
      ...talker(name, []),
      negotiate: async (input) => {
        deadlines[input.seat]!.push(input.deadlineMs);
        if (thinkMs > 0) await clock.advance(thinkMs);
        return [{ from: input.seat, to: 'all', text: `${name} in time` }];
      },
    });
    const play = (pressMs: number[]) =>
      runMatch({
        game: picks,
        params: {},
        seed: 1,
        clock,
        agents: [writer('slow', 3000), writer('quick', 0), writer('quick2', 0)],
        pressRounds: 1,
        deadlineMs: 60_000,
        pressDeadlineFor: (seat) => pressMs[seat]!,
      });
    const tight = await play([1000, 1000, 1000]);
    expect(tight.record.messages.map((m) => m.text).filter((t) => t.startsWith('slow'))).toEqual([]);
    expect(deadlines[0]).toEqual([1000, 1000]);
    const loose = await play([5000, 1000, 1000]);
    expect(loose.record.messages.filter((m) => m.text === 'slow in time')).toHaveLength(2);
    expect(deadlines[0]).toEqual([1000, 1000, 5000, 5000]);
  });

  it('sanitize bounds text and count and drops junk', () => {
    const many = Array.from({ length: 20 }, () => ({ to: 'all', text: 'x'.repeat(5000) }));
    const kept = sanitize(many, 0, 3, 'R0');
    expect(kept).toHaveLength(8);
    expect(kept[0]?.text).toHaveLength(2000);
    expect(sanitize('nope', 0, 3, 'R0')).toEqual([]);
    expect(sanitize([{ to: [7, -1, 'a'], text: 'hi' }, null, { to: 'all' }], 0, 3, 'R0')).toEqual([]);
  });
});
