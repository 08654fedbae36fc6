/**
 * `tag`: a tight-aggressive rule bot for No-Limit Hold'em. A baseline to measure agents against,
 * not a strong player: it never bluffs, and it reads the table only through its own observation.
 *
 * Pre-flop it scores its two cards with the Chen formula (high card 10/8/7/6 for A/K/Q/J, half
 * the rank below that; pairs doubled, at least 5; +2 suited; -1/-2/-4/-5 for gaps of 1/2/3/4+;
 * +1 for a connector or one-gapper below a queen; halves rounded up). Unopened, it raises to
 * 2.5 big blinds (+1 per limper) when the score reaches 5.5 + 0.8 × (players still to act
 * behind it), so it opens about 10 (99+, AQo+, KQs) under the gun six-handed and about 7 on the
 * button; otherwise it folds (or checks its option). Facing raises it re-raises with 12+ (JJ+,
 * AKs) against one raise, 14+ (QQ+) against two, 16+ (KK+) after that, and calls when its score
 * reaches 7 (+2 per extra raise, -1 in the big blind) and its equity beats the pot odds by 3%.
 *
 * Post-flop it bets ½ pot with equity ≥ 0.62 and ¾ pot with ≥ 0.8 when checked to; facing a bet
 * it raises ¾ pot with ≥ 0.78, calls when its equity beats the pot odds (call / (pot + call)) by
 * 2%, and folds otherwise. A raise that would leave less than a third of the pot behind goes all
 * in. At a showdown it always shows (mucking can only lose the pot).
 *
 * Equity is a seeded Monte Carlo from `input.rng` (SAMPLES deals, well under a millisecond):
 * each opponent still in the hand gets two cards from the unseen ones, the board is completed,
 * and ties split. Opponents' ranges are random hands narrowed by their aggression: a player
 * who raised r times pre-flop holds a hand in the top PREFLOP_TOP[r] of the 1,326 by Chen score,
 * and one that bet or raised k times after the flop a made hand in the top max(0.25, 0.6^k) on
 * the current board (by rejection sampling, MAX_TRIES draws at most, then the last draw stands).
 * Calls do not narrow a range, and made-hand strength ignores draws: both are simplifications.
 */
import { Nlhe, type Rng } from '@parley/games';
import type { Agent, DecisionInput } from '../agent';

const evaluate7 = Nlhe.evaluate7;
const evaluate = Nlhe.evaluate;

const SAMPLES = 300;
const MAX_TRIES = 60;
const PREFLOP_TOP = [1, 0.5, 0.25, 0.15] as const;

/** What the bot reads: the `nlhe` engine's observation. */
type TableView = Nlhe.NlheObservation;

/** An abstract decision, turned into a legal action string by `toAction`. */
type Choice = { kind: 'fold' } | { kind: 'passive' } | { kind: 'raise'; to: number };

// ---- Chen scores and pre-flop percentiles --------------------------------------------------

const HIGH_CARD = [1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 10]; // ranks 2..A
const GAP_PENALTY = [0, 1, 2, 4, 5];

/** The Chen score of two cards (0..51, rank = card >> 2, suit = card & 3). */
export function chenScore(a: number, b: number): number {
  const hi = Math.max(a >> 2, b >> 2);
  const lo = Math.min(a >> 2, b >> 2);
  if (hi === lo) return Math.max(5, 2 * HIGH_CARD[hi]!);
  let score = HIGH_CARD[hi]!;
  if ((a & 3) === (b & 3)) score += 2;
  const gap = hi - lo - 1;
  score -= GAP_PENALTY[Math.min(gap, 4)]!;
  if (gap <= 1 && hi < 10) score += 1;
  return Math.ceil(score);
}

/** For each two-card combo (index a * 52 + b): the share of all 1,326 combos scoring at least as well. */
const PREFLOP_TOP_SHARE = (() => {
  const scores: number[] = [];
  for (let a = 0; a < 52; a++) for (let b = a + 1; b < 52; b++) scores.push(chenScore(a, b));
  const atLeast = new Map<number, number>();
  for (const s of new Set(scores)) atLeast.set(s, scores.filter((t) => t >= s).length / scores.length);
  const share = new Float64Array(52 * 52).fill(1);
  for (let a = 0; a < 52; a++) for (let b = 0; b < 52; b++) if (a !== b) share[a * 52 + b] = atLeast.get(chenScore(a, b))!;
  return share;
})();

// ---- Equity --------------------------------------------------------------------------------

/** An opponent's range: a pre-flop top share, and (after post-flop aggression) a minimum made-hand strength. */
interface Range {
  preTop: number;
  minStrength: number;
}

/**
 * Minimum made-hand strength on `board` for each requested top share, over every combo of the
 * unseen cards (the bot's own cards excluded).
 */
