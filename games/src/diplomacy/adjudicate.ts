/**
 * Movement adjudication: decides, for one movement phase, which moves succeed, which supports
 * are cut and which units are dislodged.
 *
 * Algorithm. A guess-and-check resolver after Lucas Kruijswijk's "The Math of Adjudication"
 * (written afresh here). Each order is a boolean to decide. `resolve(u)` decides order `u` from
 * the rules below, recursively resolving the orders it depends on. When it meets an order that
 * is being decided further up the stack, it returns that order's current guess and records the
 * dependency. If an order turns out to depend on its own guess, it is decided twice, once
 * guessing "fails" and once "succeeds": one consistent answer settles it; two or none mean a
 * cycle, settled by a backup rule (below).
 *
 * The rules, for a move from A to B:
 *   - A convoyed move needs a route: a chain of its convoying fleets, none of them dislodged.
 *   - attack strength = 1 + supports; 0 without a route; 0 against a unit of its own power that
 *     stays in B; and supports from the power of the unit staying in B do not count.
 *   - it must beat the strength holding B: in a head-to-head battle (B moves to A, neither
 *     convoyed) the other's defend strength (1 + its supports), else B's hold strength (0 if
 *     empty or its unit moves away successfully, 1 if its move fails, else 1 + hold supports);
 *   - and the prevent strength of every other move to B (1 + supports; 0 without a route or
 *     when it lost a head-to-head battle).
 *   A support is cut by an attack from a unit of another power with a route, unless it comes
 *   from the province the support goes into; it also fails if its unit is dislodged. A convoy
 *   fails if its fleet is dislodged.
 *
 * Backup rule. A cycle that runs through a convoy order is a convoy paradox: the Szykman rule
 * applies, so every army whose convoy is in the cycle is treated as not convoyed (it does not
 * move, cut support or bounce anything) and the rest is decided again. Any other cycle is
 * circular movement, and every move in it succeeds.
 *
 * DATC options taken (the DATC 2.4 preference wherever it offers a choice):
 *   - Multi-route convoys (4.A.1): a convoy arrives if any one route survives (6.F.9–6.F.11).
 *   - Convoy paradoxes (4.A.2): the Szykman rule (6.F.14–6.F.24, 6.G.11).
 *   - Convoys to adjacent places (4.A.3): the 2000 rulebook as the DATC reads it. An army
 *     moving to a neighbour goes by convoy if it says VIA or a fleet of its own power orders a
 *     matching convoy, and only if a route of matching convoy orders exists; otherwise it goes
 *     by land (6.G.1–6.G.18). Units may swap places through a convoy; a convoyed move is never
 *     a head-to-head battle.
 *   - An attack from the province a support goes into does not cut it, even by convoy (6.G.13).
 *   - Coasts: a move to a split province needs a coast unless only one is reachable (6.B.1,
 *     6.B.2); a wrong coast fails (6.B.3); the coast of the ordered unit is ignored (6.B.10); a
 *     support needs no coast, but a coast given must match the move (6.B.7–6.B.9).
 *   - Impossible orders are illegal and the unit holds (6.D.28–6.D.33); they are rejected before
 *     adjudication, in orders-check.ts. Of several legal orders for a unit the last one counts.
 *   - A unit dislodged by a convoyed army may retreat to the army's origin (6.H.11, 6.H.12).
 *   - Builds and disbands are handled one by one in order (6.I.1, 6.J.1); missing disbands go
 *     by distance from home (6.J), see adjustments.ts.
 *   - Not a DATC option but the engine's choice: a dislodged unit with no legal retreat is
 *     disbanded at once (as the DATC data's source does), so a retreat phase never asks a
 *     question with only one answer.
 *
 * Representation. Units are indices into flat typed arrays, provinces and locations are the
 * integers of map.ts, and one resolver object with preallocated buffers is reused for every
 * phase, so adjudicating a 34-unit phase allocates almost nothing.
 */
import * as mapTables from './map';

