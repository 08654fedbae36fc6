/**
 * MATCHSTATE strings byte for byte against the specification's heads-up no-limit example
 * (client in position 0, 20,000-chip stacks, blinds 50/100, hand 30), played through the NLHE
 * engine with the example's cards; replies read and turned into engine actions; game
 * definitions read, written and refused.
 */
import { Nlhe, nlhe } from '@parley/games';
import { describe, expect, it } from 'vitest';
import { gamedefOf, paramsOf, parseGamedef, writeGamedef } from './gamedef';
import { currentHand, engineAction, finishedHand, matchState, parseReply, stateLine } from './matchstate';

const HUNL = `# heads-up no-limit, reverse blinds
GAMEDEF
nolimit
numPlayers = 2
numRounds = 4
stack = 20000 20000
blind = 100 50
firstPlayer = 2 1 1 1
numSuits = 4
numRanks = 13
numHoleCards = 2
numBoardCards = 0 3 1 1
END GAMEDEF
`;

function hunlHand(): Nlhe.NlheState {
  const def = parseGamedef(HUNL);
  if (!def.ok) throw new Error(def.error);
  const parsed = nlhe.descriptor.parseParams({ ...paramsOf(def.gamedef, 1), format: 'hand' });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return nlhe.newInitialState(parsed.params);
}

/** Applies engine actions that must be legal; `deal` lines deal the named cards. */
function play(s: Nlhe.NlheState, steps: string[], seen: string[] = []): Nlhe.NlheState {
  for (const step of steps) {
    const actor = step.startsWith('deal') ? 'chance' : Number(step.split(':')[0]);
    const action = step.startsWith('deal') ? step : step.split(': ')[1]!;
    expect(nlhe.validateAction(s, actor, action), step).toBeNull();
    s = nlhe.applyAction(s, actor, action);
    if (!s.over && s.hand.phase === 'betting') {
      const line = matchState({ ...currentHand(s), number: 30 }, 0)!;
      if (seen.at(-1) !== line) seen.push(line);
    }
  }
  return s;
}

describe('MATCHSTATE, the specification example', () => {
  it('writes every state of the heads-up no-limit example byte for byte, and the final showdown state', () => {
    // Seat 0 is position 0 (the big blind); seat 1 the button, who posts the small blind.
    const seen: string[] = [];
    let s = play(hunlHand(), ['deal 0 9s', 'deal 0 8h', 'deal 1 9c', 'deal 1 6h'], seen);
    s = play(s, ['1: call', '0: check', 'deal board 8c', 'deal board 8d', 'deal board 5c'], seen);
    // r250 on the flop is a raise to 250 chips over the hand: 150 on this street.
    s = play(s, ['0: raise 150', '1: call', 'deal board 6s', '0: raise 250', '1: call', 'deal board 2d'], seen);
    s = play(s, ['0: raise 750', '1: call'], seen);
    expect(seen.slice(0, 3)).toEqual(['MATCHSTATE:0:30::9s8h|', 'MATCHSTATE:0:30:c:9s8h|', 'MATCHSTATE:0:30:cc/:9s8h|/8c8d5c']);
    expect(seen.at(-1)).toBe('MATCHSTATE:0:30:cc/r250c/r500c/r1250:9s8h|/8c8d5c/6s/2d');
    while (!s.over) s = nlhe.applyAction(s, nlhe.currentPlayer(s) as number, 'show');
    const final = { ...finishedHand(s.past[0]!), number: 30 };
    expect(matchState(final, 0)).toBe('MATCHSTATE:0:30:cc/r250c/r500c/r1250c:9s8h|9c6h/8c8d5c/6s/2d');
    expect(matchState(final, 1)).toBe('MATCHSTATE:1:30:cc/r250c/r500c/r1250c:9s8h|9c6h/8c8d5c/6s/2d');
    // The dealer's log line: trip eights beat two pair, 1250 chips each way.
    expect(stateLine(final, [1250, -1250], ['P1', 'P2'])).toBe(
      'STATE:30:cc/r250c/r500c/r1250c:9s8h|9c6h/8c8d5c/6s/2d:1250|-1250:P1|P2',
    );
  });

  it("hides the opponent's cards until they are shown, and a folded winner's for good", () => {
    let s = play(hunlHand(), ['deal 0 9s', 'deal 0 8h', 'deal 1 9c', 'deal 1 6h']);
    expect(matchState(currentHand(s), 1)).toBe('MATCHSTATE:1:0::|9c6h');
    s = play(s, ['1: raise 300', '0: fold']);
    const final = finishedHand(s.past[0]!);
    expect(matchState(final, 0)).toBe('MATCHSTATE:0:0:r300f:9s8h|');
    expect(matchState(final, 1)).toBe('MATCHSTATE:1:0:r300f:|9c6h');
    expect(matchState(final, 5)).toBeNull();
    // The log sees every card dealt, even a hand that was folded.
    expect(stateLine(final, [-100, 100], ['P1', 'P2'])).toBe('STATE:0:r300f:9s8h|9c6h:-100|100:P1|P2');
  });

  it('lists the rounds an all-in skips, with the board of each', () => {
    let s = play(hunlHand(), ['deal 0 9s', 'deal 0 8h', 'deal 1 9c', 'deal 1 6h', '1: raise 20000', '0: call']);
    while (!s.over) {
      const actor = nlhe.currentPlayer(s);
      s =
        actor === 'chance'
          ? nlhe.applyAction(s, 'chance', nlhe.chanceOutcomes(s)[0]!.action)
          : nlhe.applyAction(s, actor as number, 'show');
    }
    expect(matchState(finishedHand(s.past[0]!), 0)).toMatch(/^MATCHSTATE:0:0:r20000c\/\/\/:9s8h\|9c6h\/\w{6}\/\w{2}\/\w{2}$/);
  });
});

