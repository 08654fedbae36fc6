/**
 * Cooperation and honesty in one Diplomacy match: supports across powers, alliances over time,
 * betrayals of recent partners, structured promises kept or broken, and (with a judge model)
 * promises made in free text. Each measure lives in its
 * own file with its definition; this one replays the record once and gathers them as plain JSON,
 * per power and per agent name (`record.seats[i].agent`; seats sharing a name are summed).
 * A fork's continuation carries its parent's prefix: its promises and per-model measures count
 * from the fork (`measuredPhases`, runtime/branch.ts `ownPart`), so pooling a parent with its
 * continuations counts every call, action and message once, and credits it to who made it.
 */
import type { DiplomacyAnalysis } from '@parley/protocol';
import type { MatchRecord } from '../../runtime/record';
import { analyzeAlliances } from './alliances';
import { analyzeBetrayals } from './betrayals';
import { analyzeCommitments } from './commitments';
import { judgeFreeText } from './judge';
import { modelMeasures } from './model-measures';
import { type MovementPhase, movementPhases, POWERS } from './phases';
import { analyzeSupports } from './supports';

export { ALLIANCE_WINDOW } from './alliances';
export { BETRAYAL_WITHIN } from './betrayals';
/** The analysis's shape is the protocol's: the web reads what this returns. */
export type { DiplomacyAnalysis };

/**
 * The movement phases the measures count: all of them, or a continuation's from its fork on (the
 * ones before were its parent's, measured there).
 */
export function measuredPhases(record: MatchRecord, phases: readonly MovementPhase[] = movementPhases(record)): MovementPhase[] {
  const from = record.branch?.seq ?? 0;
  return phases.filter((p) => p.startSeq >= from);
}

export function analyzeDiplomacyMatch(record: MatchRecord): DiplomacyAnalysis {
  const all = movementPhases(record);
  const phases = measuredPhases(record, all);
  const commitments = analyzeCommitments(record, phases);
  return {
    game: 'diplomacy',
    seed: record.seed,
    params: record.params,
    seats: record.seats.map(({ seat, agent }) => ({ seat, power: POWERS[seat]!, agent, return: record.returns?.[seat] ?? null })),
    movementPhases: phases.length,
    ...(record.branch && { measuredFrom: record.branch.at }),
    // The board's story (supports, alliances, betrayals) is told whole, a continuation's prefix included.
    supports: analyzeSupports(record, all),
    alliances: analyzeAlliances(record, all),
    betrayals: analyzeBetrayals(record, all),
    commitments,
    perModel: modelMeasures(record, phases, commitments),
  };
}

/** The same measures, plus free-text promises judged by a model and checked by the engine. */
export async function judgeDiplomacyMatch(
  record: MatchRecord,
  judge: Parameters<typeof judgeFreeText>[2],
): Promise<DiplomacyAnalysis> {
  const analysis = analyzeDiplomacyMatch(record);
  const phases = measuredPhases(record);
  const freeText = await judgeFreeText(record, phases, judge);
  return { ...analysis, freeText, perModel: modelMeasures(record, phases, analysis.commitments, freeText) };
}