// Bound once at load: under some module loaders (vitest) imported bindings are getters, too slow for inner loops.
const { armyAdjBits, fleetAdjBits, fleetReach, locProvince, NUM_LOCS, NUM_PROVINCES } = mapTables;

export const HOLD = 0;
export const MOVE = 1;
export const SUPPORT = 2;
export const CONVOY = 3;

/** One movement phase, compiled. Every order is legal (illegal orders were turned into holds). */
export interface MovementInput {
  n: number;
  power: Uint8Array;
  fleet: Uint8Array;
  /** Location of each unit. */
  loc: Int16Array;
  prov: Uint8Array;
  kind: Uint8Array;
  /** MOVE: destination location. SUPPORT: destination province, -1 to support a hold. CONVOY: destination province. */
  dest: Int16Array;
  /** SUPPORT of a fleet's move: the coast (location) the support names, or -1 for none. */
  destCoast: Int16Array;
  /** SUPPORT, CONVOY: the unit supported or convoyed. */
  target: Int16Array;
  /** MOVE: the order said VIA (convoy). */
  via: Uint8Array;
}

/** The outcome. The arrays belong to the resolver and are overwritten by its next call. */
export interface MovementOutcome {
  n: number;
  /** 1 if the order succeeded: a move that went through, a support given to a move that had a route, a convoy that carried its army, a hold not dislodged. */
  success: Uint8Array;
  /** The resolver's own decision per order: a move goes through; a support is not cut or dislodged; a convoying fleet is not dislodged. */
  decision: Uint8Array;
  /** 1 for a support or convoy that matches no order of the unit it names. */
  unmatched: Uint8Array;
  /** 1 for a move that went (or tried to go) by convoy. */
  convoyed: Uint8Array;
  /** Convoyed moves: 1 if a convoy route held, 0 if none, 2 if the paradox rule broke it. */
  route: Uint8Array;
  /** The unit that dislodged this one, or -1. */
  dislodgedBy: Int16Array;
  /** Convoys: 1 if the army went by land instead (no intent to convoy), 2 if this fleet was not on the route that carried it. */
  convoyNote: Uint8Array;
}

const UNRESOLVED = 0;
const GUESSING = 1;
const RESOLVED = 2;
const FAILS = 0;
const SUCCEEDS = 1;
const MAX_UNITS = NUM_PROVINCES;
/** `minDepth` when no guess was read. */
const NO_GUESS = 1 << 30;

class Resolver {
  private m!: MovementInput;
  private readonly destProv = new Int16Array(MAX_UNITS);
  private readonly unitAt = new Int16Array(NUM_PROVINCES);
  private readonly headInto = new Int16Array(NUM_PROVINCES);
  private readonly nextInto = new Int16Array(MAX_UNITS);
  private readonly headSup = new Int16Array(MAX_UNITS);
  private readonly nextSup = new Int16Array(MAX_UNITS);
  private readonly headConv = new Int16Array(MAX_UNITS);
  private readonly nextConv = new Int16Array(MAX_UNITS);
  private readonly unmatched = new Uint8Array(MAX_UNITS);
  private readonly convoyed = new Uint8Array(MAX_UNITS);
  private readonly broken = new Uint8Array(MAX_UNITS);
  private readonly state = new Uint8Array(MAX_UNITS);
  private readonly res = new Uint8Array(MAX_UNITS);
  private readonly onStack = new Uint8Array(MAX_UNITS);
  /** Stack depth of an order being decided; the guess depth an order left as a guess depends on. */
  private readonly depth = new Int32Array(MAX_UNITS);
  private readonly guessDepth = new Int32Array(MAX_UNITS);
  private stackDepth = 0;
  private minDepth = NO_GUESS;
  private readonly success = new Uint8Array(MAX_UNITS);
  private readonly route = new Uint8Array(MAX_UNITS);
  private readonly dislodgedBy = new Int16Array(MAX_UNITS);
  private readonly convoyNote = new Uint8Array(MAX_UNITS);
  private readonly deps: number[] = [];

