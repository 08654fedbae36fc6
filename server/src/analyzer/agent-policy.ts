/**
 * The tabular policy of an arbitrary Agent, found by asking it at every information set.
 *
 * For each information set I of the compiled tree we rebuild one representative state (its
 * first node), give the agent exactly what the runtime would (`observation`, `legalActions`,
 * `infoStateKey`), and record its answer; an illegal answer or a thrown error counts as the
 * game's default action, as in a match. Observations in Kuhn and Leduc are functions of the
 * information state, so any representative gives the same answer.
 *
 * Randomness. In exact mode (the default) the agent gets an enumerating Rng: every `int`/`pick`
 * draw is a branch point, and the agent is re-asked along every branch (depth-first, like an
 * odometer), each answer weighted by Π 1/n over its draws. This recovers the exact mixed strategy
 * of any agent whose randomness comes from the seat rng's discrete draws (`random` gives exactly
 * uniform). An agent that calls `rng.float()` cannot be enumerated; use sampled mode. In sampled
 * mode (`samples: N`) the agent is asked N times per information set with independently seeded
 * Rngs and σ̂(I,a) is the empirical frequency. Its exploitability is a plug-in estimate (biased
 * upwards, since NashConv is convex); `bootstrapInterval` resamples each information set's N
 * answers from σ̂ (a parametric bootstrap, Efron & Tibshirani 1993) and recomputes
 * exploitability, giving a percentile interval. Randomness outside the rng (an LLM's sampling
 * temperature) is invisible to exact mode: sample such agents.
 *
 * Answers are cached per information-set key, and a call budget bounds the total number of
 * agent calls, so an expensive (LLM) agent is never queried without bound.
 */
import { type Agent, isTabularAgent } from '@parley/agents';
import { createRng, deriveSeed, type Game, type Rng } from '@parley/games';
import { askForAction } from '../runtime/ask-agent';
import { type Clock, systemClock } from '../runtime/clock';
import { normalizePerInfoset } from './cfr';
import { exploitability } from './exploitability';
import { type CompiledTree, stateAt } from './game-tree';
import { fromTabular } from './policy';

export interface AgentPolicyOptions {
  /** Answers per information set; omitted or 1 means exact enumeration of the agent's rng draws. */
  samples?: number;
  /** Base seed for sampled mode (default 1). */
  seed?: number;
  /** Maximum agent calls in total (default 100,000). */
  budget?: number;
  /** Maximum rng branches per information set in exact mode (default 4,096). */
  maxBranches?: number;
  /** Milliseconds per answer (default 30,000); a late answer counts as the default action. */
  deadlineMs?: number;
  /** The clock the deadlines run on (a fake one in tests). */
  clock?: Clock;
  /** Read a tabular agent's table directly instead of asking it (default true). */
  useTable?: boolean;
}

export interface AgentPolicy {
  /** The agent's policy, per slot. */
  strategy: Float64Array;
  mode: 'table' | 'exact' | 'sampled';
  /** Answers per information set in sampled mode, else 1. */
  samples: number;
  /** Sampled mode: how many answers chose each slot. */
  counts?: Float64Array;
  calls: number;
  /** Answers that were illegal or errors, replaced by the default action. */
  illegal: number;
}

export async function agentPolicy<S, P>(
  game: Game<S, P>,
  tree: CompiledTree,
  agent: Agent,
  options: AgentPolicyOptions = {},
): Promise<AgentPolicy> {
  if (isTabularAgent(agent) && options.useTable !== false) {
    return { strategy: fromTabular(tree, agent.table.policy), mode: 'table', samples: 1, calls: 0, illegal: 0 };
  }
  const samples = options.samples ?? 1;
  const budget = options.budget ?? 100_000;
  const maxBranches = options.maxBranches ?? 4096;
  const seed = options.seed ?? 1;
  const clock = options.clock ?? systemClock;
  const { keys, actions, actionStart, nodeStart, nodeList, player } = tree.infosets;
  const weights = new Float64Array(tree.infosets.numSlots);
  const cache = new Map<string, Float64Array>();
  let calls = 0;
  let illegal = 0;

  for (let i = 0; i < tree.infosets.count; i++) {
    const key = keys[i] as string;
    const legal = actions[i] as readonly string[];
    const cached = cache.get(key);
    const dist = cached ?? new Float64Array(legal.length);
    if (!cached) {
      cache.set(key, dist);
      const state = stateAt(game, tree, nodeList[nodeStart[i] as number] as number);
      const seat = player[i] as number;
      const ask = async (rng: Rng): Promise<number> => {
        if (++calls > budget)
          throw new Error(`agent call budget of ${budget} exhausted; raise it (--budget) or sample fewer answers`);
        // Asked as in a match: the deadline is armed and aborts the agent; illegal, failing or late is the default.
        const played = await askForAction(game, state, seat, agent, rng, options.deadlineMs ?? 30_000, clock, undefined);
        if (played.substitution) illegal++;
        const k = legal.indexOf(played.action);
        if (k < 0) throw new Error(`default action at '${key}' is not legal`);
        return k;
      };
      if (samples > 1) {
        for (let n = 0; n < samples; n++) dist[await ask(createRng(deriveSeed(seed, 'agent-policy', key, n)))] += 1;
      } else {
        await enumerate(ask, dist, maxBranches, agent.name, key);
      }
    }
    dist.forEach((w, k) => {
      weights[(actionStart[i] as number) + k] = w;
    });
  }
  const strategy = normalizePerInfoset(tree, weights);
  return samples > 1
    ? { strategy, mode: 'sampled', samples, counts: weights, calls, illegal }
    : { strategy, mode: 'exact', samples: 1, calls, illegal };
}

