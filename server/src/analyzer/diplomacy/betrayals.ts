/**
 * Betrayals: attacks on recent partners.
 *
 * A betrays B at movement phase t when A attacks B at t (phases.ts: a move into B's units or
 * centres, or a support or convoy of one) and A and B were allied (alliances.ts) at some movement
 * phase in the N phases before t (N = 2 by default: t−1 or t−2). One event per (phase, betrayer,
 * victim), listing the attacking orders, the last phase they were allied, and whether any of the
 * attacking orders succeeded. Attacks are judged on the orders given, not their results.
 */
import type { BetrayalEvent, BetrayalReport, BetrayalTally } from '@parley/protocol';
import type { MatchRecord } from '../../runtime/record';
import { ALLIANCE_WINDOW, allianceMatrices } from './alliances';
import { attacks, byAgent, type MovementPhase, POWERS, perPowerOf } from './phases';

export const BETRAYAL_WITHIN = 2;

export type { BetrayalEvent, BetrayalReport, BetrayalTally };

const zero = (): BetrayalTally => ({ betrayals: 0, betrayed: 0 });

export function analyzeBetrayals(
  record: MatchRecord,
  phases: readonly MovementPhase[],
  within = BETRAYAL_WITHIN,
  window = ALLIANCE_WINDOW,
): BetrayalReport {
  const allied = allianceMatrices(phases, window);
  const events: BetrayalEvent[] = [];
  phases.forEach((phase, t) => {
    POWERS.forEach((a, i) => {
      POWERS.forEach((b, j) => {
        let s = t - 1;
        while (s >= Math.max(0, t - within) && !allied[s]![i]![j]) s--;
        if (s < Math.max(0, t - within)) return;
        const hostile = attacks(phase, a, b);
        if (hostile.length === 0) return;
        events.push({
          phase: phase.code,
          betrayer: a,
          victim: b,
          alliedAt: phases[s]!.code,
          orders: hostile.map((o) => o.text),
          succeeded: hostile.some((o) => o.result === 'succeeds'),
        });
      });
    });
  });
  const perPower = perPowerOf(zero);
  for (const e of events) {
    perPower[e.betrayer].betrayals++;
    perPower[e.victim].betrayed++;
  }
  return { within, events, perPower, perAgent: byAgent(record, perPower, zero) };
}
