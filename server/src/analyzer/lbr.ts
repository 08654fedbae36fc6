/**
 * Local Best Response (LBR): a lower bound on an agent's exploitability in heads-up No-Limit
 * Hold'em, where the game is far too large for the exact best response of `best-response.ts`.
 *
 * Source: V. Lisý and M. Bowling, "Equilibrium Approximation Quality of Current No-Limit Poker
 * Bots", AAAI Workshop on Computer Poker and Imperfect Information Games, 2017.
 *
 * Why it is a lower bound. Exploitability is ε(σ) = ½ Σ_seat max_τ u_seat(τ, σ): the average
 * amount the best counter-strategy wins per hand over both seats (see `exploitability.ts`). LBR
 * is one particular counter-strategy: it sees only its own cards and the public actions, and it
 * may consult the agent's policy (a best response knows the strategy it answers). Whatever it
 * wins in expectation, seats alternating, is therefore at most ε(σ). We estimate that expectation
 * by playing hands, so the figure is a lower bound up to sampling error, reported with a 95%
 * interval; a negative figure says nothing beyond ε ≥ 0.
 *
 * The LBR rule, at each of its betting decisions (at a showdown it always shows):
 *   - range: the opponent's possible holdings, weighted (below);
 *   - wp_h: LBR's showdown share against holding h (win 1, tie ½), averaged over random
 *     completions of the board; wp = Σ_h w_h wp_h / Σ_h w_h;
 *   - with P the chips in the middle now (both players' bets included) and c LBR's amount to call:
 *       u(fold) = 0 (only facing a bet),  u(check/call) = wp · P − (1 − wp) · c;
 *   - for each raise-to total T in the action set: f_h = the agent's fold probability with h after
 *     LBR raises to T, fp = Σ w_h f_h / Σ w_h, and wp' = the share against the range reweighted by
 *     (1 − f_h) (the holdings that continue); if called, both players put in up to
 *     L = min(T, the opponent's bet + stack) and LBR is assumed to check/call down to showdown:
 *       u(T) = fp · P + (1 − fp) · (wp' · (P + (L − b_LBR) + (L − b_opp)) − (L − b_LBR));
 *   - it plays the action of greatest u (ties: check/call, then the smaller raise).
 * Utilities are relative to folding now, so chips already in are sunk. The paper's pseudo-code
 * writes the same terms with a = the raise above the call.
 *
 * Approximations (ours, beyond the paper's own: the one-step lookahead and check/call-down):
 *   1. Action set: fold, check/call, raise to current bet + f × (pot after calling) for f in
 *      `fractions` (default ½ and 1), and all in; sizes clipped to the legal range, deduplicated.
 *   2. Range by particles: at the start of each hand `particles` distinct holdings (default 128)
 *      are drawn uniformly from the 1,225 that do not use LBR's cards, each with weight 1; those
 *      that meet a board card drop out (weight 0). The paper tracks all 1,326 holdings.
 *   3. Range update: after each opponent betting action a, w_h ← w_h · L_h(a) with L_h(a) =
 *      (exact + ¼ · similar + 0.01) / (m + 0.01), where, among the agent's m answers at the same
 *      public state holding h (m = `agentSamples`, default 1, each with its own seeded Rng),
 *      `exact` equal a and `similar` are another size of the same kind (a different raise). The
 *      small floor keeps one unexpected action from zeroing every particle; should every weight
 *      vanish anyway, the range resets to uniform (counted in `rangeResets`). Updates are made
 *      lazily, at LBR's next decision, so a hand that ends first costs no queries.
 *   4. Fold probabilities are the empirical frequency of `fold` among the same m answers. An
 *      illegal or failing answer counts as the runtime's default (fold facing a bet), as in a match.
 *      For a fixed number of queries K·m, fp's variance Var_h(f_h)/K + E_h[f_h(1 − f_h)]/(K·m)
 *      is smallest with m = 1, hence the defaults (more holdings, one answer each). Too few
 *      holdings make LBR overrate a fold (no tracked holding calls a shove), which costs it chips
 *      but never makes the figure an overestimate.
 *   5. Rollouts: wp_h from about `rollouts` / (live particles) random board completions per holding
 *      (default 2,048 in all), exact on the river.
 *   6. Answers are cached per (public state, holding) within a hand, so the answers that gave a
 *      fold probability after a raise LBR then makes also update the range. A total `budget` of
 *      agent queries bounds the cost; once spent, LBR stops asking: it keeps its current weights
 *      and takes every fold probability to be 0 (still a legitimate strategy, so still a bound).
 *   7. The agent is queried on states that differ from the real one only in its own hole cards
 *      (in the hand and in its log); it must be stateless across calls (bots are; an agent with
 *      conversation memory would be disturbed by the queries). Every query has the deadline of a real
 *      decision (`deadlineMs`), so a model that never answers costs a deadline per query, not a hang.
 *
 *   8. Scoring (variance reduction, not an approximation of LBR): a hand in which both players
 *      are all in before the river is scored by LBR's expected share of the pot over the boards
 *      still to come (exact on the flop and turn, 4,000 seeded boards pre-flop) rather than by the
 *      one board dealt. Its expectation is the same; `allInEv: false` scores dealt boards instead.
 *
 * Play: heads-up single hands (`format: 'hand'`, fresh stacks every hand; default 100 big blinds,
 * blinds 50/100) in pairs with the seats swapped and the same cards dealt to the same positions.
 * Each hand is an ordinary match: `runMatch` plays it with LBR as one seat (a trusted in-process
 * agent that follows the full state through `observe`), so its record (`onHand`) is a match
 * record like any other, replayed by `parley replay` with the same final-state hash. Both hands of
 * pair p are seeded with deriveSeed(seed, 'pair', p): the runner derives every deal from the seed
 * and the card's place in the deal, so the two hands deal the same cards (duplicate poker), and
 * the agent's own randomness is the runner's per-seat draw. (Before hands were records, LBR dealt
 * from (seed, 'deal', p, k) in a loop of its own; a record must be dealt by the runner's rule to
 * be verifiable, so the same seed now plays different cards than it did then.) One sample is a
 * pair's mean, so the 95% interval is mean ± 1.96 standard errors over pairs.
 */
