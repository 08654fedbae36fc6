/**
 * Cooperation and honesty in one Diplomacy match: supports across powers, alliances over time,
 * betrayals of recent partners, structured promises kept or broken, and (with a judge model)
 * promises made in free text. Each measure lives in its
 * own file with its definition; this one replays the record once and gathers them as plain JSON,
 * per power and per agent name (`record.seats[i].agent`; seats sharing a name are summed).
 */
import type { MatchRecord } from '../../runtime/record';
import { type AllianceReport, analyzeAlliances } from './alliances';
import { analyzeBetrayals, type BetrayalReport } from './betrayals';
import { analyzeCommitments, type CommitmentReport } from './commitments';
import { type FreeTextReport, judgeFreeText } from './judge';
import { type ModelMeasures, modelMeasures } from './model-measures';
import { movementPhases, POWERS, type Power } from './phases';
import { analyzeSupports, type SupportReport } from './supports';

export { ALLIANCE_WINDOW } from './alliances';
export { BETRAYAL_WITHIN } from './betrayals';

export interface DiplomacyAnalysis {
  game: 'diplomacy';
  seed: number;
  params: unknown;
  seats: { seat: number; power: Power; agent: string; return: number | null }[];
  movementPhases: number;
  supports: SupportReport;
  alliances: AllianceReport;
  betrayals: BetrayalReport;
  commitments: CommitmentReport;
  /** Promises made in free text, when a judge model was given (judge.ts). */
  freeText?: FreeTextReport;
  /** Harness and table measures per agent name (model-measures.ts). */
  perModel: Record<string, ModelMeasures>;
}

export function analyzeDiplomacyMatch(record: MatchRecord): DiplomacyAnalysis {
  const phases = movementPhases(record);
  const commitments = analyzeCommitments(record, phases);
  return {
    game: 'diplomacy',
    seed: record.seed,
    params: record.params,
    seats: record.seats.map(({ seat, agent }) => ({ seat, power: POWERS[seat]!, agent, return: record.returns?.[seat] ?? null })),
    movementPhases: phases.length,
    supports: analyzeSupports(record, phases),
    alliances: analyzeAlliances(record, phases),
    betrayals: analyzeBetrayals(record, phases),
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
  const phases = movementPhases(record);
  const freeText = await judgeFreeText(record, phases, judge);
  return { ...analysis, freeText, perModel: modelMeasures(record, phases, analysis.commitments, freeText) };
}
