/** Rules of a single hand, played through the `nlhe` Game interface (format 'hand': seat = PHH position). */
import { describe, expect, it } from 'vitest';
import { raiseBounds } from './engine';
import { nlhe } from './game';
import { act, dealBoard, play, stacksOf, start } from './testing';

const SIX = { players: 6 };
const sixHoles = { 0: '2c3d', 1: '4h5s', 2: 'AhAd', 3: '7c8c', 4: '9dTd', 5: 'JsQs' };

describe('blinds, antes and straddles', () => {
  it('posts the blinds and lets the seat after the big blind act first', () => {
    const s = start(SIX, sixHoles);
    expect(stacksOf(s)).toEqual([9950, 9900, 10000, 10000, 10000, 10000]);
    expect(nlhe.currentPlayer(s)).toBe(2);
    // Min raise, then 1/2, 3/4, 1 and 2 pots after calling (250 here: raise to 100 + f * 250), then all in.
    expect(nlhe.legalActions(s, 2)).toEqual([
      'call',
      'fold',
      'raise 200',
      'raise 225',
      'raise 288',
      'raise 350',
      'raise 600',
      'raise 10000',
    ]);
  });

  it('takes an ante from everyone and a big-blind ante from the big blind only, as dead money', () => {
    let s = start({ players: 3, ante: 10 }, { 0: '2c3d', 1: '4h5s', 2: 'AhAd' });
    expect(stacksOf(s)).toEqual([9940, 9890, 9990]);
    expect(s.hand.deadAntes).toBe(30);
    s = start({ players: 4, bigBlindAnte: 100 }, { 0: '2c3d', 1: '4h5s', 2: 'AhAd', 3: '7c8c' });
    expect(stacksOf(s)).toEqual([9950, 9800, 10000, 10000]);
    expect(s.hand.deadAntes).toBe(100);
  });

  it('puts a short big blind ante into the main pot, which the all-in big blind can win', () => {
    // The big blind has 150: it posts the 100 ante first, then only 50 of its blind.
    let s = start({ players: 3, bigBlindAnte: 100, stacks: [10000, 150, 10000] }, { 0: '7c2d', 1: 'AsAh', 2: '8d3c' });
    expect(stacksOf(s)).toEqual([9950, 0, 10000]);
    s = play(s, [
      '2: call',
      '0: check',
      'board: Kd9s4h',
      '0: check',
      '2: check',
      'board: 5c',
      '0: check',
      '2: check',
      'board: Jh',
    ]);
    s = play(s, ['0: check', '2: check', '0: show', '1: show', '2: show']);
    expect(nlhe.isTerminal(s)).toBe(true);
    expect(stacksOf(s)).toEqual([9950, 250, 9950]);
  });

  it('makes a straddle the bet to call; the next seat acts first and the straddler has the option', () => {
    let s = start({ players: 4, straddles: [200] }, { 0: '2c3d', 1: '4h5s', 2: 'AhAd', 3: '7c8c' });
    expect(stacksOf(s)).toEqual([9950, 9900, 9800, 10000]);
    expect(nlhe.currentPlayer(s)).toBe(3);
    // PokerKit's rule, which the reference hands follow: the minimum raise is the straddle plus the minimum bet.
    expect(raiseBounds(s.hand)).toEqual({ min: 300, max: 10000 });
    s = play(s, ['3: call', '0: call', '1: call']);
    expect(nlhe.currentPlayer(s)).toBe(2);
    expect(nlhe.legalActions(s, 2)).toContain('check');
    expect(nlhe.legalActions(s, 2)).not.toContain('fold');
  });
});