import type { Agent } from '@parley/agents';
import { createRng, deriveSeed, Nlhe, nlhe, type Rng } from '@parley/games';
import { askForAction } from '../runtime/ask-agent';
import { type Clock, systemClock } from '../runtime/clock';
import { runMatch } from '../runtime/match-runner';
import type { MatchRecord } from '../runtime/record';
import { RunningStats } from '../runtime/stats';

/** The game LBR plays: it reasons about No-Limit Hold'em hands and ranges. */
export const LBR_GAME = nlhe.descriptor.id;

type State = Nlhe.NlheState;

export interface LbrOptions {
  /** Hands to play; played in seat-swapped pairs, so an odd count is rounded up. */
  hands: number;
  seed?: number;
  /** NLHE parameters (stacks, blinds); `players` must be 2 and `format` 'hand' (the defaults here). */
  params?: Record<string, unknown>;
  /** Holdings tracked per hand (default 128, at most 1,225). */
  particles?: number;
  /** Agent answers per holding and public state (default 1). */
  agentSamples?: number;
  /** Board completions per LBR decision, shared among the live holdings (default 2,048). */
  rollouts?: number;
  /** Raise sizes as fractions of the pot after calling (default ½ and 1). */
  fractions?: readonly number[];
  /** Whether all in is in the action set (default true). */
  allIn?: boolean;
  /** Maximum agent queries in all, real decisions not counted (default 5,000,000). */
  budget?: number;
  /** Score hands all in before the river by LBR's equity instead of the dealt board (default true). */
  allInEv?: boolean;
  /** Milliseconds per agent answer, real or hypothetical (default 60,000); a late answer is the default. */
  deadlineMs?: number;
  /** The clock the deadlines run on (a fake one in tests). */
  clock?: Clock;
  /** Called after each pair of hands (progress). */
  onPair?: (pairsDone: number, pairs: number) => void;
  /** Called with each hand's match record, in play order (`parley exploitability --out`). */
  onHand?: (record: MatchRecord<Nlhe.NlheParams>) => void;
}

