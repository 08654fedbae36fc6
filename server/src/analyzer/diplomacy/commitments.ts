/**
 * Promise keeping: every structured commitment in press, checked against the orders its sender
 * gave in the first movement phase adjudicated after the message was sent (press before S1901M
 * is judged on the S1901M orders). Verdicts are `kept`, `broken` or `not-checkable`:
 *
 * - support ORDER: the sender had a unit where ORDER's unit stands and ordered it to support the
 *   same unit (by province) to hold, or to move to the same province. Not checkable when ORDER does
 *   not parse, is not a support, or names a unit the sender did not have.
 * - move ORDER: likewise, the sender's unit there was ordered to move to the same province.
 * - demilitarise Z: no unit of the sender was ordered into Z, and every unit of the sender in Z
 *   was ordered out of it. Not checkable when Z names no province.
 * - no-attack W: the sender did not attack W (phases.ts). Not checkable when W names no other power.
 * - anything else, or no movement phase after the message (the game ended): not checkable.
 *
 * Rates: keptRate = kept / (kept + broken), null when nothing was checkable. Free text is not
 * judged here; `FreeTextJudge` is the shape a later judge (an LLM, say) would take.
 */
import type { Commitment } from '@parley/agents';
import { Diplomacy } from '@parley/games';
import type { MatchRecord, MessageRecord } from '../../runtime/record';
import {
  attacks,
  byAgent,
  type MovementPhase,
  orderFor,
  POWERS,
  type Power,
  perPowerOf,
  powerNamed,
  provinceOf,
  territory,
} from './phases';

export type Verdict = 'kept' | 'broken' | 'not-checkable';

/** Not implemented: a judge of promises made in free text. */
export type FreeTextJudge = (message: MessageRecord, phase: MovementPhase) => Promise<Verdict>;

export interface CommitmentCheck {
  seq: number;
  sentIn: string;
  from: Power;
  to: Power[] | 'all';
  commitment: Commitment;
  checkedIn: string | null;
  verdict: Verdict;
  reason: string;
}

export interface PromiseTally extends Record<string, number> {
  kept: number;
  broken: number;
  notCheckable: number;
}

export interface PromiseRates {
  kept: number;
  broken: number;
  notCheckable: number;
  keptRate: number | null;
}

export interface CommitmentReport {
  checks: CommitmentCheck[];
  perPower: Record<Power, PromiseRates>;
  perAgent: Record<string, PromiseRates>;
}

const PROVINCES = Diplomacy.STANDARD_MAP.provinces;

function provinceId(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const t = text.trim().toLowerCase();
  return PROVINCES.find((p) => p.id === provinceOf(t) || p.name.toLowerCase() === t)?.id ?? null;
}

type Result = { verdict: Verdict; reason: string };
const notCheckable = (reason: string): Result => ({ verdict: 'not-checkable', reason });
const verdict = (kept: boolean, reason: string): Result => ({ verdict: kept ? 'kept' : 'broken', reason });

function checkOrder(c: { kind: 'support' | 'move'; order: string }, from: Power, phase: MovementPhase): Result {
  const parsed = Diplomacy.parseOrder(c.order);
  if (!parsed.ok) return notCheckable(`the order does not parse: ${parsed.error.message}`);
  const want = parsed.order;
  if (want.kind !== c.kind) return notCheckable(`a ${c.kind} commitment names a ${want.kind} order`);
  const at = provinceOf(want.unit.loc);
  if (territory(phase).unitAt.get(at) !== from) return notCheckable(`${from} had no unit in ${at.toUpperCase()}`);
  const given = orderFor(phase, from, at)?.order;
  const same =
    want.kind === 'move'
      ? given?.kind === 'move' && provinceOf(given.to) === provinceOf(want.to)
      : given?.kind === 'support' &&
        provinceOf(given.target.loc) === provinceOf(want.target.loc) &&
        (given.to ? provinceOf(given.to) : null) === (want.to ? provinceOf(want.to) : null);
  return verdict(same, `ordered ${given ? Diplomacy.formatOrder(given) : 'nothing'}`);
}

/** Checks one commitment of `from` against the orders of `phase`. */
export function checkCommitment(c: Commitment, from: Power, phase: MovementPhase): Result {
  switch (c?.kind) {
    case 'support':
    case 'move':
      return typeof c.order === 'string' ? checkOrder(c, from, phase) : notCheckable('no order text');
    case 'demilitarise': {
      const z = provinceId(c.province);
      if (!z) return notCheckable(`'${String(c.province)}' names no province`);
      const offending = phase.orders.filter((o) => {
        const order = o.order;
        if (o.power !== from || !order || !['hold', 'move', 'support', 'convoy'].includes(order.kind)) return false;
        return order.kind === 'move' ? provinceOf(order.to) === z : 'unit' in order && provinceOf(order.unit.loc) === z;
      });
      return verdict(
        offending.length === 0,
        offending.length ? offending.map((o) => o.text).join('; ') : `nothing in ${z.toUpperCase()}`,
      );
    }
    case 'no-attack': {
      const w = powerNamed(c.target);
      if (!w || w === from) return notCheckable(`'${String(c.target)}' names no other power`);
      const hostile = attacks(phase, from, w);
      return verdict(hostile.length === 0, hostile.length ? hostile.map((o) => o.text).join('; ') : `no attack on ${w}`);
    }
    default:
      return notCheckable(`unknown commitment kind '${String((c as { kind?: unknown })?.kind)}'`);
  }
}

const zero = (): PromiseTally => ({ kept: 0, broken: 0, notCheckable: 0 });
const withRate = (t: PromiseTally): PromiseRates => ({
  ...t,
  keptRate: t.kept + t.broken > 0 ? t.kept / (t.kept + t.broken) : null,
});
const mapValues = <K extends string, A, B>(o: Record<K, A>, f: (a: A) => B) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v as A)])) as Record<K, B>;

export function analyzeCommitments(record: MatchRecord, phases: readonly MovementPhase[]): CommitmentReport {
  const checks: CommitmentCheck[] = [];
  for (const m of record.messages ?? []) {
    const from = POWERS[m.from];
    if (!from) continue;
    const phase = phases.find((p) => p.endSeq > m.seq);
    const to = m.to === 'all' ? 'all' : m.to.map((s) => POWERS[s]!).filter(Boolean);
    for (const c of m.commitments ?? []) {
      const r = phase ? checkCommitment(c, from, phase) : notCheckable('no movement phase after the message');
      checks.push({ seq: m.seq, sentIn: m.phase, from, to, commitment: c, checkedIn: phase?.code ?? null, ...r });
    }
  }
  const perPower = perPowerOf(zero);
  for (const c of checks) perPower[c.from][c.verdict === 'not-checkable' ? 'notCheckable' : c.verdict]++;
  return {
    checks,
    perPower: mapValues(perPower, withRate),
    perAgent: mapValues(byAgent(record, perPower, zero), withRate),
  };
}