describe('bets and raises', () => {
  const flop = () => play(start({ players: 2 }, { 0: 'AhKh', 1: '7c7d' }), ['1: call', '0: check', 'board: 2s9dQc']);

  it('heads-up: the button posts the small blind and acts first pre-flop, last after the flop', () => {
    const s = start({ players: 2 }, { 0: 'AhKh', 1: '7c7d' });
    expect(stacksOf(s)).toEqual([9900, 9950]);
    expect(nlhe.currentPlayer(s)).toBe(1);
    expect(nlhe.currentPlayer(flop())).toBe(0);
  });

  it('requires at least the minimum bet, unless all in', () => {
    const s = flop();
    expect(nlhe.legalActions(s, 0)).toEqual(['check', 'raise 100', 'raise 150', 'raise 200', 'raise 400', 'raise 9900']);
    expect(nlhe.validateAction(s, 0, 'raise 99')?.code).toBe('nlhe/raise-size');
    expect(nlhe.validateAction(s, 0, 'raise 9901')?.code).toBe('nlhe/raise-size');
    expect(nlhe.validateAction(s, 0, 'raise 137')).toBeNull(); // any whole amount in range, not only the listed sizes
    expect(nlhe.validateAction(s, 0, 'fold')?.code).toBe('nlhe/no-bet-to-fold');
  });

  it('allows a raise short of the minimum only all in, not one that merely covers every opponent (issue 18)', () => {
    // Seat 1 has 50 behind on the flop: a bet of 50 would cover it, but the minimum bet is 100.
    const s = play(start({ players: 2, stacks: [10000, 150] }, { 0: 'AhKh', 1: '7c7d' }), [
      '1: call',
      '0: check',
      'board: 2s9dQc',
    ]);
    expect(raiseBounds(s.hand)).toEqual({ min: 100, max: 9900 });
    expect(nlhe.validateAction(s, 0, 'raise 50')?.code).toBe('nlhe/raise-size');
    expect(nlhe.legalActions(s, 0)).toEqual(['check', 'raise 100', 'raise 9900']);
    const bet = act(s, 0, 'raise 100');
    expect(nlhe.legalActions(bet, 1)).toEqual(['call', 'fold']);
  });

  it('reads `raise N` as raise to N, and requires a raise of at least the last raise', () => {
    let s = play(flop(), ['0: raise 100', '1: raise 350']);
    expect(stacksOf(s)).toEqual([9800, 9550]);
    expect(raiseBounds(s.hand)).toEqual({ min: 600, max: 9900 });
    expect(nlhe.validateAction(s, 0, 'raise 599')?.code).toBe('nlhe/raise-size');
    s = act(s, 0, 'raise 600');
    expect(stacksOf(s)).toEqual([9300, 9550]);
    expect(nlhe.validateAction(s, 1, 'check')?.code).toBe('nlhe/facing-bet');
  });

  it('does not reopen the betting after an all-in short of a full raise', () => {
    // Seat 2 (the button) has 250; on the flop seat 0 bets 100, seat 1 calls, seat 2 is all in for 150.
    let s = start({ players: 3, stacks: [10000, 10000, 250] }, { 0: 'AhKh', 1: '7c7d', 2: 'QsJs' });
    s = play(s, ['2: call', '0: call', '1: check', 'board: 2s9dQc', '0: raise 100', '1: call', '2: raise 150']);
    expect(nlhe.currentPlayer(s)).toBe(0);
    expect(nlhe.legalActions(s, 0)).toEqual(['call', 'fold']);
    expect(nlhe.validateAction(s, 0, 'raise 300')?.code).toBe('nlhe/raise-closed');
    s = act(s, 0, 'call');
    expect(nlhe.legalActions(s, 1)).toEqual(['call', 'fold']);
  });

  it('lets a player who has not acted raise over a short all-in, and reopens after short all-ins add up to a full raise', () => {
    // Four-handed: seats 2 and 3 hold 250 and 310; on the flop seat 0 bets 100.
    let s = start({ players: 4, stacks: [10000, 10000, 250, 310] }, { 0: 'AhKh', 1: '7c7d', 2: 'QsJs', 3: '5h5d' });
    s = play(s, ['2: call', '3: call', '0: call', '1: check', 'board: 2s9dQc', '0: raise 100', '1: call', '2: raise 150']);
    expect(raiseBounds(s.hand)).toEqual({ min: 210, max: 210 }); // seat 3 has not acted: it may raise (here only all in, 210)
    s = act(s, 3, 'raise 210');
    // Seat 0 last acted at 100; the bet is now 210, more than a full raise (100) above it.
    expect(raiseBounds(s.hand)).toEqual({ min: 310, max: 9900 });
    expect(nlhe.legalActions(s, 0)).toContain('raise 310');
  });
});

