/** The `nlhe` Game interface: the conformance kit over several tables and formats, views, chance, parameters. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareActions } from '../core/game';
import { createRng, type Rng } from '../core/rng';
import { checkConformance } from '../testkit';
import { nthUndealt, undealtCards } from './engine';
import { nlhe } from './game';
import type { NlheState } from './match/session';
import { handHistory } from './match/views';
import { type PhhHand, parsePhhText } from './phh';
import { act, dealBoard, params, play, stacksOf, start } from './testing';

describe('conformance', () => {
  // Seeded playouts, each node checked deeply. Heads-up hands are cheap, so they get many; a
  // table of six or nine costs a dozen times more per hand, and a few dozen of its hands already
  // reach every street, all-ins and side pots (the phh replays test those exactly), so more of
  // them repeat paths at a full minute of a loaded machine's time.
  const cases: [string, Record<string, unknown>, number][] = [
    ['six-max hand (defaults)', {}, 60],
    ['heads-up hand', { players: 2 }, 200],
    ['full ring hand', { players: 9 }, 40],
    [
      'antes, big-blind ante and a straddle, short stacks',
      { players: 5, ante: 10, bigBlindAnte: 50, straddles: [200], stacks: [400, 900, 250, 3000, 150] },
      60,
    ],
    ['cash game, 3 hands', { players: 4, format: 'cash', hands: 3 }, 30],
    ['cash game with rebuys and short stacks', { players: 3, format: 'cash', hands: 4, startingStack: 300, rebuy: true }, 30],
    [
      'sit-and-go',
      {
        players: 3,
        format: 'sng',
        startingStack: 600,
        blindSchedule: [
          { hands: 2, blinds: [50, 100] },
          { hands: 2, blinds: [100, 200], ante: 25 },
        ],
      },
      30,
    ],
  ];
  // Issue 19: states share the arrays an action leaves alone, and the dealt cards of the last
  // deal's hand are remembered. Every state a playout passes through must still read as it did
  // when it was made, however far the match went on (and however often it was branched from).
  it('leaves every earlier state as it was, in straight playouts and in branches off old states', () => {
    const rng = createRng(19);
    for (const raw of [{ players: 2 }, { players: 9, ante: 10, straddles: [200] }, { players: 3, format: 'cash', hands: 6 }]) {
      const p = params(raw);
      for (let playout = 0; playout < 30; playout++) {
        const seen: [NlheState, string][] = [];
        let s = nlhe.newInitialState(p);
        while (!nlhe.isTerminal(s)) {
          seen.push([s, JSON.stringify(s)]);
          // Now and then step from an older state first, and throw the branch away.
          const old = seen[rng.int(seen.length)]![0];
          if (rng.int(4) === 0 && !nlhe.isTerminal(old)) step(old, rng);
          s = step(s, rng);
        }
        for (const [state, text] of seen) expect(JSON.stringify(state)).toBe(text);
      }
    }
  });

  for (const [name, raw, playouts] of cases) {
    it(`passes for a ${name}`, () => {
      const report = checkConformance(nlhe, { params: params(raw), playouts, seed: 11 });
      expect(report.playouts).toBe(playouts);
      expect(report.chanceNodes).toBeGreaterThan(0);
    });
  }
});

describe('descriptor and parameters', () => {
  it('declares the traits and standard defaults', () => {
    expect(nlhe.descriptor).toMatchObject({
      id: 'nlhe',
      minPlayers: 2,
      maxPlayers: 9,
      traits: { dynamics: 'sequential', chance: 'explicit', information: 'imperfect', utility: 'zero-sum' },
    });
    expect(nlhe.descriptor.defaultParams).toMatchObject({ players: 6, startingStack: 10_000, blinds: [50, 100], format: 'hand' });
  });

  it('rejects bad parameters with a params/invalid error naming the field', () => {
    for (const raw of [
      { players: 10 },
      { stacks: [100, 200] },
      { blinds: [200, 100] },
      { format: 'mtt' },
      { straddles: [200, 400, 800, 1600, 3200] },
      { bogus: 1 },
    ]) {
      const parsed = nlhe.descriptor.parseParams(raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.code).toBe('params/invalid');
    }
  });
});

describe('actions', () => {
  it('lists fold only when facing a bet, check or call, and sorted representative raises', () => {
    const s = start({ players: 3 }, { 0: 'AhKh', 1: '7c7d', 2: 'QsJs' });
    const legal = nlhe.legalActions(s, 2);
    expect(legal).toEqual([...legal].sort(compareActions));
    expect(legal.slice(0, 2)).toEqual(['call', 'fold']);
    expect(legal.at(-1)).toBe('raise 10000');
    expect(nlhe.legalActions(s, 0)).toEqual([]);
    expect(nlhe.validateAction(s, 0, 'call')?.code).toBe('action/not-your-turn');
    expect(nlhe.validateAction(s, 2, 'raise three hundred')?.code).toBe('action/unparseable');
    expect(nlhe.validateAction(s, 2, 'bet 300')?.code).toBe('action/unparseable');
    expect(nlhe.validateAction(s, 2, 'raise 4321')).toBeNull();
  });

  it('defaults to check when possible, else fold, and show at a showdown', () => {
    let s = start({ players: 2 }, { 0: 'AhKh', 1: '7c7d' });
    expect(nlhe.defaultAction(s, 1)).toBe('fold');
    s = act(s, 1, 'call');
    expect(nlhe.defaultAction(s, 0)).toBe('check');
    s = play(s, ['0: raise 200', '1: raise 10000', '0: call']);
    expect(nlhe.defaultAction(s, 1)).toBe('show');
  });

  it('deals exact cards as chance actions, and rejects a card already out or the wrong recipient', () => {
    const s0 = nlhe.newInitialState(params({ players: 2 }));
    expect(nlhe.currentPlayer(s0)).toBe('chance');
    const outcomes = nlhe.chanceOutcomes(s0);
    expect(outcomes).toHaveLength(52);
    expect(outcomes[0]).toEqual({ action: 'deal 0 2c', probability: 1 / 52 });
    const s1 = act(s0, 'chance', 'deal 0 As');
    expect(nlhe.validateAction(s1, 'chance', 'deal 0 As')?.code).toBe('nlhe/card-dealt');
    expect(nlhe.validateAction(s1, 'chance', 'deal 1 Kd')?.code).toBe('nlhe/bad-deal');
    expect(nlhe.validateAction(s1, 'chance', 'deal board Kd')?.code).toBe('nlhe/bad-deal');
    expect(nlhe.validateAction(s1, 0, 'check')?.code).toBe('action/not-your-turn');
    expect(nlhe.chanceOutcomes(s1)).toHaveLength(51);
  });

  it('samples chance from exactly the listed outcomes, uniformly', () => {
    const s = nlhe.newInitialState(params({ players: 2 }));
    const listed = new Set(nlhe.chanceOutcomes(s).map((o) => o.action));
    const rng = createRng(4);
    const counts = new Map<string, number>();
    // Counted here and asserted once: an \`expect\` per draw cost more than the draws.
    const unlisted: string[] = [];
    for (let i = 0; i < 52_000; i++) {
      const action = nlhe.sampleChance!(s, rng);
      if (!listed.has(action)) unlisted.push(action);
      counts.set(action, (counts.get(action) ?? 0) + 1);
    }
    expect(unlisted).toEqual([]);
    expect(counts.size).toBe(52);
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(160); // about 5 standard deviations
  });
});

describe('typed actions behind the text', () => {
  it('draws the k-th undealt card by bit counting exactly as indexing the listed deck', () => {
    let s = nlhe.newInitialState(params({ players: 9 }));
    const rng = createRng(11);
    for (let dealt = 0; dealt < 18; dealt++) {
      const deck = undealtCards(s.hand);
      expect(deck).toHaveLength(52 - dealt);
      for (const [k, card] of deck.entries()) expect(nthUndealt(s.hand, k)).toBe(card);
      expect(() => nthUndealt(s.hand, deck.length)).toThrow(RangeError);
      s = nlhe.applyAction(s, 'chance', nlhe.sampleChance!(s, rng));
    }
  });

  it('matches a listed text by identity, and still checks every other text in full', () => {
    const s = start({ players: 2 }, { 0: 'AhKh', 1: '7c7d' });
    const legal = nlhe.legalActions(s, 1) as string[];
    expect(legal).toEqual(['call', 'fold', 'raise 200', 'raise 250', 'raise 300', 'raise 500', 'raise 10000']);
    legal.push('raise 9999999'); // the caller owns its copy: this adds nothing to what is legal
    expect(nlhe.validateAction(s, 1, 'raise 9999999')?.code).toBe('nlhe/raise-size');
    expect(nlhe.validateAction(s, 1, 'raise 777')).toBeNull(); // any size in range, listed or not
    expect(nlhe.validateAction(s, 0, 'call')?.code).toBe('action/not-your-turn');
    expect(stacksOf(nlhe.applyAction(s, 1, 'raise 777'))).toEqual([9900, 9223]);
  });
});

describe('views', () => {
  const holes = { 0: 'AhKh', 1: '7c7d', 2: 'QsJs' };

  it('shows each seat its own hole cards only, and the spectator none', () => {
    const s = start({ players: 3 }, holes);
    const views = [0, 1, 2].map((seat) => JSON.stringify(nlhe.observation(s, seat)));
    expect(nlhe.observation(s, 0)).toMatchObject({ seat: 0, hole: ['Ah', 'Kh'], toAct: 2, pot: 150 });
    expect(views[0]).not.toMatch(/7c|7d|Qs|Js/);
    expect(views[1]).not.toMatch(/Ah|Kh|Qs|Js/);
    expect(JSON.stringify(nlhe.spectatorView(s))).not.toMatch(/Ah|Kh|7c|7d|Qs|Js/);
    expect(nlhe.privateValues(s, 1)).toEqual(['7c', '7d']);
    expect(nlhe.infoStateKey(s, 0)).not.toBe(nlhe.infoStateKey(s, 1));
  });

  it('gives the acting seat its exact raise range', () => {
    const s = start({ players: 3 }, holes);
    expect(nlhe.observation(s, 2)).toMatchObject({ raise: { min: 200, max: 10000 }, toCall: 100 });
    expect(nlhe.observation(s, 0)).toMatchObject({ raise: null, toCall: 50 });
  });

  it('reveals shown hands to everyone at showdown and in the record, and keeps mucked hands hidden', () => {
    let s = start({ players: 3 }, holes);
    s = play(s, ['2: call', '0: call', '1: check', 'board: 2s9dTc', '0: check', '1: check', '2: check', 'board: 3h', '0: check']);
    s = play(s, ['1: check', '2: check']);
    s = dealBoard(s, '4c');
    s = play(s, ['0: check', '1: check', '2: raise 100', '0: fold', '1: call']);
    s = act(s, 2, 'show');
    expect(nlhe.spectatorView(s)).toMatchObject({
      players: [{ seat: 0, folded: true }, { seat: 1 }, { seat: 2, shown: ['Qs', 'Js'] }],
    });
    expect(nlhe.privateValues(s, 2)).toEqual([]);
    s = act(s, 1, 'muck');
    expect(nlhe.isTerminal(s)).toBe(true);
    const [record] = handHistory(s);
    expect(record).toMatchObject({ hand: 1, board: '2s9dTc3h4c', shown: { '2': 'QsJs' }, button: 2 });
    expect(record!.actions).toContain('deal 2 Qs');
    expect(record!.actions).toContain('deal 1 ??');
    expect(JSON.stringify([record, nlhe.spectatorView(s), nlhe.observation(s, 2)])).not.toMatch(/7c|7d|Ah|Kh/);
    expect(JSON.stringify(nlhe.observation(s, 0))).not.toMatch(/7c|7d/);
    expect(nlhe.observation(s, 0)).toMatchObject({ hole: ['Ah', 'Kh'] }); // a seat still sees its own folded cards
  });
});

describe('the reference hands, through the Game interface', () => {
  /** Game parameters for a PHH hand (format 'hand', seat = PHH position), or null if they cannot express it. */
  function gameParams(hand: PhhHand): Record<string, unknown> | null {
    const n = hand.starting_stacks.length;
    const [sb, bb, ...straddles] = hand.blinds_or_straddles as [number, number, ...number[]];
    const ante = Math.min(...hand.antes);
    const extra = hand.antes.map((a) => a - ante);
    if (extra.some((x, i) => x > 0 && i !== 1) || (hand.ante_trimming_status && ante > 0)) return null;
    const active = straddles.filter((x) => x > 0);
    if (straddles.slice(active.length).some((x) => x > 0) || hand.min_bet !== bb) return null;
    return { players: n, stacks: hand.starting_stacks, blinds: [sb, bb], straddles: active, ante, bigBlindAnte: extra[1] ?? 0 };
  }

  /** One PHH action as Game actions (actor, text) in state `s`. */
  function translate(s: NlheState, action: string): [number | 'chance', string][] {
    const [who, verb, arg = ''] = action.split(' ') as [string, string, string?];
    if (who === 'd') {
      const cards = action.split(' ').at(-1)!.match(/../g)!;
      const target = verb === 'dh' ? String(Number(arg.slice(1)) - 1) : 'board';
      return cards.map((c) => ['chance', `deal ${target} ${c}`]);
    }
    const seat = Number(who.slice(1)) - 1;
    if (verb === 'f') return [[seat, 'fold']];
    if (verb === 'cbr') return [[seat, `raise ${arg}`]];
    if (verb === 'sm') return [[seat, arg ? 'show' : 'muck']];
    return [[seat, nlhe.legalActions(s, seat).includes('check') ? 'check' : 'call']];
  }

  it('plays all 140 hands with every action legal for the right seat and the published results', () => {
    let played = 0;
    for (const file of ['pluribus', 'sidepots']) {
      const text = readFileSync(new URL(`./__fixtures__/${file}.phhs`, import.meta.url), 'utf8');
      for (const entry of parsePhhText(text)) {
        if ('error' in entry) throw new Error(entry.error);
        const raw = gameParams(entry.hand);
        expect(raw, `${file} [${entry.name}] fits the game's parameters`).not.toBeNull();
        let s = nlhe.newInitialState(params(raw!));
        for (const phh of entry.hand.actions) {
          for (const [actor, action] of translate(s, phh)) {
            const error = nlhe.validateAction(s, actor, action);
            if (error) throw new Error(`${file} [${entry.name}] '${phh}' -> ${actor}: ${action}: ${error.message}`);
            s = nlhe.applyAction(s, actor, action);
          }
        }
        expect(nlhe.isTerminal(s)).toBe(true);
        const expected = entry.hand.finishing_stacks!.map((f, i) => f - entry.hand.starting_stacks[i]!);
        expect(nlhe.returns(s), `${file} [${entry.name}]`).toEqual(expected);
        played++;
      }
    }
    expect(played).toBe(140);
  });
});

/** One random step through the public interface: a sampled card or a random legal action. */
function step(s: NlheState, rng: Rng): NlheState {
  const current = nlhe.currentPlayer(s);
  if (current === 'chance') return nlhe.applyAction(s, 'chance', nlhe.sampleChance!(s, rng));
  const seat = current as number;
  return nlhe.applyAction(s, seat, rng.pick(nlhe.legalActions(s, seat)));
}
