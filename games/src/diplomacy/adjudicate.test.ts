/**
 * The resolver beyond the DATC: on thousands of random mid-game phases (and on the DATC
 * movement cases) its answer must not depend on the order units are listed in, and must be a
 * consistent resolution: re-deciding every order from the final decisions of the others, with the
 * rules written out plainly below, gives the same decisions.
 */
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../core/rng';
import cases from './__fixtures__/datc-cases.json';
import { adjudicateMovement, CONVOY, MOVE, type MovementInput, type MovementOutcome, movementInput, SUPPORT } from './adjudicate';
import type { CaseInput } from './case';
import { type DiplomacyState, diplomacy, legalOrders } from './game';
import { fleetAdjBits, fleetReach, locProvince, NUM_LOCS, NUM_PROVINCES, POWERS } from './map';
import { compileMovement } from './movement';
import { type CheckedOrder, checkOrderText } from './orders-check';
import { ENGINE, playPhase } from './testing/random-play';
import { phaseContext } from './turn';

function copyOutcome(o: MovementOutcome) {
  return {
    success: [...o.success.slice(0, o.n)],
    decision: [...o.decision.slice(0, o.n)],
    route: [...o.route.slice(0, o.n)],
    dislodgedBy: [...o.dislodgedBy.slice(0, o.n)],
    convoyed: [...o.convoyed.slice(0, o.n)],
    unmatched: [...o.unmatched.slice(0, o.n)],
  };
}

/** The same phase with the units listed in another order. */
function permute(m: MovementInput, order: number[]): MovementInput {
  const p = movementInput(m.n);
  const newIndex = new Array<number>(m.n);
  order.forEach((old, i) => {
    newIndex[old] = i;
  });
  order.forEach((old, i) => {
    p.power[i] = m.power[old]!;
    p.fleet[i] = m.fleet[old]!;
    p.loc[i] = m.loc[old]!;
    p.prov[i] = m.prov[old]!;
    p.kind[i] = m.kind[old]!;
    p.dest[i] = m.dest[old]!;
    p.destCoast[i] = m.destCoast[old]!;
    p.via[i] = m.via[old]!;
    p.target[i] = m.target[old]! >= 0 ? newIndex[m.target[old]!]! : -1;
  });
  return p;
}

/** Re-decides every order from the others' final decisions; returns the orders that disagree. */
function inconsistencies(m: MovementInput, o: ReturnType<typeof copyOutcome>): string[] {
  const d = o.decision;
  const destProv = (u: number) => locProvince[m.dest[u]!]!;
  const at = (p: number) => {
    for (let u = 0; u < m.n; u++) if (m.prov[u] === p) return u;
    return -1;
  };
  const movesInto = (p: number) => [...Array(m.n).keys()].filter((w) => m.kind[w] === MOVE && destProv(w) === p);
  const path = (u: number): boolean => {
    if (!o.convoyed[u]) return true;
    if (o.route[u] === 2) return false;
    const fleets = [...Array(m.n).keys()].filter(
      (c) => m.kind[c] === CONVOY && !o.unmatched[c] && m.target[c] === u && d[c] === 1,
    );
    const reached = fleets.filter((c) => fleetReach[m.prov[c]! * NUM_PROVINCES + m.prov[u]!] === 1);
    for (let i = 0; i < reached.length; i++) {
      const c = reached[i]!;
      if (fleetReach[m.prov[c]! * NUM_PROVINCES + destProv(u)] === 1) return true;
      for (const f of fleets) if (!reached.includes(f) && fleetAdjBits[m.prov[c]! * NUM_LOCS + m.prov[f]!] === 1) reached.push(f);
    }
    return false;
  };
  const supports = (u: number, notPower: number) =>
    [...Array(m.n).keys()].filter(
      (s) => m.kind[s] === SUPPORT && !o.unmatched[s] && m.target[s] === u && d[s] === 1 && m.power[s] !== notPower,
    ).length;
  const headToHead = (u: number, v: number) =>
    m.kind[v] === MOVE && destProv(v) === m.prov[u] && destProv(u) === m.prov[v] && !o.convoyed[u] && !o.convoyed[v];
  const bad: string[] = [];
  for (let u = 0; u < m.n; u++) {
    let expected: number;
    if (m.kind[u] === MOVE) {
      const b = destProv(u);
      const v = at(b);
      let attack = 0;
      if (path(u)) {
        if (v < 0 || (m.kind[v] === MOVE && !headToHead(u, v) && d[v] === 1)) attack = 1 + supports(u, -1);
        else if (m.power[v] !== m.power[u]) attack = 1 + supports(u, m.power[v]!);
      }
      let defence = 0;
      if (v >= 0 && headToHead(u, v)) defence = 1 + supports(v, -1);
      else if (v >= 0) defence = m.kind[v] === MOVE ? (d[v] === 1 ? 0 : 1) : 1 + supports(v, -1);
      let prevent = 0;
      for (const w of movesInto(b)) {
        if (w === u || !path(w)) continue;
        const x = at(destProv(w));
        if (x >= 0 && headToHead(w, x) && d[x] === 1) continue;
        prevent = Math.max(prevent, 1 + supports(w, -1));
      }
      expected = path(u) && attack > defence && attack > prevent ? 1 : 0;
    } else if (m.kind[u] === SUPPORT) {
      const into = m.dest[u]!;
      const cut = movesInto(m.prov[u]!).some((w) => m.power[w] !== m.power[u] && m.prov[w] !== into && path(w));
      const dislodged = movesInto(m.prov[u]!).some((w) => m.prov[w] === into && d[w] === 1);
      expected = cut || dislodged ? 0 : 1;
    } else if (m.kind[u] === CONVOY) {
      expected = movesInto(m.prov[u]!).some((w) => d[w] === 1) ? 0 : 1;
    } else continue;
    if (expected !== d[u]) bad.push(`unit ${u} (kind ${m.kind[u]}): decided ${d[u]}, rules say ${expected}`);
  }
  return bad;
}