/** Re-asks along every branch of the agent's discrete rng draws, adding each answer's probability to `dist`. */
async function enumerate(
  ask: (rng: Rng) => Promise<number>,
  dist: Float64Array,
  maxBranches: number,
  name: string,
  key: string,
): Promise<void> {
  const choice: number[] = [];
  const radix: number[] = [];
  // The agent's error is caught where it is asked (as any agent failure is), so a draw that cannot be enumerated is noted here.
  let continuous: string | null = null;
  for (let branch = 1; ; branch++) {
    if (branch > maxBranches)
      throw new Error(`agent ${name} draws more than ${maxBranches} random branches at '${key}'; use sampled mode`);
    let depth = 0;
    const int = (n: number): number => {
      if (!(n >= 1) || !Number.isInteger(n)) throw new RangeError(`rng.int needs an integer n >= 1, got ${n}`);
      const d = depth++;
      if (d < choice.length) {
        if (radix[d] !== n) throw new Error(`agent ${name} is not deterministic given its rng draws at '${key}'`);
        return choice[d] as number;
      }
      choice.push(0);
      radix.push(n);
      return 0;
    };
    const rng: Rng = {
      int,
      pick: (items) => {
        if (items.length === 0) throw new RangeError('rng.pick from an empty array');
        return items[int(items.length)] as (typeof items)[number];
      },
      float: () => {
        continuous = `agent ${name} draws rng.float() at '${key}', which cannot be enumerated; pass samples (--samples N)`;
        throw new Error(continuous);
      },
    };
    const k = await ask(rng);
    if (continuous !== null) throw new Error(continuous);
    choice.length = depth;
    radix.length = depth;
    dist[k] += radix.reduce((p, n) => p / n, 1);
    // Advance the odometer: bump the deepest draw that has another value, drop the ones below.
    let d = depth - 1;
    while (d >= 0 && (choice[d] as number) + 1 >= (radix[d] as number)) d--;
    if (d < 0) return;
    choice[d] = (choice[d] as number) + 1;
    choice.length = d + 1;
    radix.length = d + 1;
  }
}

export interface Interval {
  lo: number;
  hi: number;
  resamples: number;
}

/**
 * Percentile interval for exploitability from sampled counts: each information set's `samples`
 * answers are redrawn from its empirical frequencies, the policy renormalized, and
 * exploitability recomputed, `resamples` times.
 */
export function bootstrapInterval(
  tree: CompiledTree,
  counts: Float64Array,
  samples: number,
  options: { resamples?: number; seed?: number; level?: number } = {},
): Interval {
  const resamples = options.resamples ?? 200;
  const level = options.level ?? 0.95;
  const rng = createRng(deriveSeed(options.seed ?? 1, 'bootstrap'));
  const freq = normalizePerInfoset(tree, counts);
  const { actionStart, count } = tree.infosets;
  const draws = new Float64Array(counts.length);
  const values: number[] = [];
  for (let r = 0; r < resamples; r++) {
    draws.fill(0);
    for (let i = 0; i < count; i++) {
      const lo = actionStart[i] as number;
      const hi = actionStart[i + 1] as number;
      // A set the agent always answered the same way resamples to itself.
      let pure = false;
      for (let a = lo; a < hi; a++) if (freq[a] === 1) pure = true;
      for (let n = 0; n < (pure ? 1 : samples); n++) {
        let u = rng.float() - (freq[lo] as number);
        let a = lo;
        while (a < hi - 1 && u >= 0) u -= freq[++a] as number;
        draws[a] += 1;
      }
    }
    values.push(exploitability(tree, normalizePerInfoset(tree, draws)).exploitability);
  }
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.floor(q * values.length)))] as number;
  // The basic (reverse-percentile) interval: a best response to an estimated policy is biased
  // upwards, and the resamples are biased the same way relative to the estimate, so reflecting
  // the percentiles around the estimate removes that bias to first order, where the plain
  // percentile interval would sit above the truth.
  const estimate = exploitability(tree, freq).exploitability;
  const lo = Math.max(0, 2 * estimate - at(1 - (1 - level) / 2));
  const hi = Math.max(lo, 2 * estimate - at((1 - level) / 2));
  return { lo, hi, resamples };
}
