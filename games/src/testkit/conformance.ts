import type { Actor, Game } from '../core/game';
import { compareActions } from '../core/game';
import { createRng, deriveSeed, type Rng, sampleOutcome } from '../core/rng';

/**
 * The conformance kit every engine's tests call (OpenSpiel's basic tests, for Parley).
 *
 * It plays seeded random games and checks, at every node, the contracts written in
 * `core/game.ts`: legal actions sorted, unique and non-empty until terminal and all of them
 * valid; chance probabilities positive and summing to 1; states that survive a JSON round trip
 * and are never mutated; views that hold no other seat's private values; returns of the right
 * length that sum to zero in zero-sum games; and replays that reach the same states.
 * Any violation throws a `ConformanceError` naming the playout, the step and the history.
 */
export interface ConformanceOptions<P> {
  params: P;
  playouts?: number;
  seed?: number;
  /** A playout longer than this fails: every game must end. */
  maxSteps?: number;
  /** Check every Nth node deeply (round trip, leaks, replay); 1 checks all. */
  deepEvery?: number;
}

export interface ConformanceReport {
  playouts: number;
  steps: number;
  chanceNodes: number;
  maxLength: number;
  meanReturns: number[];
}

export class ConformanceError extends Error {
  override name = 'ConformanceError';
}

const EPS = 1e-9;

export function checkConformance<S, P>(game: Game<S, P>, options: ConformanceOptions<P>): ConformanceReport {
  const playouts = options.playouts ?? 200;
  const maxSteps = options.maxSteps ?? 100_000;
  const deepEvery = options.deepEvery ?? 1;
  const seed = options.seed ?? 1;
  const report: ConformanceReport = { playouts, steps: 0, chanceNodes: 0, maxLength: 0, meanReturns: [] };
  const sums: number[] = [];

  for (let p = 0; p < playouts; p++) {
    const rng = createRng(deriveSeed(seed, 'conformance', p));
    const history: Array<[Actor, string]> = [];
    const fail = (what: string): never => {
      const tail = history
        .slice(-12)
        .map(([a, x]) => `${a}:${x}`)
        .join(' ');
      throw new ConformanceError(`${game.descriptor.id} playout ${p}, step ${history.length}: ${what}\n  last actions: ${tail}`);
    };

    let state = game.newInitialState(options.params);
    const n = game.numPlayers(state);
    if (n < game.descriptor.minPlayers || n > game.descriptor.maxPlayers) fail(`numPlayers ${n} outside descriptor bounds`);

    while (!game.isTerminal(state)) {
      if (history.length >= maxSteps) fail(`no terminal state after ${maxSteps} steps`);
      const deep = history.length % deepEvery === 0;
      if (deep) checkNodeDeeply(game, state, n, fail);
      const [actor, action] = chooseAction(game, state, n, rng, fail);
      if (actor === 'chance') report.chanceNodes++;
      const before = deep ? JSON.stringify(state) : '';
      const next = game.applyAction(state, actor, action);
      if (deep && JSON.stringify(state) !== before) fail(`applyAction(${actor}, '${action}') mutated its input state`);
      history.push([actor, action]);
      state = next;
    }

    if (game.currentPlayer(state) !== 'terminal') fail('isTerminal is true but currentPlayer is not terminal');
    for (let seat = 0; seat < n; seat++) {
      if (game.legalActions(state, seat).length !== 0) fail(`seat ${seat} has legal actions at a terminal state`);
    }
    const returns = game.returns(state);
    if (returns.length !== n) fail(`returns has ${returns.length} entries for ${n} players`);
    if (returns.some((r) => !Number.isFinite(r))) fail(`non-finite returns ${JSON.stringify(returns)}`);
    if (game.descriptor.traits.utility === 'zero-sum') {
      const total = returns.reduce((a, b) => a + b, 0);
      if (Math.abs(total) > EPS) fail(`zero-sum returns sum to ${total}: ${JSON.stringify(returns)}`);
    }
    checkRoundTrip(game, state, n, fail);
    checkReplay(game, options.params, history, state, fail);
    returns.forEach((r, i) => {
      sums[i] = (sums[i] ?? 0) + r;
    });
    report.steps += history.length;
    report.maxLength = Math.max(report.maxLength, history.length);
  }
  report.meanReturns = sums.map((s) => s / playouts);
  return report;
}

function chooseAction<S, P>(game: Game<S, P>, state: S, n: number, rng: Rng, fail: (w: string) => never): [Actor, string] {
  const current = game.currentPlayer(state);
  if (current === 'chance') {
    const outcomes = game.chanceOutcomes(state);
    if (outcomes.length === 0) fail('chance node with no outcomes');
    return ['chance', sampleOutcome(outcomes, rng).action];
  }
  const seats = game.actingSeats(state);
  if (seats.length === 0) fail(`currentPlayer is ${current} but no seat may act`);
  const seat = rng.pick(seats);
  if (seat < 0 || seat >= n) fail(`acting seat ${seat} out of range`);
  return [seat, rng.pick(game.legalActions(state, seat))];
}

