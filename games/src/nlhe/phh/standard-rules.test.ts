/**
 * Export / re-import property over thousands of seeded hands (issue 18): tables of 2 to 6
 * players with short, uneven stacks (so all-ins and side pots are common) play random legal
 * actions, random raise sizes included; every hand exported as PHH must read back, replay
 * through the engine to the same finishing stacks, and hold only actions that are legal under
 * standard no-limit rules, checked here by a separate reading of the hand that shares no code
 * with the engine: a bet or raise short of the minimum is legal only when it puts the player
 * all in, and an incomplete raise does not let a player who already acted raise again.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../core/rng';
import { nlhe } from '../game';
import { raiseRange } from '../match/actions';
import type { NlheState } from '../match/session';
import { params } from '../testing';
import { matchToPhh, type PhhHand, parsePhhText, replayPhh, writePhhs } from '.';

interface Tally {
  allIns: number;
  shortAllIns: number;
  /** Hands where two or more players were all in for different amounts: side pots. */
  sidePots: number;
}

/** The first action of `hand` that standard no-limit rules forbid, or null; counts all-ins into `tally`. */
function firstIllegal(hand: PhhHand, tally: Tally): string | null {
  const n = hand.starting_stacks.length;
  const stacks = hand.starting_stacks.slice();
  for (let i = 0; i < n; i++) stacks[i]! -= Math.min(hand.antes[i] ?? 0, stacks[i]!);
  // Heads-up the button (p2) posts the small blind: PHH lists [small, big].
  const blind = (i: number) => (n === 2 ? hand.blinds_or_straddles[1 - i] : hand.blinds_or_straddles[i]) ?? 0;
  const bets = stacks.map((s, i) => Math.min(blind(i), s));
  for (let i = 0; i < n; i++) stacks[i]! -= bets[i]!;
  const folded = new Array<boolean>(n).fill(false);
  let actedAt = new Array<number>(n).fill(-1);
  let fullRaise = hand.min_bet;
  const allInFor = new Set<number>();
  const top = () => Math.max(...bets);
  for (const [k, text] of hand.actions.entries()) {
    const words = text.split(' ');
    if (words[0] === 'd') {
      if (words[1] === 'db') {
        bets.fill(0);
        actedAt = actedAt.fill(-1);
        fullRaise = hand.min_bet;
      }
      continue;
    }
    const i = Number(words[0]!.slice(1)) - 1;
    const why = (reason: string) => `action ${k} '${text}': ${reason}`;
    if (words[1] === 'sm') continue;
    if (folded[i] || stacks[i] === 0) return why('the player cannot act (folded or all in)');
    if (words[1] === 'f') {
      if (bets[i]! >= top()) return why('folding when checking is free');
      folded[i] = true;
    } else if (words[1] === 'cc') {
      const paid = Math.min(stacks[i]!, top() - bets[i]!);
      bets[i]! += paid;
      stacks[i]! -= paid;
      if (stacks[i] === 0) allInFor.add(bets[i]!);
    } else if (words[1] === 'cbr') {
      const to = Number(words[2]);
      const allIn = to === bets[i]! + stacks[i]!;
      if (to <= top()) return why(`raise to ${to} does not raise the bet of ${top()}`);
      if (to > bets[i]! + stacks[i]!) return why('raise beyond the stack');
      if (to - top() < fullRaise && !allIn)
        return why(`raise to ${to} is short of the minimum ${top() + fullRaise} and not all in`);
      if (actedAt[i]! >= 0 && top() - actedAt[i]! < fullRaise) return why('betting was not reopened for this player');
      if (allIn) {
        tally.allIns++;
        if (to - top() < fullRaise) tally.shortAllIns++;
        allInFor.add(to);
      }
      fullRaise = Math.max(fullRaise, to - top());
      stacks[i]! -= to - bets[i]!;
      bets[i] = to;
    } else return why('unknown verb');
    actedAt[i] = top();
  }
  if (allInFor.size >= 2) tally.sidePots++;
  return null;
}