  run(m: MovementInput): MovementOutcome {
    const n = m.n;
    if (n > MAX_UNITS) throw new Error(`too many units: ${n}`);
    this.m = m;
    this.prepare();
    for (let u = 0; u < n; u++) {
      if (m.kind[u] !== HOLD) this.resolve(u);
      else this.res[u] = SUCCEEDS;
    }
    const { success, route, dislodgedBy } = this;
    dislodgedBy.fill(-1, 0, n);
    for (let u = 0; u < n; u++) {
      const k = m.kind[u]!;
      success[u] = k === HOLD ? SUCCEEDS : this.res[u]!;
      if (k === MOVE && this.convoyed[u]) route[u] = this.broken[u] ? 2 : this.path(u) ? 1 : 0;
      else route[u] = 0;
      if (k === MOVE && this.res[u] === SUCCEEDS) {
        const v = this.unitAt[this.destProv[u]!]!;
        if (v >= 0 && !(m.kind[v] === MOVE && this.res[v] === SUCCEEDS)) dislodgedBy[v] = u;
      }
    }
    for (let u = 0; u < n; u++) {
      const k = m.kind[u]!;
      if (dislodgedBy[u]! >= 0 && (k === HOLD || k === CONVOY)) success[u] = FAILS;
      if (k === MOVE && route[u] === 1) this.markRoute(u);
    }
    for (let u = 0; u < n; u++) {
      const k = m.kind[u]!;
      const t = m.target[u]!;
      // A convoy succeeds if it carried the army; a support of a move that found no convoy route supported nothing.
      if (k === CONVOY && !this.unmatched[u] && (this.convoyNote[u] !== 0 || route[t] !== 1)) success[u] = FAILS;
      if (k === SUPPORT && !this.unmatched[u] && m.dest[u]! >= 0 && this.convoyed[t] && route[t] !== 1) success[u] = FAILS;
    }
    return {
      n,
      success,
      decision: this.res,
      unmatched: this.unmatched,
      convoyed: this.convoyed,
      route,
      dislodgedBy,
      convoyNote: this.convoyNote,
    };
  }

  /** Builds the lookup lists, matches supports and convoys to orders, and decides which moves go by convoy. */
  private prepare(): void {
    const m = this.m;
    const n = m.n;
    this.unitAt.fill(-1);
    this.headInto.fill(-1);
    this.headSup.fill(-1, 0, n);
    this.headConv.fill(-1, 0, n);
    this.unmatched.fill(0, 0, n);
    this.convoyNote.fill(0, 0, n);
    this.convoyed.fill(0, 0, n);
    this.broken.fill(0, 0, n);
    this.state.fill(UNRESOLVED, 0, n);
    this.onStack.fill(0, 0, n);
    this.deps.length = 0;
    this.stackDepth = 0;
    this.minDepth = NO_GUESS;
    for (let u = 0; u < n; u++) {
      this.unitAt[m.prov[u]!] = u;
      if (m.kind[u] === MOVE) {
        const p = locProvince[m.dest[u]!]!;
        this.destProv[u] = p;
        this.nextInto[u] = this.headInto[p]!;
        this.headInto[p] = u;
      } else this.destProv[u] = -1;
    }
    for (let u = 0; u < n; u++) {
      const k = m.kind[u];
      if (k !== SUPPORT && k !== CONVOY) continue;
      const t = m.target[u]!;
      const tMoves = m.kind[t] === MOVE;
      let ok: boolean;
      if (k === SUPPORT) {
        const d = m.dest[u]!;
        ok = d < 0 ? !tMoves : tMoves && this.destProv[t] === d && (m.destCoast[u]! < 0 || m.destCoast[u] === m.dest[t]);
        if (ok) {
          this.nextSup[u] = this.headSup[t]!;
          this.headSup[t] = u;
        }
      } else {
        ok = tMoves && !m.fleet[t] && this.destProv[t] === m.dest[u];
        if (ok) {
          this.nextConv[u] = this.headConv[t]!;
          this.headConv[t] = u;
        }
      }
      this.unmatched[u] = ok ? 0 : 1;
    }
    for (let u = 0; u < n; u++) {
      if (m.kind[u] !== MOVE || m.fleet[u]) continue;
      if (armyAdjBits[m.prov[u]! * NUM_PROVINCES + this.destProv[u]!] !== 1) this.convoyed[u] = 1;
      else {
        let wanted = m.via[u] === 1;
        for (let c = this.headConv[u]!; c >= 0 && !wanted; c = this.nextConv[c]!) wanted = m.power[c] === m.power[u];
        this.convoyed[u] = wanted && this.routeOf(u, false) ? 1 : 0;
      }
      // A convoy for an army that goes by land takes no part.
      if (!this.convoyed[u]) {
        for (let c = this.headConv[u]!; c >= 0; c = this.nextConv[c]!) this.convoyNote[c] = 1;
        this.headConv[u] = -1;
      }
    }
  }