function strengthThresholds(board: readonly number[], unseen: readonly number[], shares: readonly number[]): number[] {
  const strengths: number[] = [];
  const cards = [0, 0, ...board];
  for (let i = 0; i < unseen.length; i++) {
    for (let j = i + 1; j < unseen.length; j++) {
      cards[0] = unseen[i]!;
      cards[1] = unseen[j]!;
      strengths.push(evaluate(cards));
    }
  }
  strengths.sort((x, y) => y - x);
  return shares.map((s) => strengths[Math.max(0, Math.ceil(s * strengths.length) - 1)]!);
}

/** Share of the pot the bot wins on average against `ranges`, by SAMPLES seeded deals. */
export function estimateEquity(
  hole: readonly number[],
  board: readonly number[],
  ranges: readonly Range[],
  rng: Rng,
  samples = SAMPLES,
): number {
  const seen = new Set([...hole, ...board]);
  const unseen: number[] = [];
  for (let c = 0; c < 52; c++) if (!seen.has(c)) unseen.push(c);
  const pool = Int32Array.from(unseen);
  const full = new Int32Array(5);
  const opp = new Int32Array(2 * ranges.length);
  const madeCards = [0, 0, ...board];
  const [h0, h1] = hole as [number, number];
  let won = 0;
  for (let t = 0; t < samples; t++) {
    let drawn = 0;
    // Partial Fisher-Yates: swapping inside the undrawn part keeps it the same set, so a
    // rejected pair is simply drawn again.
    const draw = (): number => {
      const j = drawn + rng.int(pool.length - drawn);
      const c = pool[j]!;
      pool[j] = pool[drawn]!;
      pool[drawn++] = c;
      return c;
    };
    for (let p = 0; p < ranges.length; p++) {
      const range = ranges[p]!;
      for (let tries = 1; ; tries++) {
        const start = drawn;
        const a = draw();
        const b = draw();
        let ok = PREFLOP_TOP_SHARE[a * 52 + b]! <= range.preTop;
        if (ok && range.minStrength > 0) {
          madeCards[0] = a;
          madeCards[1] = b;
          ok = evaluate(madeCards) >= range.minStrength;
        }
        if (ok || tries >= MAX_TRIES) {
          opp[2 * p] = a;
          opp[2 * p + 1] = b;
          break;
        }
        drawn = start;
      }
    }
    for (let i = 0; i < 5; i++) full[i] = i < board.length ? board[i]! : draw();
    const [b0, b1, b2, b3, b4] = full as unknown as [number, number, number, number, number];
    const mine = evaluate7(h0, h1, b0, b1, b2, b3, b4);
    let best = true;
    let ties = 1;
    for (let p = 0; p < ranges.length; p++) {
      const s = evaluate7(opp[2 * p]!, opp[2 * p + 1]!, b0, b1, b2, b3, b4);
      if (s > mine) {
        best = false;
        break;
      }
      if (s === mine) ties++;
    }
    if (best) won += 1 / ties;
  }
  return won / samples;
}

// ---- Reading the table ---------------------------------------------------------------------

const parseCards = (cards: readonly string[]): number[] => cards.map((c) => Nlhe.parseCard(c));

/** Raises by seat, pre-flop and after the flop, from the history lines (`3: raise 300`). */
function raisesBySeat(history: readonly string[]): { pre: Map<number, number>; post: Map<number, number> } {
  const pre = new Map<number, number>();
  const post = new Map<number, number>();
  let boardCards = 0;
  for (const line of history) {
    const entry = Nlhe.parseHistoryLine(line);
    if (entry?.kind === 'deal' && entry.to === 'board') boardCards++;
    if (entry?.kind !== 'act' || Nlhe.raiseTotal(entry.action) === null) continue;
    const seat = entry.seat;
    const into = boardCards === 0 ? pre : post;
    into.set(seat, (into.get(seat) ?? 0) + 1);
  }
  return { pre, post };
}

/** Seats in pre-flop acting order: under the gun … button, small blind, big blind (heads-up: button, big blind). */
function preflopOrder(view: TableView): number[] {
  const seated = view.players.filter((p) => p.inHand).map((p) => p.seat);
  const n = view.players.length;
  const fromButton = (seat: number) => (seat - view.button - 1 + n) % n; // 0 = small blind … last = button
  seated.sort((x, y) => fromButton(x) - fromButton(y));
  return seated.length === 2 ? [seated[1]!, seated[0]!] : [...seated.slice(2), ...seated.slice(0, 2)];
}

function rangesOf(view: TableView, board: readonly number[], unseen: readonly number[]): Range[] {
  const { pre, post } = raisesBySeat(view.history);
  const opponents = view.players.filter((p) => p.inHand && !p.folded && p.seat !== view.seat);
  const postShare = (k: number) => Math.max(0.25, 0.6 ** k);
  const shares = [...new Set(opponents.map((p) => post.get(p.seat) ?? 0).filter((k) => k > 0))];
  const thresholds = new Map<number, number>();
  if (board.length >= 3 && shares.length > 0) {
    const values = strengthThresholds(board, unseen, shares.map(postShare));
    shares.forEach((k, i) => {
      thresholds.set(k, values[i]!);
    });
  }
  return opponents.map((p) => ({
    preTop: PREFLOP_TOP[Math.min(pre.get(p.seat) ?? 0, PREFLOP_TOP.length - 1)]!,
    minStrength: thresholds.get(post.get(p.seat) ?? 0) ?? 0,
  }));
}