function checkNodeDeeply<S, P>(game: Game<S, P>, state: S, n: number, fail: (w: string) => never): void {
  const current = game.currentPlayer(state);
  const acting = new Set(game.actingSeats(state));
  if (current === 'chance') {
    if (acting.size !== 0) fail('a chance node lists acting seats');
    const outcomes = game.chanceOutcomes(state);
    const total = outcomes.reduce((a, o) => a + o.probability, 0);
    if (Math.abs(total - 1) > 1e-9) fail(`chance probabilities sum to ${total}`);
    if (outcomes.some((o) => !(o.probability > 0))) fail('a chance outcome has probability <= 0');
    if (new Set(outcomes.map((o) => o.action)).size !== outcomes.length) fail('duplicate chance outcomes');
    for (const o of outcomes) {
      const err = game.validateAction(state, 'chance', o.action);
      if (err) fail(`chance outcome '${o.action}' fails validation: ${err.code} ${err.message}`);
    }
  } else {
    if (typeof current === 'number' && (acting.size !== 1 || !acting.has(current))) {
      fail(`currentPlayer ${current} but actingSeats ${JSON.stringify([...acting])}`);
    }
    if (game.chanceOutcomes(state).length !== 0) fail('chance outcomes at a non-chance node');
  }
  for (let seat = 0; seat < n; seat++) {
    const legal = game.legalActions(state, seat);
    if (!acting.has(seat)) {
      if (legal.length !== 0) fail(`seat ${seat} may not act but has legal actions`);
      const anyOther = firstLegalOfActingSeat(game, state, acting);
      if (anyOther !== undefined && game.validateAction(state, seat, anyOther) === null) {
        fail(`seat ${seat} may not act but '${anyOther}' validates for it`);
      }
      continue;
    }
    if (legal.length === 0) fail(`acting seat ${seat} has no legal actions`);
    for (let i = 1; i < legal.length; i++) {
      if (compareActions(legal[i - 1] as string, legal[i] as string) >= 0) {
        fail(`legal actions of seat ${seat} not sorted and unique at '${legal[i - 1]}', '${legal[i]}'`);
      }
    }
    for (const action of legal) {
      const err = game.validateAction(state, seat, action);
      if (err) fail(`legal action '${action}' of seat ${seat} fails validation: ${err.code} ${err.message}`);
    }
    const junk = game.validateAction(state, seat, '\u0000not an action');
    if (junk === null || !junk.code || !junk.message) fail('a junk action was not rejected with a code and message');
  }
  checkRoundTrip(game, state, n, fail);
  checkViews(game, state, n, fail);
}

function firstLegalOfActingSeat<S, P>(game: Game<S, P>, state: S, acting: Set<number>): string | undefined {
  for (const seat of acting) {
    const legal = game.legalActions(state, seat);
    if (legal.length > 0) return legal[0];
  }
  return undefined;
}

function checkRoundTrip<S, P>(game: Game<S, P>, state: S, n: number, fail: (w: string) => never): void {
  const text = JSON.stringify(state);
  const restored = JSON.parse(text) as S;
  if (JSON.stringify(restored) !== text) fail('state does not survive a JSON round trip');
  if (!deepEqualJson(restored, state)) fail('state holds values JSON cannot carry (undefined, NaN, classes)');
  if (game.currentPlayer(restored) !== game.currentPlayer(state)) fail('restored state has another current player');
  for (let seat = 0; seat < n; seat++) {
    if (JSON.stringify(game.legalActions(restored, seat)) !== JSON.stringify(game.legalActions(state, seat))) {
      fail(`restored state gives seat ${seat} other legal actions`);
    }
    if (game.infoStateKey(restored, seat) !== game.infoStateKey(state, seat)) fail('restored state has another info-state key');
  }
}

function checkViews<S, P>(game: Game<S, P>, state: S, n: number, fail: (w: string) => never): void {
  const views = Array.from({ length: n }, (_, seat) => JSON.stringify(game.observation(state, seat)));
  const spectator = JSON.stringify(game.spectatorView(state));
  for (let owner = 0; owner < n; owner++) {
    for (const secret of game.privateValues(state, owner)) {
      const needle = JSON.stringify(secret);
      if (!views[owner]?.includes(needle)) fail(`seat ${owner}'s own view lacks its private value ${needle}`);
      for (let other = 0; other < n; other++) {
        if (other !== owner && views[other]?.includes(needle)) {
          fail(`seat ${other}'s view leaks seat ${owner}'s private value ${needle}`);
        }
      }
      if (spectator.includes(needle)) fail(`the spectator view leaks seat ${owner}'s private value ${needle}`);
    }
  }
}

function checkReplay<S, P>(
  game: Game<S, P>,
  params: P,
  history: ReadonlyArray<[Actor, string]>,
  end: S,
  fail: (w: string) => never,
): void {
  let state = game.newInitialState(params);
  for (const [actor, action] of history) {
    const err = game.validateAction(state, actor, action);
    if (err) fail(`replay: '${action}' by ${actor} rejected: ${err.code} ${err.message}`);
    state = game.applyAction(state, actor, action);
  }
  if (JSON.stringify(state) !== JSON.stringify(end)) fail('replaying the history reached another state');
}

function deepEqualJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqualJson(x, bb[i]));
  }
  if (Object.getPrototypeOf(b) !== Object.prototype && Object.getPrototypeOf(b) !== null) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((k) => deepEqualJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}