describe('showdown and pots', () => {
  it('splits three all-in stacks into a main and a side pot, returns the uncalled bet, shows before the run-out', () => {
    let s = start({ players: 3, stacks: [1000, 500, 200] }, { 0: 'QsQh', 1: 'KsKh', 2: 'AsAh' });
    s = play(s, ['2: raise 200', '0: raise 1000', '1: call']);
    // The last raiser (seat 0) shows first; nobody may muck with a player all in; the board comes after.
    expect(s.hand.phase).toBe('showdown');
    expect(s.hand.board).toEqual([]);
    expect(nlhe.legalActions(s, 0)).toEqual(['show']);
    s = play(s, ['0: show', '1: show', '2: show']);
    expect(nlhe.currentPlayer(s)).toBe('chance');
    s = dealBoard(s, '2c7d9cTd3s');
    expect(nlhe.isTerminal(s)).toBe(true);
    // Main pot 600 to the aces; side pot 600 (kings vs queens) to the kings; 500 of seat 0's bet was never called.
    expect(stacksOf(s)).toEqual([500, 600, 600]);
    expect(nlhe.returns(s)).toEqual([-500, 100, 400]);
  });

  it('starts the showdown with the last river bettor, lets a loser muck, and never reveals a mucked hand', () => {
    let s = start({ players: 3 }, { 0: '2c3d', 1: 'KsKh', 2: '8d8s' });
    s = play(s, ['2: call', '0: call', '1: check', 'board: AsTd4c', '0: check', '1: check', '2: check', 'board: 6h', '0: check']);
    s = play(s, ['1: check', '2: check', 'board: Jc', '0: check', '1: raise 300', '2: call', '0: fold']);
    expect(nlhe.currentPlayer(s)).toBe(1);
    s = act(s, 1, 'show');
    expect(nlhe.legalActions(s, 2)).toEqual(['muck', 'show']);
    s = act(s, 2, 'muck');
    expect(nlhe.isTerminal(s)).toBe(true);
    expect(stacksOf(s)).toEqual([9900, 10500, 9600]);
    const seen = JSON.stringify([nlhe.spectatorView(s), nlhe.observation(s, 0), nlhe.observation(s, 1)]);
    expect(seen).toContain('KsKh');
    expect(seen).not.toMatch(/8d|8s/);
  });

  it('starts a river showdown without a bet with the first seat to act, and the last hand left must show', () => {
    let s = start({ players: 3 }, { 0: '2c3d', 1: 'KsKh', 2: '8d8s' });
    s = play(s, ['2: call', '0: call', '1: check', 'board: AsTd4c', '0: check', '1: check', '2: check', 'board: 6h']);
    s = play(s, ['0: check', '1: check', '2: check', 'board: Jc', '0: check', '1: check', '2: check']);
    expect(nlhe.currentPlayer(s)).toBe(0);
    s = play(s, ['0: muck', '1: muck']);
    expect(nlhe.legalActions(s, 2)).toEqual(['show']);
    s = act(s, 2, 'show');
    expect(stacksOf(s)).toEqual([9900, 9900, 10200]);
  });

  it('gives the odd chip of a split pot to the first seat left of the button', () => {
    // Three-handed with a 1-chip ante: the button folds, the blinds split 7 chips on a royal-flush board.
    let s = start({ players: 3, blinds: [1, 2], ante: 1, stacks: [100, 100, 100] }, { 0: '2c3d', 1: '4h5s', 2: '8d8s' });
    s = play(s, ['2: fold', '0: call', '1: check', 'board: AsKsQs', '0: check', '1: check', 'board: Js', '0: check', '1: check']);
    s = play(s, ['board: Ts', '0: check', '1: check', '0: show', '1: show']);
    expect(stacksOf(s)).toEqual([101, 100, 99]);
    // Heads-up the first seat left of the button is the big blind (seat 0).
    let h = start({ players: 2, blinds: [1, 2], bigBlindAnte: 1, stacks: [100, 100] }, { 0: '2c3d', 1: '4h5s' });
    h = play(h, ['1: call', '0: check', 'board: AsKsQs', '0: check', '1: check', 'board: Js', '0: check', '1: check']);
    h = play(h, ['board: Ts', '0: check', '1: check', '0: show', '1: show']);
    expect(stacksOf(h)).toEqual([100, 100]);
    expect(nlhe.returns(h)).toEqual([0, 0]);
  });

  it('ends without a showdown when everyone folds, and the hole cards stay hidden', () => {
    let s = start(SIX, sixHoles);
    s = play(s, ['2: raise 300', '3: fold', '4: fold', '5: fold', '0: fold', '1: fold']);
    expect(nlhe.isTerminal(s)).toBe(true);
    expect(stacksOf(s)).toEqual([9950, 9900, 10150, 10000, 10000, 10000]);
    expect(JSON.stringify(nlhe.spectatorView(s))).not.toMatch(/Ah|Ad|2c|JsQs|"Js"/);
    expect(JSON.stringify(nlhe.observation(s, 3))).not.toMatch(/"Ah"|AhAd/);
  });
});
