/**
 * Diplomacy analyses for the API, and the free-text judge run on a stored match.
 *
 * `analysisOf` is the one place a match's cooperation analysis is read: the judged one if a judge
 * has run, else the plain one, computed once and kept in the results store. `measures` pools the
 * per-model measures and judged promises of recent finished matches (analyzer/diplomacy).
 *
 * Judging is the operator's (its model calls cost money): the judge is one of the operator's
 * registered LLM configurations, never a file or URL from the request; its day's spend is
 * checked against the configuration's cap before and added to the ledger after. It runs in the
 * background; the judged analysis replaces the plain one for every reader. `judgeStatus` tells the
 * operator how the last judge of a match went: running, done (from the stored analysis, so it
 * outlives a restart), or failed with a reason fit to show (never the internal error's text).
 */
import { findGame, listGames, supportsOf } from '@parley/games';
import { judgeRequestSchema, type MeasuresAnswer } from '@parley/protocol';
import type { AgentRegistry } from '../agents-registry/registry';
import { analyzeDiplomacyMatch, type DiplomacyAnalysis, judgeDiplomacyMatch } from '../analyzer/diplomacy';
import { agentMeasures, judgedPromises } from '../analyzer/diplomacy/agent-measures';
import { errorMessage } from '../http/errors';
import { exportRecord } from '../store/export';
import type { ResultsStore } from '../store/results';
import type { MatchStore, MatchWithEvents } from '../store/types';
import { Refused } from './refused';

export class JudgeRefused extends Refused<400 | 404 | 409 | 429> {}

const KIND = 'diplomacy';
/** Finished matches pooled by `measures`, newest first. */
export const MEASURED_MATCHES = 50;

export type JudgeStatus =
  | { status: 'none' }
  | { status: 'running'; judge: string }
  | {
      status: 'done';
      judge: { provider: string; model: string };
      promises: number;
      broken: number;
      unread: number;
      costUsd: number;
    }
  | { status: 'failed'; judge: string; reason: string };

/** GET /api/measures/diplomacy's reply: its shape is the protocol's. */
export type PooledMeasures = MeasuresAnswer;

export class DiplomacyAnalyses {
  private readonly judging = new Map<string, { judge: string; done: Promise<void> }>();
  /** The last judge of a match that failed, until another one starts. */
  private readonly failures = new Map<string, { judge: string; reason: string }>();

  constructor(
    private readonly store: MatchStore,
    private readonly results: ResultsStore,
    private readonly registry: AgentRegistry,
  ) {}

  /** Whether the analyzer and the judge read this game's records: the game declares it. */
  covers(gameId: string): boolean {
    const game = findGame(gameId);
    return game !== undefined && supportsOf(game).judge;
  }

  /** The match's analysis (judged when a judge ran), computed and kept on first read. */
  async analysisOf(match: MatchWithEvents): Promise<DiplomacyAnalysis> {
    const rows = await this.results.analyses({ matchId: match.id, kind: KIND });
    const newest = rows.sort((a, b) => b.createdAt - a.createdAt).map((r) => r.result as DiplomacyAnalysis);
    const cached = newest.find((a) => a.freeText) ?? newest[0];
    if (cached) return cached;
    const analysis = analyzeDiplomacyMatch(exportRecord(match));
    await this.results.saveAnalysis({ matchId: match.id, tournamentId: match.tournamentId, kind: KIND, result: analysis });
    return analysis;
  }

