/** PHH import, replay and export, checked against the reference hands in `../__fixtures__`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import { nlhe } from '../game';
import { params } from '../testing';
import { matchToPhh, matchToPhhs, type PhhHand, parsePhhText, replayPhh, toPhhHand, writePhh, writePhhs } from './index';
import { phhConfig } from './replay';

const fixture = (name: string) => readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8');

interface JsonHand {
  actions: string[];
  starting_stacks: number[];
  finishing_stacks: number[];
  finishing_stacks_integer_oddchip?: number[];
}

function load(name: string): { hands: PhhHand[]; json: JsonHand[] } {
  const entries = parsePhhText(fixture(`${name}.phhs`));
  const hands = entries.map((e) => {
    if ('error' in e) throw new Error(`${name} [${e.name}]: ${e.error}`);
    return e.hand;
  });
  const json = fixture(`${name}.jsonl`)
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as JsonHand);
  return { hands, json };
}

describe.each([
  ['pluribus', 60],
  ['sidepots', 80],
])('the %s hands', (name, count) => {
  const { hands, json } = load(name);

  it(`holds ${count} hands, the same in PHHS and JSONL`, () => {
    expect(hands).toHaveLength(count);
    expect(json).toHaveLength(count);
    for (const [i, hand] of hands.entries()) expect(hand.actions).toEqual(json[i]!.actions);
  });

  it('replays every hand: each action legal for the player expected, every finishing stack exact, chips conserved', () => {
    let exact = 0;
    hands.forEach((hand, i) => {
      const result = replayPhh(hand);
      if (!result.ok) throw new Error(`${name} hand ${i + 1}: ${result.error}`);
      const expected = json[i]!.finishing_stacks_integer_oddchip ?? json[i]!.finishing_stacks;
      expect(result.finishingStacks, `${name} hand ${i + 1}`).toEqual(expected);
      expect(result.finishingStacks.reduce((a, b) => a + b, 0)).toBe(hand.starting_stacks.reduce((a, b) => a + b, 0));
      expect(result.state.phase).toBe('over');
      exact++;
    });
    expect(exact).toBe(count);
  });

  it('round-trips every hand through export and import unchanged', () => {
    const exported = hands.map((hand) => {
      const result = replayPhh(hand);
      if (!result.ok) throw new Error(result.error);
      const extra = {
        ...hand.extra,
        ...(hand.hand === undefined ? {} : { hand: hand.hand }),
        ...(hand.players ? { players: hand.players } : {}),
      };
      return toPhhHand(phhConfig(hand), result.state.log, result.finishingStacks, extra);
    });
    for (const [i, out] of exported.entries()) expect(out.actions, `hand ${i + 1}`).toEqual(hands[i]!.actions);
    const again = parsePhhText(writePhhs(exported));
    expect(again).toHaveLength(count);
    again.forEach((entry, i) => {
      if ('error' in entry) throw new Error(entry.error);
      const { extra: _a, ...before } = hands[i]!;
      const { extra: _b, ...after } = entry.hand;
      expect(after).toEqual(before);
      const result = replayPhh(entry.hand);
      expect(result.ok && result.finishingStacks).toEqual(hands[i]!.finishing_stacks);
    });
  });
});

describe('replay errors', () => {
  const { hands } = load('pluribus');
  const first = hands[0]!; // p3..p6 fold, p1 calls, p2 checks, then a flop

  it('names the action and the reason for an illegal bet size', () => {
    const actions = first.actions.map((a) => (a === 'p1 cbr 100' ? 'p1 cbr 50' : a));
    const result = replayPhh({ ...first, actions });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.actionIndex).toBe(13);
      expect(result.error).toBe("action 13 'p1 cbr 50': raise to 50 is outside the legal range 100..9900");
    }
  });

  it('names the player expected when another acts', () => {
    const actions = ['p4 f', ...first.actions.slice(6)];
    const result = replayPhh({ ...first, actions: [...first.actions.slice(0, 6), ...actions] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe("action 6 'p4 f': expected p3 to act, got p4");
  });

  it('rejects shown cards that were not dealt, unknown verbs, and incomplete hands', () => {
    const wrongShow = first.actions.map((a) => (a === 'p1 sm JdKc' ? 'p1 sm AcAd' : a));
    expect(replayPhh({ ...first, actions: wrongShow })).toMatchObject({
      ok: false,
      error: "action 21 'p1 sm AcAd': shows AcAd but was dealt JdKc",
    });
    expect(replayPhh({ ...first, actions: ['p1 xx'] })).toMatchObject({ ok: false, actionIndex: 0 });
    expect(replayPhh({ ...first, actions: first.actions.slice(0, 12) })).toMatchObject({
      ok: false,
      error: 'the hand is incomplete: expected a card for the board, got no more actions',
    });
  });

  it('reports a malformed hand per hand and an unreadable file as a whole', () => {
    const entries = parsePhhText("[1]\nvariant = 'NT'\nmin_bet = 2\n\n[2]\nvariant = 'FT'\n\n[3]\nactions = [\n");
    expect(entries.map((e) => ('error' in e ? e.error : 'ok'))).toEqual([
      'starting_stacks must be an array of whole chip counts',
      `variant "FT" is not supported (only 'NT', no-limit Texas hold'em)`,
      expect.stringMatching(/^TOML syntax/),
    ]);
    expect(() => parsePhhText('this is = = not toml')).toThrow();
    expect(() => parsePhhText('')).toThrow('no hand found');
  });

  it('reads a single-hand .phh document', () => {
    const [entry] = parsePhhText(writePhh(first));
    expect(entry && 'hand' in entry && entry.hand.actions).toEqual(first.actions);
  });
});

describe('export of hands played in Parley', () => {
  it('writes a cash game as PHHS that replays to the same stacks', () => {
    const rng = createRng(21);
    let s = nlhe.newInitialState(params({ players: 4, format: 'cash', hands: 6, ante: 5, straddles: [200], rebuy: true }));
    while (!nlhe.isTerminal(s)) {
      const seat = nlhe.currentPlayer(s);
      s =
        seat === 'chance'
          ? nlhe.applyAction(s, 'chance', nlhe.sampleChance!(s, rng))
          : nlhe.applyAction(s, seat as number, rng.pick(nlhe.legalActions(s, seat as number)));
    }
    const hands = matchToPhh(s);
    expect(hands).toHaveLength(6);
    const entries = parsePhhText(matchToPhhs(s));
    entries.forEach((entry, i) => {
      if ('error' in entry) throw new Error(entry.error);
      const result = replayPhh(entry.hand);
      if (!result.ok) throw new Error(result.error);
      expect(result.finishingStacks).toEqual(s.past[i]!.finishing);
      expect(entry.hand.extra).toMatchObject({ seats: s.past[i]!.seats.map((seat) => seat + 1), seat_count: 4 });
    });
    const last = s.past.at(-1)!;
    for (const [pos, seat] of last.seats.entries()) expect(s.stacks[seat]).toBe(last.finishing[pos]);
  });
});
