/**
 * Per-unit results as the Python `diplomacy` package writes them in a saved game's `results`
 * (its `result_history`), computed from Parley's adjudication of the same phase. Parley's own
 * record keeps its richer reasons; this is the package's vocabulary and bookkeeping, which a
 * tool comparing the two games phase by phase expects:
 *
 * - Movement: every unit on the board has an entry, empty for success. A move that fails is
 *   `bounce`; a convoyed army without a surviving route `no convoy`. A support whose order does not
 *   match is `void`; one attacked (or dislodged) `cut`; a support given to a move against a unit of
 *   the supporter's own power, which could never count, `void` unless that move was outgunned.
 *   A convoying fleet whose convoy carried nothing because the army has no route at all, goes by
 *   land or the fleet is off its route is `no convoy` then `void`; one whose route was broken
 *   elsewhere `no convoy`. A dislodged unit adds `dislodged` after any other label (a dislodged
 *   convoying fleet's `disrupted` is replaced by it, as the package does).
 * - Retreats: each dislodged unit; a retreat that bounces `bounce, disband`, any other unit that
 *   does not retreat `disband`.
 * - Adjustments: a build or disband carried out is `''` (the package's OK), one that cannot be
 *   `void`. A `WAIVE` is read as an order for no unit and comes out `void` under the key `WAIVE`.
 * - The package forgets a unit dislodged with nowhere to go until its next retreat or
 *   adjustment phase: it appears there, labelled `disband`, if such a phase follows in the same
 *   season (or, after the fall, the winter).
 */
import { Diplomacy } from '@parley/games';

/** The slice of a played phase (see export-diplomacy.ts) the labels are computed from. */
export interface LabelledPhase {
  position: Diplomacy.Turn;
  orders: Diplomacy.SubmittedOrder[];
  /** One per order given, then the disbands the rules made. */
  results: Diplomacy.OrderResult[];
}

type Facts = Diplomacy.MovementFacts;
const unitKey = (u: Pick<Diplomacy.Unit, 'type' | 'province'>) => `${u.type} ${u.province.toUpperCase()}`;
const provinceOf = (u: Diplomacy.Unit) => u.province.slice(0, 3);

/** The package's `results` for `phases[i]`. */
export function packageResults(phases: readonly LabelledPhase[], i: number): Record<string, string[]> {
  const phase = phases[i]!;
  const out: Record<string, string[]> = Object.create(null);
  const add = (key: string, ...labels: string[]) => {
    out[key] = [...(out[key] ?? []), ...labels];
  };
  const type = phase.position.phase.type;
  if (type === 'movement') {
    const f = Diplomacy.explainMovement(phase.position, phase.orders);
    f.units.forEach((u, k) => {
      add(unitKey(u), ...movementLabels(f, k));
    });
    return { ...out };
  }
  if (type === 'retreat') for (const d of phase.position.dislodged) add(unitKey(d));
  phase.results.forEach((r, k) => {
    const parsed = Diplomacy.parseOrder(r.text);
    if (!parsed.ok) return;
    const o = parsed.order;
    if (o.kind === 'waive') add('WAIVE', 'void');
    if (!('unit' in o)) return;
    const key = `${o.unit.type ?? '?'} ${o.unit.loc.toUpperCase()}`;
    if (type === 'retreat') {
      if (k >= phase.orders.length || o.kind === 'disband') add(key, 'disband');
      else if (r.result === 'fails') add(key, 'bounce', 'disband');
      else if (r.result === 'void') add(key, 'void');
      else add(key);
    } else add(key, r.result === 'void' ? 'void' : '');
  });
  // Units the movement phase just before disbanded for want of a retreat.
  const previous = phases[i - 1];
  if (previous?.position.phase.type === 'movement')
    for (const r of previous.results.slice(previous.orders.length)) {
      const parsed = Diplomacy.parseOrder(r.text);
      if (parsed.ok && 'unit' in parsed.order) {
        const key = `${parsed.order.unit.type} ${parsed.order.unit.loc.toUpperCase()}`;
        if (!out[key]?.includes('disband')) add(key, 'disband');
      }
    }
  return { ...out };
}