function shuffled(n: number, rng: Rng): number[] {
  const a = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function checkPhase(m: MovementInput, rng: Rng, label: string): void {
  const base = copyOutcome(adjudicateMovement(m));
  expect(inconsistencies(m, base), label).toEqual([]);
  for (let k = 0; k < 3; k++) {
    const order = shuffled(m.n, rng);
    const again = copyOutcome(adjudicateMovement(permute(m, order)));
    const back = (arr: number[]) => order.map((_, i) => arr[order.indexOf(i)]!);
    expect(back(again.success), `${label}, units reordered`).toEqual(base.success);
    expect(back(again.decision), `${label}, units reordered`).toEqual(base.decision);
  }
}

/** Random legal orders for every unit of a movement phase, compiled. */
function randomPhase(s: DiplomacyState, rng: Rng): MovementInput {
  const ctx = phaseContext(s);
  const perUnit: (CheckedOrder | null)[] = ctx.board.units.map(() => null);
  for (const power of POWERS) {
    for (const g of legalOrders(s, power)) {
      const r = checkOrderText(ctx, power, rng.pick(g.orders));
      if (!r.ok) throw new Error(r.error.message);
      perUnit[ctx.board.at[ctx.board.prov[ctx.board.units.findIndex((x) => x.province.slice(0, 3) === r.checked.slot)]!]!] =
        r.checked;
    }
  }
  return compileMovement(ctx.board, perUnit);
}

describe('the movement resolver', () => {
  it('gives consistent, order-independent answers on the DATC movement cases', () => {
    const rng = createRng(5);
    for (const c of cases as unknown as (CaseInput & { id: string })[]) {
      if (c.phase.type !== 'movement') continue;
      const ctx = phaseContext({ phase: c.phase, units: c.units as never, dislodged: [], centres: [] });
      const perUnit: (CheckedOrder | null)[] = ctx.board.units.map(() => null);
      for (const o of c.orders) {
        const r = checkOrderText(ctx, o.power as never, o.text);
        if (r.ok && r.checked.order.kind !== 'vote-draw')
          perUnit[ctx.board.units.findIndex((x) => x.province.slice(0, 3) === r.checked.slot)] = r.checked;
      }
      checkPhase(compileMovement(ctx.board, perUnit), rng, c.id);
    }
  });

  it('gives consistent, order-independent answers on 2,000 random mid-game phases', () => {
    const rng = createRng(17);
    let phases = 0;
    for (let g = 0; phases < 2000; g++) {
      let s = diplomacy.newInitialState({ lastYear: 1910 });
      while (!diplomacy.isTerminal(s) && phases < 2000) {
        if (s.phase.type === 'movement') {
          for (let k = 0; k < 4; k++) checkPhase(randomPhase(s, rng), rng, `game ${g} ${s.phase.season} ${s.phase.year}`);
          phases += 4;
        }
        s = playPhase(ENGINE, s, rng);
      }
    }
  });
});
