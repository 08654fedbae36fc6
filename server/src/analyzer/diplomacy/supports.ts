/**
 * Supports across powers (defined by the engine's relations, `Diplomacy.phaseSupports`): a
 * support order by a unit of A for a unit of B (B ≠ A), to hold or to move. B is whoever had a
 * unit in the supported province when the phase opened; a support of an empty province helps
 * nobody and is not counted. The support "succeeded" when the engine
 * gave it (result `succeeds`): not cut, its unit not dislodged, and the supported unit did what
 * the support said (otherwise the engine voids it). `helped` says whether the supported unit's
 * own order succeeded as well.
 */
import { Diplomacy } from '@parley/games';
import type { SupportReport, SupportTally } from '@parley/protocol';
import type { MatchRecord } from '../../runtime/record';
import { byAgent, type MovementPhase, POWERS, perPowerOf } from './phases';

export type SupportEvent = Diplomacy.SupportEvent;
export const { phaseSupports } = Diplomacy;

export type { SupportReport, SupportTally };

const zero = (): SupportTally => ({ given: 0, givenSucceeded: 0, received: 0, receivedSucceeded: 0 });

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
