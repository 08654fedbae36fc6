/**
 * Exact best response against a fixed strategy, over a compiled tree.
 *
 * Maths. Fix the opponent's strategy σ_{-i}. With perfect recall, a best response for seat i can
 * be chosen one information set at a time, deepest first: at I pick
 *   a*(I) = argmax_a Σ_{h∈I} π_{-i}(h) · v_i(h·a),
 * where π_{-i}(h) is the probability that chance and the opponent reach h, and v_i(h·a) is seat
 * i's expected payoff below h·a when i keeps playing the best response there and the opponent
 * plays σ_{-i}. The best-response value is v_i(root). Values are memoized per node and choices
 * per information set, so each node is evaluated once (as in OpenSpiel's best_response; see
 * Johanson, Waugh, Bowling, Zinkevich, "Accelerating Best Response Calculation in Large
 * Extensive Games", IJCAI 2011, for the general idea).
 *
 * Strategies are per-slot arrays (see `game-tree.ts`); `policyValue` gives seat 0's expected
 * payoff when both seats follow the strategy.
 */
import { CHANCE, type CompiledTree, TERMINAL } from './game-tree';

export interface BestResponse {
  /** Seat `seat`'s expected payoff when it best-responds. */
  value: number;
  /** The chosen action index per information set of `seat` (-1 for the other seat's sets). */
  actions: Int32Array;
}

export function bestResponse(tree: CompiledTree, strategy: Float64Array, seat: 0 | 1): BestResponse {
  const { kind, childStart, childCount, prob, payoff, player, infoset, numNodes } = tree;
  const { actionStart, nodeStart, nodeList } = tree.infosets;
  const sign = seat === 0 ? 1 : -1;

  // π_{-seat}(h), top-down: children always have larger indices than their parent.
  const reach = new Float64Array(numNodes);
  reach[0] = 1;
  for (let h = 0; h < numNodes; h++) {
    const k = kind[h];
    if (k === TERMINAL) continue;
    const first = childStart[h] as number;
    const end = first + (childCount[h] as number);
    const r = reach[h] as number;
    if (k === CHANCE) for (let c = first; c < end; c++) reach[c] = r * (prob[c] as number);
    else if (player[h] === seat) for (let c = first; c < end; c++) reach[c] = r;
    else {
      const base = (actionStart[infoset[h] as number] as number) - first;
      for (let c = first; c < end; c++) reach[c] = r * (strategy[base + c] as number);
    }
  }

  const value = new Float64Array(numNodes);
  const done = new Uint8Array(numNodes);
  const choice = new Int32Array(tree.infosets.count).fill(-1);

  const best = (i: number): number => {
    if ((choice[i] as number) >= 0) return choice[i] as number;
    const n = (actionStart[i + 1] as number) - (actionStart[i] as number);
    const score = new Float64Array(n);
    for (let j = nodeStart[i] as number, end = nodeStart[i + 1] as number; j < end; j++) {
      const h = nodeList[j] as number;
      const r = reach[h] as number;
      const first = childStart[h] as number;
      for (let a = 0; a < n; a++) score[a] += r * evaluate(first + a);
    }
    let arg = 0;
    for (let a = 1; a < n; a++) if ((score[a] as number) > (score[arg] as number)) arg = a;
    choice[i] = arg;
    return arg;
  };

  const evaluate = (h: number): number => {
    if (done[h]) return value[h] as number;
    const k = kind[h];
    let v = 0;
    if (k === TERMINAL) v = sign * (payoff[h] as number);
    else {
      const first = childStart[h] as number;
      const end = first + (childCount[h] as number);
      if (k === CHANCE) {
        for (let c = first; c < end; c++) v += (prob[c] as number) * evaluate(c);
      } else if (player[h] === seat) {
        v = evaluate(first + best(infoset[h] as number));
      } else {
        const base = (actionStart[infoset[h] as number] as number) - first;
        for (let c = first; c < end; c++) {
          const s = strategy[base + c] as number;
          if (s > 0) v += s * evaluate(c);
        }
      }
    }
    value[h] = v;
    done[h] = 1;
    return v;
  };

  const v = evaluate(0);
  // Information sets below unreachable nodes were never asked; resolve them so `actions` is total.
  for (const i of tree.infosets.ofPlayer[seat]) best(i);
  return { value: v, actions: choice };
}

/** Seat 0's expected payoff when both seats play `strategy` (a bottom-up sweep). */
export function policyValue(tree: CompiledTree, strategy: Float64Array): number {
  const { kind, childStart, childCount, prob, payoff, infoset, numNodes } = tree;
  const { actionStart } = tree.infosets;
  const value = new Float64Array(numNodes);
  for (let h = numNodes - 1; h >= 0; h--) {
    const k = kind[h];
    if (k === TERMINAL) {
      value[h] = payoff[h] as number;
      continue;
    }
    const first = childStart[h] as number;
    const end = first + (childCount[h] as number);
    let v = 0;
    if (k === CHANCE) for (let c = first; c < end; c++) v += (prob[c] as number) * (value[c] as number);
    else {
      const base = (actionStart[infoset[h] as number] as number) - first;
      for (let c = first; c < end; c++) v += (strategy[base + c] as number) * (value[c] as number);
    }
    value[h] = v;
  }
  return value[0] as number;
}
