/**
 * Exports of a stored match: Parley's JSON match record of a finished match (rebuilt from the
 * events and proved by replaying it through the engine), No-Limit Hold'em hand histories (PHH)
 * and the Diplomacy saved-game JSON of the Python `diplomacy` package. `exportMatch` picks by
 * format name, for the HTTP API and the CLI, and is the one place that decides which formats a
 * game has: the Parley record always, the others as the game's descriptor declares
 * (`supports.exports`). Failures are `StoreError`s with `export/…` codes.
 */
import { findGame, type Game, type GameExportFormat, Nlhe, supportsOf } from '@parley/games';
import { z } from 'zod';
import type { BranchOrigin, MatchRecord } from '../runtime/record';
import { replayRecord } from '../runtime/replay';
import { StoreError } from './checks';
import { actionsAndMessagesOf, recordOf } from './events';
import { exportDiplomacy } from './export-diplomacy';
import type { MatchWithEvents } from './types';

export { exportDiplomacy, type PlayedPhase, phaseName, replayPhases, type SavedGame, savedGame } from './export-diplomacy';

/** The match record, checked: the replay must accept every action and reach the stored final state. */
export function exportRecord(match: MatchWithEvents): MatchRecord {
  const record = recordOf(match);
  const replay = replayRecord(record);
  if (!replay.ok) throw new StoreError('export/replay-failed', `match ${match.id} does not replay: ${replay.error}`);
  if (replay.returns.some((r, i) => r !== record.returns[i]))
    throw new StoreError('export/replay-failed', `match ${match.id} replays to returns ${replay.returns}, not ${record.returns}`);
  const settings = match.settings as { fairness?: MatchRecord['fairness']; branch?: unknown } | null;
  const branch = branchOriginSchema.safeParse(settings?.branch);
  return {
    ...record,
    ...(settings?.fairness && { fairness: settings.fairness }),
    // A stored continuation (arena/branches.ts) says where it left its parent: its measures start there.
    ...(branch.success && { branch: branch.data }),
  };
}

const branchOriginSchema = z.object({
  parentSeed: z.number(),
  parentHash: z.string(),
  at: z.string(),
  seq: z.number().int().min(0),
  index: z.number().int().min(0),
}) satisfies z.ZodType<BranchOrigin>;

/**
 * The hands of a No-Limit Hold'em match as one PHHS document (PHH, the poker hand history
 * format), written by the NLHE engine's own PHH writer from the state the stored actions replay
 * to. A match still running exports the hands it has finished.
 */
export function exportPhh(match: MatchWithEvents): string {
  const game = findGame(match.game) as Game<Nlhe.NlheState, Nlhe.NlheParams> | undefined;
  if (!game || !exportFormatsOf(match.game).includes('phh'))
    throw new StoreError('export/unsupported', `${match.game} has no PHH export`);
  const parsed = game.descriptor.parseParams(match.params);
  if (!parsed.ok) throw new StoreError('export/malformed', `bad params: ${parsed.error.message}`);
  let state = game.newInitialState(parsed.params);
  for (const { seq, actor, action } of actionsAndMessagesOf(match).actions) {
    const error = game.validateAction(state, actor, action);
    if (error) throw new StoreError('export/malformed', `action ${seq} '${action}' by ${actor}: ${error.code}: ${error.message}`);
    state = game.applyAction(state, actor, action);
  }
  return Nlhe.matchToPhhs(state);
}

export type ExportFormat = 'parley' | GameExportFormat;

/** The formats a game's matches export to: Parley's record, then what the game declares; [] for an unknown game. */
export function exportFormatsOf(gameId: string): ExportFormat[] {
  const game = findGame(gameId);
  return game ? ['parley', ...supportsOf(game).exports] : [];
}

export interface ExportedFile {
  filename: string;
  mediaType: string;
  text: string;
}

export function exportMatch(match: MatchWithEvents, format: ExportFormat): ExportedFile {
  const base = match.id.replace(/[^A-Za-z0-9._-]/g, '_');
  if (!exportFormatsOf(match.game).includes(format))
    throw new StoreError('export/unsupported', `${match.game} matches do not export as ${format}`);
  switch (format) {
    case 'parley':
      return {
        filename: `${base}.parley.json`,
        mediaType: 'application/json',
        text: `${JSON.stringify(exportRecord(match), null, 2)}\n`,
      };
    case 'phh':
      return { filename: `${base}.phh`, mediaType: 'text/plain', text: exportPhh(match) };
    case 'diplomacy':
      return {
        filename: `${base}.diplomacy.json`,
        mediaType: 'application/json',
        text: `${JSON.stringify(exportDiplomacy(match))}\n`,
      };
  }
}