export interface LbrResult {
  hands: number;
  pairs: number;
  bigBlind: number;
  /** LBR's mean winnings in chips per hand, and in thousandths of a big blind. */
  chipsPerHand: number;
  mbbPerHand: number;
  /** 95% interval of mbbPerHand (normal approximation over pairs). */
  interval95: [number, number];
  stdErrMbb: number;
  particles: number;
  agentSamples: number;
  fractions: number[];
  allIn: boolean;
  allInEv: boolean;
  /** Queries to the agent on hypothetical holdings, and whether the budget ran out. */
  agentCalls: number;
  budgetExhausted: boolean;
  /** The agent's illegal or failing answers in the real hands (each played as the default). */
  illegalAnswers: number;
  rangeResets: number;
  /** LBR's betting decisions by kind. */
  lbrActions: { fold: number; check: number; call: number; raise: number; allIn: number };
}

type Kind = 'fold' | 'passive' | 'raise' | 'other';
const kindOf = (action: string): Kind =>
  action === 'fold'
    ? 'fold'
    : action === 'check' || action === 'call'
      ? 'passive'
      : Nlhe.raiseTotal(action) !== null
        ? 'raise'
        : 'other';

const FLOOR = 0.01;
const ALL_IN_SAMPLES = 4_000;
const SIMILAR = 0.25;

/** Settings and counters shared by every hand of one run. */
class Run {
  agentCalls = 0;
  illegalAnswers = 0;
  rangeResets = 0;
  /** Set once a query was refused for want of budget. */
  refused = false;
  readonly lbrActions = { fold: 0, check: 0, call: 0, raise: 0, allIn: 0 };
  constructor(
    readonly agent: Agent,
    readonly seed: number,
    readonly particles: number,
    readonly samples: number,
    readonly rollouts: number,
    readonly fractions: readonly number[],
    readonly allIn: boolean,
    readonly budget: number,
    readonly allInEv: boolean,
    readonly deadlineMs: number,
    readonly clock: Clock,
    readonly onHand: LbrOptions['onHand'],
  ) {}
  /** Whether another holding's m answers still fit the budget. */
  canAsk(): boolean {
    if (this.agentCalls + this.samples <= this.budget) return true;
    this.refused = true;
    return false;
  }
}

/** The agent's answer at `state`, asked as in a match: an illegal, failing, empty or late answer is the default action. */
async function answer(run: Run, state: State, seat: number, rng: Rng): Promise<{ action: string; legal: boolean }> {
  const played = await askForAction(nlhe, state, seat, run.agent, rng, run.deadlineMs, run.clock, undefined);
  return { action: played.action, legal: played.substitution === undefined };
}

/** The public node: the hand's log without the hole-card deals (constant within a hand). */
const nodeKey = (state: State): string => Nlhe.publicLogKey(state);

/** One hand from LBR's side: its range over the agent's holdings, and the answers cache. */
class Hand {
  /** Particle i holds cards[2i], cards[2i+1]. */
  cards = new Int32Array(0);
  weights = new Float64Array(0);
  private readonly cache = new Map<string, readonly string[] | null>();
  private readonly pending: { state: State; action: string }[] = [];
  private decisions = 0;

  constructor(
    private readonly run: Run,
    private readonly tag: readonly (string | number)[],
    readonly lbrSeat: number,
    readonly agentSeat: number,
  ) {}

  /** Draws the particles once LBR's hole cards are known. */
  private init(state: State): void {
    if (this.cards.length > 0) return;
    const mine = state.hand.hole[state.seats.indexOf(this.lbrSeat)]!;
    const rng = createRng(deriveSeed(this.run.seed, 'particles', ...this.tag));
    const free: number[] = [];
    for (let a = 0; a < 52; a++)
      for (let b = a + 1; b < 52; b++) if (!mine.includes(a) && !mine.includes(b)) free.push(a * 52 + b);
    const k = Math.min(this.run.particles, free.length);
    this.cards = new Int32Array(2 * k);
    this.weights = new Float64Array(k).fill(1);
    for (let i = 0; i < k; i++) {
      const j = i + rng.int(free.length - i);
      [free[i], free[j]] = [free[j]!, free[i]!];
      this.cards[2 * i] = Math.floor(free[i]! / 52);
      this.cards[2 * i + 1] = free[i]! % 52;
    }
  }

