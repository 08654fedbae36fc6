/**
 * Supports across powers: a support order by a unit of A for a unit of B (B ≠ A), to hold or to
 * move. B is whoever had a unit in the supported province when the phase opened; a support of
 * an empty province helps nobody and is not counted. The support "succeeded" when the engine
 * gave it (result `succeeds`): not cut, its unit not dislodged, and the supported unit did what
 * the support said (otherwise the engine voids it). `helped` says whether the supported unit's
 * own order succeeded as well.
 */

import type { MatchRecord } from '../../runtime/record';
import { byAgent, type MovementPhase, orderFor, POWERS, type Power, perPowerOf, provinceOf, territory } from './phases';

export interface SupportEvent {
  phase: string;
  from: Power;
  to: Power;
  order: string;
  result: 'succeeds' | 'fails' | 'void';
  reason: string;
  helped: boolean;
}

export interface SupportTally extends Record<string, number> {
  given: number;
  givenSucceeded: number;
  received: number;
  receivedSucceeded: number;
}

export interface SupportReport {
  events: SupportEvent[];
  perPower: Record<Power, SupportTally>;
  perAgent: Record<string, SupportTally>;
  /** matrix[a][b]: supports given by seat a to seat b (seat order). */
  matrix: number[][];
}

const zero = (): SupportTally => ({ given: 0, givenSucceeded: 0, received: 0, receivedSucceeded: 0 });

/** Every cross-power support of one phase. */
export function phaseSupports(phase: MovementPhase): SupportEvent[] {
  const { unitAt } = territory(phase);
  const events: SupportEvent[] = [];
  for (const o of phase.orders) {
    if (o.order?.kind !== 'support') continue;
    const where = provinceOf(o.order.target.loc);
    const to = unitAt.get(where);
    if (!to || to === o.power) continue;
    const supported = orderFor(phase, to, where);
    events.push({
      phase: phase.code,
      from: o.power,
      to,
      order: o.text,
      result: o.result,
      reason: o.reason,
      helped: supported?.result === 'succeeds',
    });
  }
  return events;
}

export function analyzeSupports(record: MatchRecord, phases: readonly MovementPhase[]): SupportReport {
  const events = phases.flatMap(phaseSupports);
  const perPower = perPowerOf(zero);
  const matrix = POWERS.map(() => POWERS.map(() => 0));
  for (const e of events) {
    const ok = e.result === 'succeeds' ? 1 : 0;
    perPower[e.from].given++;
    perPower[e.from].givenSucceeded += ok;
    perPower[e.to].received++;
    perPower[e.to].receivedSucceeded += ok;
    matrix[POWERS.indexOf(e.from)]![POWERS.indexOf(e.to)]!++;
  }
  return { events, perPower, perAgent: byAgent(record, perPower, zero), matrix };
}