  /** Is there a chain of the move's convoying fleets from its origin to its destination (all of them undislodged, if `resolving`)? */
  private routeOf(u: number, resolving: boolean): boolean {
    const m = this.m;
    const from = m.prov[u]!;
    const to = this.destProv[u]!;
    const fleets: number[] = [];
    for (let c = this.headConv[u]!; c >= 0; c = this.nextConv[c]!) fleets.push(c);
    const reached: number[] = [];
    const state = new Uint8Array(fleets.length); // 0 unseen, 1 reached, 2 unusable
    for (let i = 0; i < fleets.length; i++) {
      if (fleetReach[m.prov[fleets[i]!]! * NUM_PROVINCES + from] === 1) {
        reached.push(i);
        state[i] = 1;
      }
    }
    for (let r = 0; r < reached.length; r++) {
      const i = reached[r]!;
      const c = fleets[i]!;
      if (resolving && this.resolve(c) !== SUCCEEDS) {
        state[i] = 2;
        continue;
      }
      const sea = m.prov[c]!;
      if (fleetReach[sea * NUM_PROVINCES + to] === 1) return true;
      for (let j = 0; j < fleets.length; j++) {
        if (state[j] === 0 && fleetAdjBits[sea * NUM_LOCS + m.prov[fleets[j]!]!] === 1) {
          state[j] = 1;
          reached.push(j);
        }
      }
    }
    return false;
  }

  /** Marks (convoyNote 2) the convoying fleets of move `u` that lie on no route from its origin to its destination. */
  private markRoute(u: number): void {
    const m = this.m;
    const fleets: number[] = [];
    for (let c = this.headConv[u]!; c >= 0; c = this.nextConv[c]!) if (this.res[c] === SUCCEEDS) fleets.push(c);
    const reach = (start: number): Uint8Array => {
      const seen = new Uint8Array(fleets.length);
      const queue: number[] = [];
      fleets.forEach((c, i) => {
        if (fleetReach[m.prov[c]! * NUM_PROVINCES + start] === 1) {
          seen[i] = 1;
          queue.push(i);
        }
      });
      for (let q = 0; q < queue.length; q++) {
        const sea = m.prov[fleets[queue[q]!]!]!;
        fleets.forEach((c, j) => {
          if (!seen[j] && fleetAdjBits[sea * NUM_LOCS + m.prov[c]!] === 1) {
            seen[j] = 1;
            queue.push(j);
          }
        });
      }
      return seen;
    };
    const fromOrigin = reach(m.prov[u]!);
    const fromDest = reach(this.destProv[u]!);
    for (let c = this.headConv[u]!; c >= 0; c = this.nextConv[c]!) {
      const i = fleets.indexOf(c);
      if (i < 0 || !fromOrigin[i] || !fromDest[i]) this.convoyNote[c] = 2;
    }
  }

  private path(u: number): boolean {
    return !this.broken[u] && this.routeOf(u, true);
  }