function movementLabels(f: Facts, u: number): string[] {
  const labels = (() => {
    switch (f.kind[u]) {
      case 'move':
        if (f.success[u]) return [];
        return [f.convoyed[u] && f.route[u] !== 1 ? 'no convoy' : 'bounce'];
      case 'support':
        return supportLabels(f, u);
      case 'convoy':
        return convoyLabels(f, u);
      default:
        return [];
    }
  })();
  return f.dislodgedBy[u]! >= 0 ? [...labels, 'dislodged'] : labels;
}

/** A convoyed army's route failed: `none` if its convoy orders never made a route, else `broken`. */
function routeFailure(f: Facts, army: number): 'none' | 'broken' | null {
  if (f.kind[army] !== 'move' || !f.convoyed[army] || f.route[army] === 1) return null;
  if (f.route[army] === 2) return 'broken';
  const lostFleet = f.kind.some(
    (k, c) => k === 'convoy' && f.target[c] === army && !f.unmatched[c] && f.convoyNote[c] !== 1 && f.dislodgedBy[c]! >= 0,
  );
  return lostFleet ? 'broken' : 'none';
}

function supportLabels(f: Facts, s: number): string[] {
  if (f.unmatched[s]) return ['void'];
  const t = f.target[s]!;
  const into = f.into[s];
  if (into && routeFailure(f, t) === 'none') return ['void'];
  const here = provinceOf(f.units[s]!);
  const cutters = f.kind.some(
    (k, w) =>
      k === 'move' &&
      f.into[w] === here &&
      f.units[w]!.power !== f.units[s]!.power &&
      provinceOf(f.units[w]!) !== into &&
      (!f.convoyed[w] || f.route[w] === 1),
  );
  if (cutters) return ['cut'];
  if (into && routeFailure(f, t) === 'broken') return ['no convoy'];
  if (f.dislodgedBy[s]! >= 0) return ['cut'];
  return into && selfDislodgeSupport(f, s) ? ['void'] : [];
}

function convoyLabels(f: Facts, c: number): string[] {
  if (f.unmatched[c]) return ['void'];
  if (f.convoyNote[c] === 1) return ['no convoy', 'void'];
  if (f.dislodgedBy[c]! >= 0) return []; // the package's `disrupted`, replaced by `dislodged`
  if (f.convoyNote[c] === 2) return ['no convoy', 'void'];
  const failure = routeFailure(f, f.target[c]!);
  if (failure === 'none') return ['no convoy', 'void'];
  return failure === 'broken' ? ['no convoy'] : [];
}

/**
 * A support for a move against a unit of the supporter's own power that stays put: the package
 * never counts it and calls it void, unless the move was outgunned by another contender for the
 * province (then it just bounces, and the support keeps no label).
 */
function selfDislodgeSupport(f: Facts, s: number): boolean {
  const t = f.target[s]!;
  const target = f.into[t];
  const o = f.units.findIndex((u) => provinceOf(u) === target);
  if (o < 0 || o === t || f.units[o]!.power !== f.units[s]!.power) return false;
  if (f.kind[o] === 'move' && f.success[o]) return false;
  if (f.success[t]) return true;
  const headToHead = f.kind[o] === 'move' && f.into[o] === provinceOf(f.units[t]!) && !f.convoyed[o] && !f.convoyed[t];
  if (headToHead) return true;
  const strength = (x: number) =>
    1 + f.kind.filter((k, sp) => k === 'support' && f.target[sp] === x && !f.unmatched[sp] && f.decision[sp]).length;
  const mine = strength(t);
  const rivals = f.kind
    .map((k, w) => (k === 'move' && w !== t && f.into[w] === target && routeFailure(f, w) === null ? strength(w) : 0))
    .concat(strength(o));
  return rivals.every((r) => r < mine);
}