  /**
   * Per-model measures over the newest finished matches of the games the analyzer reads (those
   * that declare a judge: Diplomacy), of one agent if named.
   */
  async measures(agent?: string): Promise<PooledMeasures> {
    const read = listGames().filter((g) => supportsOf(g).judge);
    const pages = await Promise.all(
      read.map((g) =>
        this.store.listMatches({
          game: g.descriptor.id,
          status: 'finished',
          demo: 'exclude',
          pageSize: MEASURED_MATCHES,
          ...(agent ? { agent } : {}),
        }),
      ),
    );
    const newest = pages
      .flatMap((p) => p.matches)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, MEASURED_MATCHES);
    const analyses: (DiplomacyAnalysis & { matchId: string })[] = [];
    for (const summary of newest) {
      const match = await this.store.getMatch(summary.id);
      if (!match) continue;
      try {
        analyses.push({ ...(await this.analysisOf(match)), matchId: match.id });
      } catch {
        // A stored match that no longer replays is left out of the pool, not fatal to it.
      }
    }
    const perModel = agentMeasures(analyses).filter((m) => !agent || m.agent === agent);
    const promises = judgedPromises(analyses).filter((p) => !agent || p.agent === agent);
    return { matches: analyses.length, perModel, promises };
  }

  /** Starts the judge on a finished Diplomacy match; throws a JudgeRefused. */
  async judge(matchId: string, raw: unknown): Promise<{ matchId: string; judge: string; status: 'running' }> {
    const parsed = judgeRequestSchema.safeParse(raw ?? {});
    if (!parsed.success)
      throw new JudgeRefused(
        400,
        'judge/invalid',
        parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      );
    const match = matchId.length <= 100 ? await this.store.getMatch(matchId) : null;
    if (!match) throw new JudgeRefused(404, 'match/not-found', `no match ${matchId.slice(0, 100)}`);
    if (match.status !== 'finished') throw new JudgeRefused(409, 'judge/not-finished', 'a match is judged once it is over');
    if (!this.covers(match.game)) throw new JudgeRefused(400, 'judge/unsupported', 'the judge reads Diplomacy press');
    const { judge: id, deadlineMs } = parsed.data;
    const entry = this.registry.get(id);
    if (!entry?.judge)
      throw new JudgeRefused(
        400,
        'judge/unknown',
        `'${id.slice(0, 64)}' is not a registered model configuration (GET /api/registry)`,
      );
    const cap = entry.dailyCapUsd ?? 0;
    if (this.registry.ledger.spentToday(id) >= cap)
      throw new JudgeRefused(429, 'limits/spend', `${id} has spent its daily cap of $${cap}`);
    if (this.judging.has(matchId)) throw new JudgeRefused(409, 'judge/running', 'a judge is already reading this match');
    const record = exportRecord(match);
    const texts = (record.messages ?? []).filter((m) => m.text.trim()).length;
    const fail = (reason: string) => this.failures.set(matchId, { judge: id, reason });
    this.failures.delete(matchId);
    const judge = entry.judge();
    const done = judgeDiplomacyMatch(record, { ...judge, deadlineMs })
      .then(async (analysis) => {
        const freeText = analysis.freeText;
        this.registry.ledger.add(id, freeText?.costUsd ?? 0);
        // A judge that read nothing says nothing about the match: it is not kept as its analysis.
        if (freeText && texts > 0 && freeText.unread === texts)
          return void fail(`the judge model gave no usable answer for any of the ${texts} messages (is its provider reachable?)`);
        await this.results.saveAnalysis({ matchId, tournamentId: match.tournamentId, kind: KIND, result: analysis });
      })
      .catch((error) => {
        // The raw error may carry the provider's answer or the key: the log gets its first line, redacted.
        console.error(`the judge of match ${matchId} failed: ${errorMessage(error, [judge.config.apiKey])}`);
        fail('the judge stopped on an internal error; the server log has the details');
      })
      .finally(() => this.judging.delete(matchId));
    this.judging.set(matchId, { judge: id, done });
    return { matchId, judge: id, status: 'running' };
  }

  /** How the last judge of a finished match went (the match is known to exist). */
  async judgeStatus(match: MatchWithEvents): Promise<JudgeStatus> {
    const running = this.judging.get(match.id);
    if (running) return { status: 'running', judge: running.judge };
    const failed = this.failures.get(match.id);
    if (failed) return { status: 'failed', ...failed };
    const rows = await this.results.analyses({ matchId: match.id, kind: KIND });
    const judged = rows
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((r) => (r.result as DiplomacyAnalysis).freeText)
      .find((f) => f !== undefined);
    if (!judged) return { status: 'none' };
    return {
      status: 'done',
      judge: judged.judge,
      promises: judged.promises.length,
      broken: judged.promises.filter((p) => p.verdict === 'broken').length,
      unread: judged.unread,
      costUsd: judged.costUsd,
    };
  }

  /** Resolves once the judge of `matchId` has ended (at once if none runs). */
  async settled(matchId: string): Promise<void> {
    await this.judging.get(matchId)?.done;
  }

  async close(): Promise<void> {
    await Promise.all([...this.judging.values()].map((j) => j.done));
  }
}
