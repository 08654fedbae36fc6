/**
 * Compiles a two-player zero-sum game with enumerable chance into a flat, typed-array game tree.
 *
 * Every solver and evaluator here (CFR, MCCFR, best response) walks this compiled form instead of
 * the engine, so the engine's string-keyed, allocation-heavy states are touched exactly once.
 * Layout: nodes are numbered so that a node's children are one contiguous block allocated when
 * the node is expanded (so every child has a larger index than its parent, and a reverse index
 * sweep is a bottom-up order). A decision node's k-th child follows the k-th action of its
 * information set; a chance node's children carry their probabilities in `prob`.
 *
 * Information sets are keyed by `game.infoStateKey` and own a block of "slots" (one per action)
 * in every per-action table (regrets, strategies). The compiler checks perfect recall: all nodes
 * of an information set share the legal actions and the acting seat's previous own slot
 * (`parentSlot`), which lets solvers compute a seat's own reach probability per information set
 * (Kuhn 1953; perfect recall as in Zinkevich et al., "Regret Minimization in Games with
 * Incomplete Information", NIPS 2007).
 *
 * Only games whose `descriptor.traits` say two players, sequential moves and zero-sum utility are
 * accepted; anything else is refused with an error naming the trait.
 */
import type { Game } from '@parley/games';

export const CHANCE = 0;
export const DECISION = 1;
export const TERMINAL = 2;

export interface CompiledTree {
  readonly gameId: string;
  readonly params: unknown;
  readonly numNodes: number;
  /** CHANCE, DECISION or TERMINAL. */
  readonly kind: Uint8Array;
  /** Acting seat at decision nodes, -1 elsewhere. */
  readonly player: Int8Array;
  /** Information-set index at decision nodes, -1 elsewhere. */
  readonly infoset: Int32Array;
  readonly childStart: Int32Array;
  readonly childCount: Int32Array;
  /** Probability of the chance edge into this node; 1 below non-chance nodes. */
  readonly prob: Float64Array;
  /** Seat 0's payoff at terminals (seat 1 gets the negation); 0 elsewhere. */
  readonly payoff: Float64Array;
  readonly parent: Int32Array;
  /** The action (or chance outcome) that leads from the parent to this node; '' at the root. */
  readonly edgeAction: readonly string[];
  readonly infosets: InfosetTable;
  /** Decision plus terminal nodes: OpenSpiel's count of non-chance states. */
  readonly nonChanceNodes: number;
}

export interface InfosetTable {
  readonly count: number;
  readonly keys: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly player: Int8Array;
  readonly actions: readonly (readonly string[])[];
  /** Slots of information set i are actionStart[i] .. actionStart[i+1]-1. */
  readonly actionStart: Int32Array;
  readonly numSlots: number;
  /** The acting seat's previous own slot (information set and action) before this set, or -1. */
  readonly parentSlot: Int32Array;
  /** Nodes of information set i are nodeList[nodeStart[i] .. nodeStart[i+1]-1]. */
  readonly nodeStart: Int32Array;
  readonly nodeList: Int32Array;
  /** Information sets of each seat, in index order (which is a parents-first order). */
  readonly ofPlayer: readonly [Int32Array, Int32Array];
}

export interface CompileOptions {
  /** Refuse trees larger than this many nodes (default 1,000,000; Leduc has 9,457). */
  maxNodes?: number;
}

/** Throws unless the game is two-player, sequential and zero-sum, by reading its declared traits. */
export function assertTwoPlayerZeroSum(game: Game<any, any>, params: unknown): void {
  const { traits, id } = game.descriptor;
  const players = game.descriptor.numPlayers(params);
  if (players !== 2) throw new Error(`${id}: the analyzer needs a two-player game, these parameters seat ${players}`);
  if (traits.utility !== 'zero-sum') throw new Error(`${id}: the analyzer needs a zero-sum game, this one is ${traits.utility}`);
  if (traits.dynamics !== 'sequential')
    throw new Error(`${id}: the analyzer needs sequential moves, this game is ${traits.dynamics}`);
}

