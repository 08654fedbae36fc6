import { createRng, kuhn, leduc, liarsDice } from '@parley/games';
import { describe, expect, it } from 'vitest';
import type { DecisionInput } from '../../agent';
import { emptyMemory } from '../memory/memory';
import { promptFor } from '.';

const memory = emptyMemory();
const input = (gameId: string, observation: unknown, legalActions: string[]): DecisionInput => ({
  gameId,
  seat: 0,
  observation,
  legalActions,
  deadlineMs: 1000,
  rng: createRng(1),
});

/** Plays the chance deals and `moves` into a Kuhn or Leduc state. */
function kuhnAfter(moves: string[]) {
  let s = kuhn.applyAction(kuhn.applyAction(kuhn.newInitialState({ players: 2 }), 'chance', 'deal 0 Q'), 'chance', 'deal 1 K');
  moves.forEach((m, i) => {
    s = kuhn.applyAction(s, i % 2, m);
  });
  return s;
}

describe('game prompts', () => {
  it('Kuhn: the card, the history, what each action means now, and poker words mapped onto pass/bet', () => {
    const p = promptFor('kuhn');
    const facing = kuhnAfter(['pass', 'bet']);
    const i = input('kuhn', kuhn.observation(facing, 0), ['bet', 'pass']);
    const text = p.user(i, memory);
    expect(text).toContain('Your card: Q');
    expect(text).toContain('Actions so far: you pass, seat 1 bet. Pot: 3 chips.');
    expect(text).toContain('You are facing a bet: "bet" calls 1 chip, "pass" folds.');
    expect(text).toContain('Legal actions: bet, pass');
    expect(p.system(i)).toMatch(/Kuhn poker[\s\S]*\{"action": "call"\}/);
    expect(p.parse('ACTION: call', i)).toEqual({ ok: true, value: { value: 'bet' } });
    expect(p.parse('{"action": "fold"}', i)).toEqual({ ok: true, value: { value: 'pass' } });
    const open = input('kuhn', kuhn.observation(kuhnAfter([]), 0), ['bet', 'pass']);
    expect(p.parse('check', open)).toEqual({ ok: true, value: { value: 'pass' } });
    expect(p.parse('{"action": "call"}', open)).toMatchObject({ ok: false, error: { code: 'agent/illegal' } });
  });

  it('Leduc: card, board, rounds, pot and the amount to call', () => {
    let s = leduc.newInitialState({ players: 2 });
    for (const a of ['deal 0 Kh', 'deal 1 Qs']) s = leduc.applyAction(s, 'chance', a);
    s = leduc.applyAction(s, 0, 'bet');
    const i = { ...input('leduc', leduc.observation(s, 1), ['call', 'fold', 'raise']), seat: 1 };
    const text = promptFor('leduc').user(i, memory);
    expect(text).toContain('You are seat 1. Your card: Qs. Board: (not dealt yet).');
    expect(text).toContain('Round 1: seat 0 bet.');
    expect(text).toContain('To call: 2.');
    expect(text).not.toContain('Kh');
  });

  it('NLHE: any whole raise in range is accepted, out-of-range raises are explained', () => {
    const p = promptFor('nlhe');
    const i = input('nlhe', { raise: { min: 200, max: 5000 } }, ['call', 'fold', 'raise 200', 'raise 5000']);
    expect(p.user(i, memory)).toContain('You may raise to any whole amount from 200 to 5000');
    expect(p.parse('{"action": "raise 1234"}', i)).toEqual({ ok: true, value: { value: 'raise 1234' } });
    expect(p.parse('ACTION: Raise to $450', i)).toEqual({ ok: true, value: { value: 'raise 450' } });
    expect(p.parse('ACTION: all in', i)).toEqual({ ok: true, value: { value: 'raise 5000' } });
    const low = p.parse('{"action": "raise 150"}', i);
    expect(low).toMatchObject({
      ok: false,
      error: { message: 'raise 150 is outside the legal range: raise to any whole amount from 200 to 5000' },
    });
    if (!low.ok) expect(p.correction(low.error, i, false)).toContain('raise 150 is outside the legal range');
    const noRaise = input('nlhe', {}, ['call', 'fold']);
    expect(p.parse('raise 300', noRaise)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('raising is not possible now') },
    });
  });

  it('any other game gets the generic prompt: the observation as JSON and the legal actions', () => {
    const p = promptFor('some-new-game');
    const i = input('some-new-game', { board: [1, 2] }, ['left', 'right']);
    expect(p.user(i, memory)).toBe('Your observation (JSON): {"board":[1,2]}\nLegal actions: left, right');
    expect(p.system(i)).toContain('You are playing some-new-game as seat 0');
    expect(p.parse('{"actions": ["left", "right"]}', i)).toEqual({ ok: true, value: { value: ['left', 'right'] } });
    expect(p.parse('I go right', i)).toEqual({ ok: true, value: { value: 'right' } });
    expect(p.system(i)).not.toContain('Rules:');
  });

  it("a game with no prompt of its own but a rules paragraph (Liar's Dice) gets its rules in the generic prompt", () => {
    const p = promptFor(liarsDice.descriptor.id);
    const s = liarsDice.applyAction(
      liarsDice.applyAction(liarsDice.newInitialState(liarsDice.descriptor.defaultParams), 'chance', 'roll 0 3'),
      'chance',
      'roll 1 5',
    );
    const i = input('liars-dice', liarsDice.observation(s, 0), liarsDice.legalActions(s, 0) as string[]);
    expect(p.system(i)).toContain(`Rules: ${liarsDice.descriptor.rules}`);
    expect(p.system(i)).toContain("You are playing Liar's Dice as seat 0");
    expect(p.user(i, memory)).toContain('"hand":"seat 0: 3"');
    expect(p.parse('I bid two threes: bid 2-3', i)).toEqual({ ok: true, value: { value: 'bid 2-3' } });
  });
});