  /**
   * Decides order `u`. While an order is being decided it holds a guess; an order whose answer
   * depended on a guess made further up the stack is left as a guess too (in `deps`) until that
   * guess is settled. `minDepth` carries, up the stack, the outermost guess an answer read.
   */
  private resolve(u: number): number {
    const { state, res } = this;
    if (state[u] === RESOLVED) return res[u]!;
    if (state[u] === GUESSING) {
      const depth = this.onStack[u] ? this.depth[u]! : this.guessDepth[u]!;
      if (depth < this.minDepth) this.minDepth = depth;
      return res[u]!;
    }
    const outer = this.minDepth;
    const depth = ++this.stackDepth;
    const old = this.deps.length;
    this.depth[u] = depth;
    this.onStack[u] = 1;
    const first = this.decideWithGuess(u, FAILS);
    let read = this.minDepth;
    if (read >= depth && read !== NO_GUESS) {
      // The answer depends on its own guess: try the other one.
      this.release(old);
      const second = this.decideWithGuess(u, SUCCEEDS);
      read = this.minDepth;
      if (read >= depth && read !== NO_GUESS && first !== second) {
        // Both guesses are consistent, or neither: settle the cycle by the backup rule and decide again.
        this.backup(u, old);
        this.onStack[u] = 0;
        this.stackDepth--;
        this.minDepth = outer;
        return this.resolve(u);
      }
      if (read >= depth) this.release(old);
      this.onStack[u] = 0;
      this.stackDepth--;
      return this.finish(u, read, depth, second, outer);
    }
    this.onStack[u] = 0;
    this.stackDepth--;
    return this.finish(u, read, depth, first, outer);
  }

  private decideWithGuess(u: number, guess: number): number {
    this.res[u] = guess;
    this.state[u] = GUESSING;
    this.minDepth = NO_GUESS;
    return this.adjudicate(u);
  }

  /** Settles `u`, or leaves it a guess if its answer read a guess from further up the stack. */
  private finish(u: number, read: number, depth: number, result: number, outer: number): number {
    if (read < depth) {
      this.guessDepth[u] = read;
      this.deps.push(u);
      this.res[u] = result;
      this.minDepth = Math.min(outer, read);
      return result;
    }
    if (this.state[u] !== RESOLVED) {
      this.res[u] = result;
      this.state[u] = RESOLVED;
    }
    this.minDepth = outer;
    return this.res[u]!;
  }

  /** Forgets the guesses left since `from`: they are decided again when next needed. */
  private release(from: number): void {
    const { deps, state } = this;
    for (let i = from; i < deps.length; i++) state[deps[i]!] = UNRESOLVED;
    deps.length = from;
  }

  /**
   * Settles a cycle through `u` (the orders left as guesses since `from` belong to it): the
   * Szykman rule if it runs through a convoy order, else circular movement.
   */
  private backup(u: number, from: number): void {
    const { deps, state, res, m } = this;
    const members = [u, ...deps.slice(from)];
    let paradox = false;
    for (const c of members) {
      if (m.kind[c] === CONVOY && !this.broken[m.target[c]!]) {
        this.broken[m.target[c]!] = 1;
        paradox = true;
      }
    }
    this.release(from);
    state[u] = UNRESOLVED;
    if (paradox) return;
    // Circular movement: every move in the circle succeeds. Fixing `u` (a move of the circle)
    // makes the others follow; a cycle not led by a move falls back to fixing every move in it.
    let fixed = false;
    for (const c of m.kind[u] === MOVE ? [u] : members) {
      if (m.kind[c] === MOVE) {
        res[c] = SUCCEEDS;
        state[c] = RESOLVED;
        fixed = true;
      }
    }
    // A cycle with neither a convoy nor a move cannot arise under the rules; settle it as it stands so the resolver always ends.
    if (!fixed) state[u] = RESOLVED;
  }

  private adjudicate(u: number): number {
    switch (this.m.kind[u]) {
      case MOVE:
        return this.adjudicateMove(u);
      case SUPPORT:
        return this.adjudicateSupport(u);
      case CONVOY:
        return this.dislodgedAt(this.m.prov[u]!, -1) ? FAILS : SUCCEEDS;
      default:
        return SUCCEEDS;
    }
  }