/** A random legal action, biased to raise (often all in, sometimes by a random amount in the legal range). */
function pickAction(s: NlheState, seat: number, rng: Rng): string {
  const legal = nlhe.legalActions(s, seat);
  const raises = legal.filter((a) => a.startsWith('raise'));
  const roll = rng.float();
  const range = raiseRange(s);
  if (range && roll < 0.15) return `raise ${range.min + rng.int(range.max - range.min + 1)}`;
  if (raises.length > 0 && roll < 0.45) return rng.pick(raises);
  const passive = legal.filter((a) => !a.startsWith('raise'));
  if (passive.includes('fold') && rng.float() < 0.3) return 'fold';
  return passive.find((a) => a !== 'fold') ?? rng.pick(legal);
}

function playGame(seed: number): NlheState {
  const rng = createRng(seed);
  const players = 2 + rng.int(5);
  const stacks = Array.from({ length: players }, () => 1 + rng.int(rng.float() < 0.5 ? 40 : 400));
  let s = nlhe.newInitialState(
    params({ players, stacks, blinds: [1, 2], ante: rng.float() < 0.2 ? 1 : 0, format: 'cash', hands: 4, rebuy: true }),
  );
  while (!nlhe.isTerminal(s)) {
    const seat = nlhe.currentPlayer(s);
    if (seat === 'chance') s = nlhe.applyAction(s, 'chance', nlhe.sampleChance!(s, rng));
    else {
      const action = pickAction(s, seat as number, rng);
      expect(nlhe.validateAction(s, seat as number, action), action).toBeNull();
      s = nlhe.applyAction(s, seat as number, action);
    }
  }
  return s;
}

describe('PHH export and re-import under standard no-limit rules', () => {
  it('replays thousands of seeded hands with all-ins and side pots to the same stacks, every action legal', () => {
    const tally: Tally = { allIns: 0, shortAllIns: 0, sidePots: 0 };
    let hands = 0;
    for (let seed = 1; seed <= 800; seed++) {
      const s = playGame(seed);
      const entries = parsePhhText(writePhhs(matchToPhh(s)));
      expect(entries).toHaveLength(s.past.length);
      entries.forEach((entry, h) => {
        if ('error' in entry) throw new Error(`seed ${seed} hand ${h + 1}: ${entry.error}`);
        const replay = replayPhh(entry.hand);
        if (!replay.ok) throw new Error(`seed ${seed} hand ${h + 1}: ${replay.error}`);
        expect(replay.finishingStacks).toEqual(s.past[h]!.finishing);
        expect(entry.hand.finishing_stacks).toEqual(s.past[h]!.finishing);
        const illegal = firstIllegal(entry.hand, tally);
        if (illegal) throw new Error(`seed ${seed} hand ${h + 1}: ${illegal}`);
        hands++;
      });
    }
    expect(hands).toBe(3200);
    // The generator really reaches the cases the rule is about.
    expect(tally.allIns).toBeGreaterThan(1000);
    expect(tally.shortAllIns).toBeGreaterThan(50);
    expect(tally.sidePots).toBeGreaterThan(200);
  });

  it('the checker itself rejects a short raise that covers the opponent but is not all in', () => {
    const hand: PhhHand = {
      variant: 'NT',
      antes: [0, 0],
      blinds_or_straddles: [50, 100],
      min_bet: 100,
      starting_stacks: [10_000, 150],
      actions: ['d dh p1 AhKh', 'd dh p2 7c7d', 'p2 cc', 'p1 cc', 'd db 2s9dQc', 'p1 cbr 50', 'p2 cc'],
      extra: {},
    };
    const tally: Tally = { allIns: 0, shortAllIns: 0, sidePots: 0 };
    expect(firstIllegal(hand, tally)).toMatch(/short of the minimum 100 and not all in/);
    expect(firstIllegal({ ...hand, actions: [...hand.actions.slice(0, 5), 'p1 cbr 100', 'p2 cc'] }, tally)).toBeNull();
    expect(replayPhh(hand)).toMatchObject({ ok: false });
  });
});