export function compileTree<S, P>(game: Game<S, P>, params: P, options: CompileOptions = {}): CompiledTree {
  assertTwoPlayerZeroSum(game, params);
  const maxNodes = options.maxNodes ?? 1_000_000;
  const id = game.descriptor.id;
  const kind: number[] = [];
  const player: number[] = [];
  const infoset: number[] = [];
  const childStart: number[] = [];
  const childCount: number[] = [];
  const prob: number[] = [];
  const payoff: number[] = [];
  const parent: number[] = [];
  const edgeAction: string[] = [];
  const keys: string[] = [];
  const index = new Map<string, number>();
  const isPlayer: number[] = [];
  const isActions: string[][] = [];
  const isParentSlot: number[] = [];
  const isStart: number[] = [];
  const isNodes: number[][] = [];
  let slots = 0;

  const alloc = (from: number, action: string, p: number): number => {
    const n = kind.length;
    if (n >= maxNodes) throw new Error(`${id}: the game tree has more than ${maxNodes} nodes; too large to compile`);
    kind.push(TERMINAL);
    player.push(-1);
    infoset.push(-1);
    childStart.push(0);
    childCount.push(0);
    prob.push(p);
    payoff.push(0);
    parent.push(from);
    edgeAction.push(action);
    return n;
  };

  // lastSlot[seat]: the seat's most recent own slot on the current path (perfect-recall check).
  const expand = (state: S, node: number, lastSlot: readonly [number, number]): void => {
    const current = game.currentPlayer(state);
    if (current === 'terminal') {
      const r = game.returns(state);
      if (r.length !== 2 || Math.abs((r[0] as number) + (r[1] as number)) > 1e-9)
        throw new Error(`${id}: returns [${r.join(', ')}] are not zero-sum`);
      payoff[node] = r[0] as number;
      return;
    }
    if (current === 'simultaneous') throw new Error(`${id}: simultaneous moves cannot be compiled`);
    if (current === 'chance') {
      const outcomes = game.chanceOutcomes(state);
      const total = outcomes.reduce((s, o) => s + o.probability, 0);
      if (outcomes.length === 0 || Math.abs(total - 1) > 1e-9)
        throw new Error(`${id}: chance outcomes must be listed with probabilities summing to 1`);
      kind[node] = CHANCE;
      const first = kind.length;
      childStart[node] = first;
      childCount[node] = outcomes.length;
      for (const o of outcomes) alloc(node, o.action, o.probability);
      outcomes.forEach((o, k) => {
        expand(game.applyAction(state, 'chance', o.action), first + k, lastSlot);
      });
      return;
    }
    const seat = current;
    const key = game.infoStateKey(state, seat);
    const actions = game.legalActions(state, seat);
    let i = index.get(key);
    if (i === undefined) {
      i = keys.length;
      index.set(key, i);
      keys.push(key);
      isPlayer.push(seat);
      isActions.push([...actions]);
      isParentSlot.push(lastSlot[seat] as number);
      isStart.push(slots);
      isNodes.push([]);
      slots += actions.length;
    } else if (isPlayer[i] !== seat || isParentSlot[i] !== lastSlot[seat] || isActions[i]?.join('\n') !== actions.join('\n')) {
      throw new Error(`${id}: information set '${key}' is not perfect-recall (seat, earlier own moves or legal actions differ)`);
    }
    isNodes[i]?.push(node);
    kind[node] = DECISION;
    player[node] = seat;
    infoset[node] = i;
    const first = kind.length;
    childStart[node] = first;
    childCount[node] = actions.length;
    for (const a of actions) alloc(node, a, 1);
    const base = isStart[i] as number;
    actions.forEach((a, k) => {
      const next: [number, number] = [lastSlot[0], lastSlot[1]];
      next[seat] = base + k;
      expand(game.applyAction(state, seat, a), first + k, next);
    });
  };

  alloc(-1, '', 1);
  expand(game.newInitialState(params), 0, [-1, -1]);

  const nodeStart = new Int32Array(keys.length + 1);
  isNodes.forEach((list, i) => {
    nodeStart[i + 1] = (nodeStart[i] as number) + list.length;
  });
  const ofPlayer = [0, 1].map((p) => Int32Array.from(keys.keys()).filter((i) => isPlayer[i] === p)) as [Int32Array, Int32Array];
  return {
    gameId: id,
    params,
    numNodes: kind.length,
    kind: Uint8Array.from(kind),
    player: Int8Array.from(player),
    infoset: Int32Array.from(infoset),
    childStart: Int32Array.from(childStart),
    childCount: Int32Array.from(childCount),
    prob: Float64Array.from(prob),
    payoff: Float64Array.from(payoff),
    parent: Int32Array.from(parent),
    edgeAction,
    nonChanceNodes: kind.filter((k) => k !== CHANCE).length,
    infosets: {
      count: keys.length,
      keys,
      index,
      player: Int8Array.from(isPlayer),
      actions: isActions,
      actionStart: Int32Array.from([...isStart, slots]),
      numSlots: slots,
      parentSlot: Int32Array.from(isParentSlot),
      nodeStart,
      nodeList: Int32Array.from(isNodes.flat()),
      ofPlayer,
    },
  };
}

/** Rebuilds the engine state at `node` by replaying the edge actions from the root. */
export function stateAt<S, P>(game: Game<S, P>, tree: CompiledTree, node: number): S {
  const path: number[] = [];
  for (let n = node; n > 0; n = tree.parent[n] as number) path.push(n);
  let state = game.newInitialState(tree.params as P);
  for (let k = path.length - 1; k >= 0; k--) {
    const n = path[k] as number;
    const from = tree.parent[n] as number;
    const actor = tree.kind[from] === CHANCE ? 'chance' : (tree.player[from] as number);
    state = game.applyAction(state, actor, tree.edgeAction[n] as string);
  }
  return state;
}