describe('replies', () => {
  it('reads the echoed state and the action, and refuses anything else', () => {
    expect(parseReply('MATCHSTATE:0:30:cc/:9s8h|/8c8d5c:r250')).toEqual({
      state: 'MATCHSTATE:0:30:cc/:9s8h|/8c8d5c',
      action: { kind: 'r', to: 250 },
    });
    expect(parseReply('MATCHSTATE:0:30:c:9s8h|:c')).toEqual({ state: 'MATCHSTATE:0:30:c:9s8h|', action: { kind: 'c' } });
    expect(parseReply('MATCHSTATE:2:55:rcc/rfc/rc/r:||AsTs/4cJh8h/Kd/8c:f')).toMatchObject({ action: { kind: 'f' } });
    for (const bad of ['MATCHSTATE:0:30:c:9s8h|', 'MATCHSTATE:0:30:c:9s8h|:x', 'hello:c', 'MATCHSTATE:0:1::|:r-5'])
      expect(parseReply(bad)).toMatchObject({ code: 'acpc/unparseable' });
  });

  it('turns r<N> over the hand into a raise-to on the street, fixing sizes and folds as the reference dealer does', () => {
    const s = play(hunlHand(), [
      'deal 0 9s',
      'deal 0 8h',
      'deal 1 9c',
      'deal 1 6h',
      '1: call',
      '0: check',
      'deal board 8c',
      'deal board 8d',
      'deal board 5c',
    ]);
    const range = Nlhe.raiseRange(s);
    expect(engineAction(s, { kind: 'r', to: 250 }, range)).toEqual({ action: 'raise 150' });
    // Below the minimum bet of 100 (a raise to 200 over the hand), and beyond the stack.
    expect(engineAction(s, { kind: 'r', to: 150 }, range)).toEqual({
      action: 'raise 100',
      fixed: 'raise to 150 is outside 200..20000',
    });
    expect(engineAction(s, { kind: 'r', to: 99_999 }, range)).toMatchObject({ action: 'raise 19900' });
    expect(engineAction(s, { kind: 'f' }, range)).toEqual({ action: 'check', fixed: 'no bet to fold to' });
    expect(engineAction(s, { kind: 'c' }, range)).toEqual({ action: 'check' });
    expect(engineAction(s, { kind: 'r', to: 250 }, null)).toEqual({ action: 'check', fixed: 'raising is not allowed here' });
  });
});

describe('game definitions', () => {
  it('reads the heads-up no-limit definition and writes it back', () => {
    const def = parseGamedef(HUNL);
    expect(def).toEqual({ ok: true, gamedef: { numPlayers: 2, stack: [20000, 20000], blind: [100, 50] } });
    if (!def.ok) return;
    expect(parseGamedef(writeGamedef(def.gamedef))).toEqual(def);
    expect(paramsOf(def.gamedef, 100)).toEqual({
      players: 2,
      stacks: [20000, 20000],
      blinds: [50, 100],
      format: 'cash',
      hands: 100,
      resetStacks: true,
    });
  });

  it('maps ring games with blinds small then big, and back from Parley parameters', () => {
    const ring = HUNL.replace('numPlayers = 2', 'numPlayers = 3')
      .replace('stack = 20000 20000', 'stack = 500 500 500')
      .replace('blind = 100 50', 'blind = 5 10 0')
      .replace('firstPlayer = 2 1 1 1', 'firstPlayer = 3 1 1 1');
    const def = parseGamedef(ring);
    expect(def).toEqual({ ok: true, gamedef: { numPlayers: 3, stack: [500, 500, 500], blind: [5, 10, 0] } });
    const parsed = nlhe.descriptor.parseParams({
      players: 3,
      startingStack: 500,
      blinds: [5, 10],
      format: 'cash',
      resetStacks: true,
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(gamedefOf(parsed.params)).toEqual(def);
  });

  it('refuses what Parley does not play, naming the field', () => {
    const refuse = (text: string) => {
      const r = parseGamedef(text);
      return r.ok ? '' : r.error;
    };
    expect(refuse(HUNL.replace('nolimit', 'limit'))).toMatch(/nolimit/);
    expect(refuse(HUNL.replace('firstPlayer = 2 1 1 1', 'firstPlayer = 1 1 1 1'))).toMatch(/firstPlayer/);
    expect(refuse(HUNL.replace('numRanks = 13', 'numRanks = 3'))).toMatch(/numRanks/);
    expect(refuse(HUNL.replace('blind = 100 50', 'blind = 50 100'))).toMatch(/blind/);
    expect(refuse(HUNL.replace('stack = 20000 20000', 'stack = 20000'))).toMatch(/stack/);
    expect(refuse('numPlayers = 2')).toMatch(/GAMEDEF/);
    const sng = nlhe.descriptor.parseParams({ players: 2, format: 'sng' });
    if (sng.ok) expect(gamedefOf(sng.params)).toMatchObject({ ok: false });
  });
});