  private headToHead(u: number, v: number): boolean {
    const m = this.m;
    return (
      m.kind[v] === MOVE &&
      this.destProv[v] === m.prov[u] &&
      this.destProv[u] === m.prov[v] &&
      !this.convoyed[u] &&
      !this.convoyed[v]
    );
  }

  private adjudicateMove(u: number): number {
    const b = this.destProv[u]!;
    if (this.convoyed[u] && !this.path(u)) return FAILS;
    const attack = this.attackStrength(u);
    const v = this.unitAt[b]!;
    if (v >= 0 && this.headToHead(u, v)) {
      if (attack <= 1 + this.supportCount(v, -1)) return FAILS;
    } else if (attack <= this.holdStrength(b)) return FAILS;
    for (let w = this.headInto[b]!; w >= 0; w = this.nextInto[w]!) {
      if (w !== u && attack <= this.preventStrength(w)) return FAILS;
    }
    return SUCCEEDS;
  }

  private supportCount(u: number, notPower: number): number {
    let count = 0;
    for (let s = this.headSup[u]!; s >= 0; s = this.nextSup[s]!) {
      if (this.m.power[s] !== notPower && this.resolve(s) === SUCCEEDS) count++;
    }
    return count;
  }

  private attackStrength(u: number): number {
    const m = this.m;
    if (this.convoyed[u] && !this.path(u)) return 0;
    const v = this.unitAt[this.destProv[u]!]!;
    if (v < 0 || (m.kind[v] === MOVE && !this.headToHead(u, v) && this.resolve(v) === SUCCEEDS))
      return 1 + this.supportCount(u, -1);
    if (m.power[v] === m.power[u]) return 0;
    return 1 + this.supportCount(u, m.power[v]!);
  }

  private holdStrength(p: number): number {
    const v = this.unitAt[p]!;
    if (v < 0) return 0;
    if (this.m.kind[v] === MOVE) return this.resolve(v) === SUCCEEDS ? 0 : 1;
    return 1 + this.supportCount(v, -1);
  }

  private preventStrength(w: number): number {
    if (this.convoyed[w] && !this.path(w)) return 0;
    const v = this.unitAt[this.destProv[w]!]!;
    if (v >= 0 && this.headToHead(w, v) && this.resolve(v) === SUCCEEDS) return 0;
    return 1 + this.supportCount(w, -1);
  }

  private adjudicateSupport(s: number): number {
    const m = this.m;
    const p = m.prov[s]!;
    const into = m.dest[s]!;
    for (let w = this.headInto[p]!; w >= 0; w = this.nextInto[w]!) {
      if (m.power[w] === m.power[s] || m.prov[w] === into) continue;
      if (!this.convoyed[w] || this.path(w)) return FAILS;
    }
    return into >= 0 && this.dislodgedAt(p, into) ? FAILS : SUCCEEDS;
  }

  /** Does a move into `p` (only from `from`, if given) succeed? */
  private dislodgedAt(p: number, from: number): boolean {
    for (let w = this.headInto[p]!; w >= 0; w = this.nextInto[w]!) {
      if ((from < 0 || this.m.prov[w] === from) && this.resolve(w) === SUCCEEDS) return true;
    }
    return false;
  }
}

const resolver = new Resolver();

/** Adjudicates one movement phase. The outcome's arrays are reused by the next call: copy what you keep. */
export function adjudicateMovement(input: MovementInput): MovementOutcome {
  return resolver.run(input);
}

/** Empty input buffers for `n` units (all holding). */
export function movementInput(n: number): MovementInput {
  return {
    n,
    power: new Uint8Array(n),
    fleet: new Uint8Array(n),
    loc: new Int16Array(n),
    prov: new Uint8Array(n),
    kind: new Uint8Array(n),
    dest: new Int16Array(n).fill(-1),
    destCoast: new Int16Array(n).fill(-1),
    target: new Int16Array(n).fill(-1),
    via: new Uint8Array(n),
  };
}
