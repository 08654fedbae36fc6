/**
 * Alliances over time, from the orders alone (press is not read).
 *
 * Powers A and B are allied at movement phase t when, over the window of the last W movement
 * phases ending at t (W = 2 by default, about one game year):
 *   - A gave at least one support to a unit of B, and B to a unit of A (supports.ts), and
 *   - neither attacked the other in any phase of the window (the attack of phases.ts: a move into
 *     the other's units or centres, or a support or convoy of one).
 * The report gives, per movement phase, the allied pairs and the symmetric 0/1 matrix in seat
 * order, and per pair how many phases it was allied.
 */
import type { AllianceReport } from '@parley/protocol';
import type { MatchRecord } from '../../runtime/record';
import { attacks, byAgent, type MovementPhase, POWERS, type Power, perPowerOf } from './phases';
import { phaseSupports } from './supports';

export const ALLIANCE_WINDOW = 2;

export type { AllianceReport };

const grid = <T>(f: (a: number, b: number) => T): T[][] => POWERS.map((_, a) => POWERS.map((_, b) => f(a, b)));

/** allied[t][a][b] for every movement phase t. */
export function allianceMatrices(phases: readonly MovementPhase[], window = ALLIANCE_WINDOW): boolean[][][] {
  const supported = phases.map((phase) => {
    const m = grid(() => false);
    for (const e of phaseSupports(phase)) m[POWERS.indexOf(e.from)]![POWERS.indexOf(e.to)] = true;
    return m;
  });
  const attacked = phases.map((phase) => grid((a, b) => attacks(phase, POWERS[a]!, POWERS[b]!).length > 0));
  return phases.map((_, t) => {
    const span = [...Array(Math.min(window, t + 1)).keys()].map((k) => t - k);
    const ever = (m: boolean[][][], a: number, b: number) => span.some((s) => m[s]![a]![b]);
    return grid(
      (a, b) => a !== b && ever(supported, a, b) && ever(supported, b, a) && !ever(attacked, a, b) && !ever(attacked, b, a),
    );
  });
}

export function analyzeAlliances(
  record: MatchRecord,
  phases: readonly MovementPhase[],
  window = ALLIANCE_WINDOW,
): AllianceReport {
  const allied = allianceMatrices(phases, window);
  const pairs: Record<string, number> = {};
  const perPower = perPowerOf(() => ({ alliedPhases: 0 }));
  const report = phases.map((phase, t) => {
    const m = allied[t]!;
    const list: [Power, Power][] = [];
    POWERS.forEach((a, i) => {
      if (m[i]!.some(Boolean)) perPower[a].alliedPhases++;
      for (let j = i + 1; j < POWERS.length; j++) {
        if (!m[i]![j]) continue;
        list.push([a, POWERS[j]!]);
        pairs[`${a}-${POWERS[j]}`] = (pairs[`${a}-${POWERS[j]}`] ?? 0) + 1;
      }
    });
    return { phase: phase.code, pairs: list, matrix: m.map((row) => row.map(Number)) };
  });
  return { window, phases: report, pairs, perPower, perAgent: byAgent(record, perPower, () => ({ alliedPhases: 0 })) };
}