// ---- Decisions -----------------------------------------------------------------------------

/** Raise to `currentBet + fraction × (pot after calling)`, all in when little would be left behind. */
function potRaise(view: TableView, fraction: number): Choice {
  return sizedRaise(view, view.currentBet + Math.round(fraction * (view.pot + view.toCall)));
}

function sizedRaise(view: TableView, to: number): Choice {
  const bounds = view.raise;
  if (!bounds) return { kind: 'passive' };
  const me = view.players.find((p) => p.seat === view.seat)!;
  const myBet = me.bet ?? 0;
  let target = Math.min(bounds.max, Math.max(bounds.min, Math.round(to)));
  const behind = me.stack + myBet - target;
  const potAfter = view.pot + (target - myBet) + (target - view.currentBet);
  if (behind < potAfter / 3) target = bounds.max;
  return { kind: 'raise', to: target };
}

function preflop(view: TableView, hole: readonly number[], rng: Rng): Choice {
  const score = chenScore(hole[0]!, hole[1]!);
  const bb = view.blinds[1];
  const preRaises = view.history.filter((l) => /^\d+: raise /.test(l)).length;
  const order = preflopOrder(view);
  const folded = new Set(view.players.filter((p) => p.folded).map((p) => p.seat));
  const behind = order.slice(order.indexOf(view.seat) + 1).filter((s) => !folded.has(s)).length;
  const openAt = 5.5 + 0.8 * behind;
  if (preRaises === 0) {
    const limpers = view.history.filter((l) => /^\d+: call$/.test(l)).length;
    if (score >= openAt + (view.toCall === 0 ? 1 : 0))
      return sizedRaise(view, (2.5 + limpers) * bb + (view.toCall === 0 ? bb : 0));
    return view.toCall === 0 ? { kind: 'passive' } : { kind: 'fold' };
  }
  const reraiseAt = preRaises === 1 ? 12 : preRaises === 2 ? 14 : 16;
  if (score >= reraiseAt && view.raise) return sizedRaise(view, view.currentBet * (preRaises === 1 ? 3 : 2.3));
  const bigBlind = order[order.length - 1] === view.seat;
  const callAt = 7 + 2 * (preRaises - 1) - (bigBlind ? 1 : 0);
  if (score < callAt) return { kind: 'fold' };
  const unseen = unseenCards(hole, []);
  const equity = estimateEquity(hole, [], rangesOf(view, [], unseen), rng);
  return equity >= potOdds(view) + 0.03 ? { kind: 'passive' } : { kind: 'fold' };
}

function postflop(view: TableView, hole: readonly number[], board: readonly number[], rng: Rng): Choice {
  const equity = estimateEquity(hole, board, rangesOf(view, board, unseenCards(hole, board)), rng);
  if (view.toCall === 0) {
    if (equity >= 0.8) return potRaise(view, 0.75);
    if (equity >= 0.62) return potRaise(view, 0.5);
    return { kind: 'passive' };
  }
  if (equity >= 0.78 && view.raise) return potRaise(view, 0.75);
  return equity >= potOdds(view) + 0.02 ? { kind: 'passive' } : { kind: 'fold' };
}

const potOdds = (view: TableView): number => view.toCall / (view.pot + view.toCall);

function unseenCards(hole: readonly number[], board: readonly number[]): number[] {
  const seen = new Set([...hole, ...board]);
  return Array.from({ length: 52 }, (_, c) => c).filter((c) => !seen.has(c));
}

function toAction(choice: Choice, legal: readonly string[]): string {
  const passive = legal.includes('call') ? 'call' : 'check';
  if (choice.kind === 'fold') return legal.includes('fold') ? 'fold' : passive;
  if (choice.kind === 'raise') return Nlhe.raiseAction(choice.to);
  return passive;
}

export function decide(input: DecisionInput): string {
  const { legalActions: legal } = input;
  if (legal.includes('show')) return 'show';
  const view = input.observation as TableView;
  const hole = parseCards(view.hole);
  const board = parseCards(view.board);
  const choice = board.length === 0 ? preflop(view, hole, input.rng) : postflop(view, hole, board, input.rng);
  return toAction(choice, legal);
}

export function tagBot(gameId = 'nlhe'): Agent {
  if (gameId !== 'nlhe') throw new Error(`the tag bot plays No-Limit Hold'em (nlhe) only, not ${gameId}`);
  return {
    name: 'tag',
    act: (input) => {
      if (input.gameId !== 'nlhe') throw new Error(`the tag bot plays No-Limit Hold'em (nlhe) only, not ${input.gameId}`);
      return decide(input);
    },
  };
}