  /** The agent's m answers at `state` holding particle i (cached); null once the budget is spent. */
  private async answersAt(state: State, node: string, i: number): Promise<readonly string[] | null> {
    const key = `${node}#${i}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    if (!this.run.canAsk()) return null;
    const pos = state.seats.indexOf(this.agentSeat);
    const hypothetical = Nlhe.withHoleCards(state, pos, this.cards[2 * i]!, this.cards[2 * i + 1]!);
    const out: string[] = [];
    for (let j = 0; j < this.run.samples; j++) {
      const rng = createRng(deriveSeed(this.run.seed, 'query', ...this.tag, node, i, j));
      out.push((await answer(this.run, hypothetical, this.agentSeat, rng)).action);
    }
    this.run.agentCalls += out.length;
    this.cache.set(key, out);
    return out;
  }

  /** The agent acted `action` at `state`: remember it for the next range update. */
  observe(state: State, action: string): void {
    const kind = kindOf(action);
    if (kind === 'passive' || kind === 'raise') this.pending.push({ state, action });
  }

  private live(board: readonly number[], i: number): boolean {
    if (this.weights[i]! <= 0) return false;
    const a = this.cards[2 * i]!;
    const b = this.cards[2 * i + 1]!;
    return !board.includes(a) && !board.includes(b);
  }

  private async update(board: readonly number[]): Promise<void> {
    for (const { state, action } of this.pending.splice(0)) {
      const node = nodeKey(state);
      const kind = kindOf(action);
      let top = 0;
      for (let i = 0; i < this.weights.length; i++) {
        if (!this.live(board, i)) continue;
        const answers = await this.answersAt(state, node, i);
        if (answers) {
          let exact = 0;
          let similar = 0;
          for (const a of answers) {
            if (a === action) exact++;
            else if (kindOf(a) === kind) similar++;
          }
          this.weights[i]! *= (exact + SIMILAR * similar + FLOOR) / (answers.length + FLOOR);
        }
        top = Math.max(top, this.weights[i]!);
      }
      if (top > 0) for (let i = 0; i < this.weights.length; i++) this.weights[i]! /= top;
    }
    let alive = false;
    for (let i = 0; i < this.weights.length; i++) alive ||= this.live(board, i);
    if (!alive) {
      this.run.rangeResets++;
      this.weights.fill(1);
    }
  }

  /** LBR's showdown share against each particle (0 for dead ones), by board rollouts. */
  private shares(board: readonly number[], mine: readonly number[]): Float64Array {
    const k = this.weights.length;
    const share = new Float64Array(k);
    const liveCount = Array.from({ length: k }, (_, i) => i).filter((i) => this.live(board, i)).length;
    const need = 5 - board.length;
    const per = need === 0 ? 1 : Math.max(1, Math.ceil(this.run.rollouts / Math.max(1, liveCount)));
    const rng = createRng(deriveSeed(this.run.seed, 'rollout', ...this.tag, this.decisions));
    const full = new Int32Array(5);
    for (let i = 0; i < board.length; i++) full[i] = board[i]!;
    const [m0, m1] = mine as [number, number];
    for (let i = 0; i < k; i++) {
      if (!this.live(board, i)) continue;
      const a = this.cards[2 * i]!;
      const b = this.cards[2 * i + 1]!;
      const deck: number[] = [];
      for (let c = 0; c < 52; c++) if (c !== a && c !== b && c !== m0 && c !== m1 && !board.includes(c)) deck.push(c);
      let total = 0;
      for (let r = 0; r < per; r++) {
        for (let d = 0; d < need; d++) {
          const j = d + rng.int(deck.length - d);
          [deck[d], deck[j]] = [deck[j]!, deck[d]!];
          full[board.length + d] = deck[d]!;
        }
        const [b0, b1, b2, b3, b4] = full as unknown as [number, number, number, number, number];
        const me = Nlhe.evaluate7(m0, m1, b0, b1, b2, b3, b4);
        const them = Nlhe.evaluate7(a, b, b0, b1, b2, b3, b4);
        total += me > them ? 1 : me === them ? 0.5 : 0;
      }
      share[i] = total / per;
    }
    return share;
  }

  /** LBR's betting decision at `state` (see the file comment). */
  async decide(state: State): Promise<string> {
    this.init(state);
    const h = state.hand;
    const me = state.seats.indexOf(this.lbrSeat);
    const opp = 1 - me;
    const board = h.board;
    await this.update(board);
    const share = this.shares(board, h.hole[me]!);
    this.decisions++;

    const pot = Nlhe.potTotal(h);
    const top = Nlhe.maxBet(h);
    const toCall = Math.min(h.stacks[me]!, top - h.bets[me]!);
    let wSum = 0;
    let wpSum = 0;
    for (let i = 0; i < this.weights.length; i++) {
      if (!this.live(board, i)) continue;
      wSum += this.weights[i]!;
      wpSum += this.weights[i]! * share[i]!;
    }
    const wp = wSum > 0 ? wpSum / wSum : 0.5;

    const options: { action: string; utility: number }[] = [
      { action: toCall > 0 ? 'call' : 'check', utility: wp * pot - (1 - wp) * toCall },
    ];
    if (toCall > 0) options.push({ action: 'fold', utility: 0 });
    const bounds = Nlhe.raiseRange(state);
    if (bounds) {
      const sizes = new Set<number>();
      for (const f of this.run.fractions)
        sizes.add(Math.min(bounds.max, Math.max(bounds.min, top + Math.round(f * (pot + toCall)))));
      if (this.run.allIn) sizes.add(bounds.max);
      for (const to of [...sizes].sort((x, y) => x - y)) {
        const action = Nlhe.raiseAction(to);
        const after = nlhe.applyAction(state, this.lbrSeat, action);
        let fpSum = 0;
        let contSum = 0;
        let contWp = 0;
        if (nlhe.currentPlayer(after) === this.agentSeat) {
          const node = nodeKey(after);
          for (let i = 0; i < this.weights.length; i++) {
            if (!this.live(board, i)) continue;
            const answers = await this.answersAt(after, node, i);
            const fold = answers ? answers.filter((a) => a === 'fold').length / answers.length : 0;
            const w = this.weights[i]!;
            fpSum += w * fold;
            contSum += w * (1 - fold);
            contWp += w * (1 - fold) * share[i]!;
          }
        } else {
          contSum = wSum;
          contWp = wpSum;
        }
        const fp = wSum > 0 ? fpSum / wSum : 0;
        const wpCalled = contSum > 0 ? contWp / contSum : wp;
        const level = Math.min(to, h.bets[opp]! + h.stacks[opp]!);
        const mine = level - h.bets[me]!;
        const theirs = level - h.bets[opp]!;
        const called = wpCalled * (pot + mine + theirs) - mine;
        options.push({ action, utility: fp * pot + (1 - fp) * called });
      }
    }
    let best = options[0]!;
    for (const o of options) if (o.utility > best.utility) best = o;
    const counts = this.run.lbrActions;
    if (best.action === 'fold') counts.fold++;
    else if (best.action === 'check') counts.check++;
    else if (best.action === 'call') counts.call++;
    else if (bounds && Nlhe.raiseTotal(best.action) === bounds.max) counts.allIn++;
    else counts.raise++;
    return best.action;
  }
}

/**
 * LBR's own decisions have no deadline of their own (each agent query it makes is bounded by
 * `deadlineMs`): the longest timer a clock can arm, about 24.8 days.
 */
const LBR_DEADLINE_MS = 2_147_483_647;

/** LBR's seat in the hand's match: a trusted in-process agent that follows the full state. */
function lbrAgent(hand: Hand): Agent {
  let state: State | undefined;
  return {
    name: 'lbr',
    observe: (s) => {
      state = s as State;
    },
    act: ({ legalActions }) => (legalActions.includes('show') ? 'show' : hand.decide(state!)),
  };
}

/**
 * The agent as a seat of one hand: only its decisions. The runner closes its seats when a match
 * ends, and the agent plays every hand of the run (and answers LBR's queries in between).
 */
const seatOf = (agent: Agent): Agent => ({ name: agent.name, act: (input) => agent.act(input) });

/** Plays one hand of LBR against the agent as a match; returns LBR's chips won (all-in hands: its equity). */
async function playHand(run: Run, params: Nlhe.NlheParams, pair: number, lbrSeat: number): Promise<number> {
  const agentSeat = 1 - lbrSeat;
  const lbr = new Hand(run, [pair, lbrSeat], lbrSeat, agentSeat);
  const seats = [lbrAgent(lbr), seatOf(run.agent)];
  let before = nlhe.newInitialState(params);
  let allInAt: State | undefined;
  const { record, finalState } = await runMatch({
    game: nlhe,
    params,
    seed: deriveSeed(run.seed, 'pair', pair),
    agents: lbrSeat === 0 ? seats : [seats[1]!, seats[0]!],
    clock: run.clock,
    deadlineFor: (seat) => (seat === agentSeat ? run.deadlineMs : LBR_DEADLINE_MS),
    onEvent: ({ record: played, state }) => {
      if (played.actor === agentSeat) {
        if (played.fallback !== undefined) run.illegalAnswers++;
        lbr.observe(before, played.action);
      }
      // The first state with both all in before the river: the hand is scored there (see allInValue).
      if (run.allInEv && allInAt === undefined && !nlhe.isTerminal(state) && state.hand.allIn && state.hand.board.length < 5)
        allInAt = state;
      before = state;
    },
  });
  run.onHand?.(record);
  return allInAt ? allInValue(run, allInAt, lbrSeat, pair) : nlhe.returns(finalState)[lbrSeat]!;
}

/**
 * LBR's expected result once both players are all in before the river: its share of the pot over
 * the boards still to come (exact on the flop and turn, seeded samples pre-flop), as AIVAT-style
 * all-in adjustment does. Unbiased for the dealt board's result, with far less variance.
 */
function allInValue(run: Run, state: State, lbrSeat: number, pair: number): number {
  const h = state.hand;
  const me = state.seats.indexOf(lbrSeat);
  const pot = Nlhe.potTotal(h);
  const found = Nlhe.equity({
    hands: [Nlhe.cardsText(h.hole[me]!), Nlhe.cardsText(h.hole[1 - me]!)],
    board: Nlhe.cardsText(h.board),
    exactLimit: 2_000,
    samples: ALL_IN_SAMPLES,
    seed: deriveSeed(run.seed, 'all-in', pair, lbrSeat),
  });
  if (!found.ok) throw new Error(`all-in equity: ${found.error}`);
  return h.stacks[me]! + found.result.equity[0]! * pot - h.startingStacks[me]!;
}

export async function localBestResponse(agent: Agent, options: LbrOptions): Promise<LbrResult> {
  if (!(Number.isSafeInteger(options.hands) && options.hands >= 1)) throw new Error('LBR needs hands ≥ 1');
  const raw = options.params ?? {};
  if (raw.players !== undefined && raw.players !== 2) throw new Error('LBR plays heads-up: players must be 2');
  if (raw.format !== undefined && raw.format !== 'hand') throw new Error("LBR plays single hands: format must be 'hand'");
  const parsed = nlhe.descriptor.parseParams({ ...raw, players: 2, format: 'hand' });
  if (!parsed.ok) throw new Error(`invalid NLHE parameters: ${parsed.error.message}`);
  const params = parsed.params;
  const run = new Run(
    agent,
    options.seed ?? 1,
    Math.max(1, Math.min(1225, options.particles ?? 128)),
    Math.max(1, options.agentSamples ?? 1),
    Math.max(1, options.rollouts ?? 2048),
    options.fractions ?? [0.5, 1],
    options.allIn ?? true,
    options.budget ?? 5_000_000,
    options.allInEv ?? true,
    options.deadlineMs ?? 60_000,
    options.clock ?? systemClock,
    options.onHand,
  );
  const pairs = Math.ceil(options.hands / 2);
  const stats = new RunningStats();
  for (let p = 0; p < pairs; p++) {
    const a = await playHand(run, params, p, 0);
    const b = await playHand(run, params, p, 1);
    stats.push((a + b) / 2);
    options.onPair?.(p + 1, pairs);
  }
  const bigBlind = params.blinds[1];
  const mbb = (chips: number) => (1000 * chips) / bigBlind;
  const half = pairs > 1 ? stats.halfWidth95 : Number.POSITIVE_INFINITY;
  return {
    hands: 2 * pairs,
    pairs,
    bigBlind,
    chipsPerHand: stats.mean,
    mbbPerHand: mbb(stats.mean),
    interval95: [mbb(stats.mean - half), mbb(stats.mean + half)],
    stdErrMbb: mbb(half / 1.96),
    particles: run.particles,
    agentSamples: run.samples,
    fractions: [...run.fractions],
    allIn: run.allIn,
    allInEv: run.allInEv,
    agentCalls: run.agentCalls,
    budgetExhausted: run.refused,
    illegalAnswers: run.illegalAnswers,
    rangeResets: run.rangeResets,
    lbrActions: { ...run.lbrActions },
  };
}
