/**
 * The HTTP API, on the same port as the WebSocket rooms (Colyseus's router). Inputs are
 * validated with zod; every error is JSON `{code, message}` with a fitting status (errors.ts).
 * Agents are named by registry id only; quotas come from the caller's role (arena/limits.ts).
 */
import { randomUUID } from 'node:crypto';
import { createEndpoint, createRouter, matchMaker } from '@colyseus/core';
import { findGame, getGame, listGames, supportsOf } from '@parley/games';
import {
  agentListQuerySchema,
  exploitabilityQuerySchema,
  exportQuerySchema,
  type LeaderboardFormat,
  ladderQuerySchema,
  leaderboardQuerySchema,
  matchListQuerySchema,
  measuresQuerySchema,
  SEAT_TOKEN_HEADER,
} from '@parley/protocol';
import type { AgentRegistry } from '../agents-registry/registry';
import { agentPolicy } from '../analyzer/agent-policy';
import { exploitability } from '../analyzer/exploitability';
import { compileTree } from '../analyzer/game-tree';
import { BranchRefused, type BranchService } from '../arena/branches';
import { type DiplomacyAnalyses, JudgeRefused } from '../arena/judging';
import { limitsOf, quotaKey } from '../arena/limits';
import type { MatchService } from '../arena/match-service';
import { pastHands } from '../arena/past-hands';
import { TournamentRefused, type TournamentService } from '../arena/tournaments';
import { turnOpenings } from '../arena/turn-history';
import { GUEST, type Principal } from '../auth/principal';
import type { AuthService } from '../auth/service';
import { formatLeaderboard } from '../ratings/format';
import { ladderAsOf } from '../ratings/inactivity';
import { actLatency } from '../rooms/act-latency';
import { verifyRecord } from '../runtime/fairness';
import { StoreError } from '../store/checks';
import { exportFormatsOf, exportMatch, exportRecord } from '../store/export';
import { importSavedGame, saveImported } from '../store/import-diplomacy';
import type { ResultsStore } from '../store/results';
import { authEndpoints } from './auth-api';
import { errorMessage, fail, internalError, json } from './errors';
import { eventLoopDelay } from './event-loop';
import { CLIENT_ADDRESS } from './node-adapter';
import { publicMatch } from './public-match';

export interface ApiDeps {
  service: MatchService;
  tournaments: TournamentService;
  branches: BranchService;
  analyses: DiplomacyAnalyses;
  results: ResultsStore;
  registry: AgentRegistry;
  auth: AuthService;
  version: string;
  /** Who made a request (the accounts module); guests by default. */
  principalOf?: (request: Request | undefined) => Principal;
}

/** Exact exploitability is for games whose descriptor declares an enumerable tree. */
const exploitabilityQuery = exploitabilityQuerySchema.refine(({ game: id }) => {
  const game = findGame(id);
  return game !== undefined && supportsOf(game).exactTree;
});
const exactGames = () =>
  listGames()
    .filter((g) => supportsOf(g).exactTree)
    .map((g) => g.descriptor.id);
const MEDIA: Record<LeaderboardFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  jsonl: 'application/x-ndjson',
  table: 'text/plain',
};

export function createApi(deps: ApiDeps) {
  const { service, tournaments, results, registry } = deps;
  const store = service.store;
  /** The stored match an address names, with its game, or the 404 to answer. */
  const storedMatch = async (raw: unknown) => {
    const id = String(raw ?? '');
    const match = id.length <= 100 ? await store.getMatch(id) : null;
    if (!match) return { missing: fail(404, 'match/not-found', `no match ${id.slice(0, 100)}`) };
    return { id, match, game: findGame(match.game) };
  };
  const caller = (request: Request | undefined) => {
    const principal = deps.principalOf?.(request) ?? GUEST;
    return { principal, key: quotaKey(principal, request?.headers.get(CLIENT_ADDRESS) ?? 'local') };
  };
  /** A body over the caller's role limit (the adapter caps everyone at 1 MB). */
  const tooLarge = (principal: Principal, body: unknown) => {
    const limit = limitsOf(principal).bodyBytes;
    return Buffer.byteLength(JSON.stringify(body ?? null)) > limit
      ? fail(413, 'http/too-large', `a ${principal.role}'s request bodies are limited to ${limit} bytes`)
      : null;
  };
  const eventLoop = eventLoopDelay();
  return createRouter({
    ...authEndpoints(deps.auth, store),
    health: createEndpoint('/api/health', { method: 'GET' }, async () =>
      json(200, {
        ok: true,
        version: deps.version,
        liveMatches: [...service.live.values()].filter((m) => m.status === 'running').length,
        rssBytes: process.memoryUsage.rss(), // the resident size alone: memoryUsage() walks every heap space
        eventLoop: eventLoop(),
        actLatency: actLatency(),
      }),
    ),

    listMatches: createEndpoint('/api/matches', { method: 'GET' }, async (ctx) => {
      const q = matchListQuerySchema.safeParse(ctx.query ?? {});
      if (!q.success)
        return fail(400, 'query/invalid', q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const { tournament, status, ...rest } = q.data;
      const page = await store.listMatches({ ...rest, status, tournamentId: tournament });
      // A running match's people are named by who took their seats (held by the live match, until its events are stored).
      const named = page.matches.map((m) => service.live.get(m.id)?.holders.named(m) ?? m);
      return json(200, { ...page, matches: named.map(publicMatch) });
    }),

    getMatch: createEndpoint('/api/matches/:id', { method: 'GET' }, async (ctx) => {
      const id = String(ctx.params.id ?? '');
      const match = id.length <= 100 ? await store.getMatch(id) : null;
      if (!match) return fail(404, 'match/not-found', `no match ${id.slice(0, 100)}`);
      // Hidden information of a running match stays hidden (its seed included): its events come
      // with the record, and its seed with the salt of its commitment, once it ends.
      if (match.status === 'running') return json(200, { ...publicMatch(match), events: [], modelCalls: [] });
      return json(200, publicMatch(match));
    }),

    /** A match's turns so far, each as spectators saw it begin (games played in rounds: a live page's phase history). */
    matchTurns: createEndpoint('/api/matches/:id/turns', { method: 'GET' }, async (ctx) => {
      const found = await storedMatch(ctx.params.id);
      if ('missing' in found) return found.missing;
      const { match, game } = found;
      if (!game?.turnKey) return fail(400, 'turns/unsupported', `${match.game} is not played in rounds`);
      try {
        return json(200, { turns: turnOpenings(game, match, service.clock.now()) });
      } catch (error) {
        return internalError(error);
      }
    }),

    /** A match's finished hands (games played in hands: a live page's hand history), as the caller's seat or spectators may read them. */
    matchHands: createEndpoint('/api/matches/:id/hands', { method: 'GET' }, async (ctx) => {
      const found = await storedMatch(ctx.params.id);
      if ('missing' in found) return found.missing;
      const { id, match, game } = found;
      if (!game?.finishedHands) return fail(400, 'hands/unsupported', `${match.game} is not played in hands`);
      const token = ctx.request?.headers.get(SEAT_TOKEN_HEADER) ?? null;
      const seat = token !== null && token.length <= 200 ? await service.seatForToken(id, token) : null;
      if (token !== null && seat === null)
        return fail(403, 'seat/unknown-token', 'this token does not hold a seat in this match');
      try {
        return json(200, { hands: pastHands(game, match, seat, service.clock.now()) });
      } catch (error) {
        return internalError(error);
      }
    }),

    exportMatch: createEndpoint('/api/matches/:id/export', { method: 'GET' }, async (ctx) => {
      const q = exportQuerySchema.safeParse(ctx.query ?? {});
      if (!q.success) return fail(400, 'query/invalid', 'format must be json, phh or diplomacy');
      const id = String(ctx.params.id ?? '');
      const match = id.length <= 100 ? await store.getMatch(id) : null;
      if (!match) return fail(404, 'match/not-found', `no match ${id.slice(0, 100)}`);
      if (match.status === 'running') return fail(409, 'export/running', 'a match can be exported once it is over');
      const format = q.data.format === 'json' ? 'parley' : q.data.format;
      if (!exportFormatsOf(match.game).includes(format))
        return fail(400, 'export/unsupported', `${match.game} matches do not export as ${q.data.format}`);
      try {
        const file = exportMatch(match, format);
        return new Response(file.text, {
          status: 200,
          headers: { 'content-type': file.mediaType, 'content-disposition': `attachment; filename="${file.filename}"` },
        });
      } catch (error) {
        return internalError(error);
      }
    }),

    /** Recomputes every chance outcome of a finished match from its revealed seed (as `parley verify` does). */
    verifyMatch: createEndpoint('/api/matches/:id/verify', { method: 'GET' }, async (ctx) => {
      const id = String(ctx.params.id ?? '');
      const match = id.length <= 100 ? await store.getMatch(id) : null;
      if (!match) return fail(404, 'match/not-found', `no match ${id.slice(0, 100)}`);
      if (match.status === 'running')
        return fail(409, 'verify/running', 'the seed is revealed, and can be verified, once the match is over');
      try {
        return json(200, verifyRecord(exportRecord(match)));
      } catch (error) {
        return internalError(error);
      }
    }),

    createMatch: createEndpoint('/api/matches', { method: 'POST' }, async (ctx) => {
      const { principal, key } = caller(ctx.request);
      const large = tooLarge(principal, ctx.body);
      if (large) return large;
      const created = await service.create(ctx.body, { principal, quotaKey: key });
      if (!created.ok) return fail(created.status, created.code, created.message);
      await matchMaker.createRoom('match', { matchId: created.matchId });
      const seats = created.tokens.map((token, seat) => (token ? { seat, token } : { seat }));
      return json(201, { matchId: created.matchId, roomId: created.matchId, seats });
    }),

    /** Ends a running match for good (stored as aborted): its owner or the operator. */
    stopMatch: createEndpoint('/api/matches/:id', { method: 'DELETE' }, async (ctx) => {
      const { principal, key } = caller(ctx.request);
      const id = String(ctx.params.id ?? '');
      const stopped = await service.stop(id, principal, key);
      if (!stopped.ok) return fail(stopped.status, stopped.code, stopped.message);
      return json(200, { matchId: id, status: 'aborted' });
    }),

    /**
     * Operator only: a Python diplomacy saved game (or LLM harness game), replayed through the
     * engine and stored as a finished match; 422 names the first disagreement with the rules.
     */
    importDiplomacy: createEndpoint('/api/imports/diplomacy', { method: 'POST' }, async (ctx) => {
      const { principal } = caller(ctx.request);
      if (principal.role !== 'operator') return fail(403, 'auth/operator-only', 'only the operator may import saved games');
      const large = tooLarge(principal, ctx.body);
      if (large) return large;
      try {
        const imported = importSavedGame(ctx.body);
        const matchId = await saveImported(store, imported, randomUUID());
        const { actions, messages } = imported.record;
        return json(201, {
          matchId,
          phases: imported.phases,
          orders: actions.length,
          messages: messages.length,
          refused: imported.refused,
          extraFields: imported.extraFields,
        });
      } catch (error) {
        if (error instanceof StoreError) return fail(error.code === 'import/disagreement' ? 422 : 400, error.code, error.message);
        return internalError(error);
      }
    }),

    /**
     * Operator only: fork a finished match at a turn and play `times` continuations in the
     * background (arena/branches.ts); 202 with the branch, whose page is the GET below.
     */
    startBranch: createEndpoint('/api/matches/:id/branches', { method: 'POST' }, async (ctx) => {
      const { principal } = caller(ctx.request);
      if (principal.role !== 'operator')
        return fail(403, 'auth/operator-only', 'only the operator may fork matches (continuations may spend model calls)');
      const large = tooLarge(principal, ctx.body);
      if (large) return large;
      try {
        return json(202, await deps.branches.start(String(ctx.params.id ?? ''), ctx.body));
      } catch (error) {
        if (error instanceof BranchRefused) return fail(error.status, error.code, error.message);
        return internalError(error);
      }
    }),

    listBranches: createEndpoint('/api/matches/:id/branches', { method: 'GET' }, async (ctx) =>
      json(200, { branches: await deps.branches.list(String(ctx.params.id ?? '').slice(0, 100)) }),
    ),

    getBranch: createEndpoint('/api/matches/:id/branches/:branchId', { method: 'GET' }, async (ctx) => {
      const branch = await deps.branches.get(String(ctx.params.id ?? '').slice(0, 100), String(ctx.params.branchId ?? ''));
      if (!branch) return fail(404, 'branch/not-found', 'no such branch of this match');
      return json(200, branch);
    }),

    listAgents: createEndpoint('/api/agents', { method: 'GET' }, async (ctx) => {
      const q = agentListQuerySchema.safeParse(ctx.query ?? {});
      if (!q.success) return fail(400, 'query/invalid', 'demo must be include, exclude or only');
      // A person's seat without a name is stored as "seat N": a placeholder, not an agent to list.
      const agents = (await store.listAgents({ demo: q.data.demo })).filter(
        (a) => !(a.kind === 'human' && /^seat \d+$/.test(a.name)),
      );
      return json(200, { agents });
    }),

    /** The agents a match or tournament may seat, by id: what the operator registered. */
    listRegistry: createEndpoint('/api/registry', { method: 'GET' }, async () => json(200, { agents: registry.list() })),

    // Public, read-only: the living ladder (rated arena matches), filtered by game, kind of player,
    // pool (everyone, or matches against people only) and name.
    ladder: createEndpoint('/api/ladder', { method: 'GET' }, async (ctx) => {
      const q = ladderQuerySchema.safeParse(ctx.query ?? {});
      if (!q.success)
        return fail(400, 'query/invalid', q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const filter = Object.fromEntries(Object.entries(q.data).filter(([, v]) => v !== undefined));
      return json(200, {
        basis:
          'OpenSkill μ and deviation σ from rated arena matches, σ grown by each day without one (as Glicko); ordered by μ − 3σ; provisional while σ > σ₀/2',
        ratings: ladderAsOf(await store.ladderRatings(filter), service.clock.now()),
      });
    }),

    matchAnalysis: createEndpoint('/api/matches/:id/analysis', { method: 'GET' }, async (ctx) => {
      const id = String(ctx.params.id ?? '');
      const match = id.length <= 100 ? await store.getMatch(id) : null;
      if (!match) return fail(404, 'match/not-found', `no match ${id.slice(0, 100)}`);
      if (match.status === 'running') return fail(409, 'analysis/running', 'a match is analysed once it is over');
      if (!deps.analyses.covers(match.game))
        return fail(400, 'analysis/unsupported', 'match analysis covers Diplomacy (cooperation and honesty)');
      try {
        return json(200, await deps.analyses.analysisOf(match));
      } catch (error) {
        return internalError(error);
      }
    }),

    /** Operator only: a registered model judges the match's free-text press (arena/judging.ts). */
    judgeMatch: createEndpoint('/api/matches/:id/judge', { method: 'POST' }, async (ctx) => {
      const { principal } = caller(ctx.request);
      if (principal.role !== 'operator')
        return fail(403, 'auth/operator-only', 'only the operator may spend model calls on a judge');
      const large = tooLarge(principal, ctx.body);
      if (large) return large;
      try {
        return json(202, await deps.analyses.judge(String(ctx.params.id ?? ''), ctx.body));
      } catch (error) {
        if (error instanceof JudgeRefused) return fail(error.status, error.code, error.message);
        return internalError(error);
      }
    }),

    /** Operator only: how the last judge of the match went (running, done, failed and why). */
    judgeStatus: createEndpoint('/api/matches/:id/judge', { method: 'GET' }, async (ctx) => {
      const { principal } = caller(ctx.request);
      if (principal.role !== 'operator') return fail(403, 'auth/operator-only', 'only the operator runs judges');
      const id = String(ctx.params.id ?? '');
      const match = id.length <= 100 ? await store.getMatch(id) : null;
      if (!match) return fail(404, 'match/not-found', `no match ${id.slice(0, 100)}`);
      try {
        return json(200, await deps.analyses.judgeStatus(match));
      } catch (error) {
        return internalError(error);
      }
    }),

    /** Per-model measures and judged promises over recent finished Diplomacy matches. */
    diplomacyMeasures: createEndpoint('/api/measures/diplomacy', { method: 'GET' }, async (ctx) => {
      const q = measuresQuerySchema.safeParse(ctx.query ?? {});
      if (!q.success) return fail(400, 'query/invalid', 'agent is an agent name of at most 500 characters');
      return json(200, await deps.analyses.measures(q.data.agent));
    }),

    agentExploitability: createEndpoint('/api/agents/:name/exploitability', { method: 'GET' }, async (ctx) => {
      const q = exploitabilityQuery.safeParse(ctx.query ?? {});
      if (!q.success) return fail(400, 'query/invalid', `game must be one with an exact tree: ${exactGames().join(', ')}`);
      const name = safeDecode(String(ctx.params.name ?? ''));
      const entry = registry.get(name);
      // Measuring asks the agent 100,000 questions: built-in bots only (models cost money, webhooks time).
      if (entry?.kind !== 'builtin')
        return fail(
          400,
          'agent/unsupported',
          `'${name.slice(0, 64)}' is not a registered built-in agent (GET /api/registry lists them)`,
        );
      if (entry.games && !entry.games.includes(q.data.game))
        return fail(400, 'agent/wrong-game', `${entry.id} plays ${entry.games.join(', ')}, not ${q.data.game}`);
      const kind = `exploitability:${q.data.game}:${name}`;
      const [cached] = await results.analyses({ kind });
      if (cached) return json(200, cached.result);
      let agent: ReturnType<typeof entry.create>;
      try {
        agent = entry.create(q.data.game);
      } catch (error) {
        return fail(400, 'agent/unsupported', errorMessage(error));
      }
      const game = getGame(q.data.game);
      const tree = compileTree(game, game.descriptor.defaultParams);
      const found = await agentPolicy(game, tree, agent, { budget: 100_000 });
      const e = exploitability(tree, found.strategy);
      const result = {
        game: q.data.game,
        agent: name,
        nashConv: e.nashConv,
        exploitability: e.exploitability,
        exploitabilityMbbPerHand: 1000 * e.exploitability,
        value: e.value,
      };
      await results.saveAnalysis({ matchId: null, tournamentId: null, kind, result });
      return json(200, result);
    }),

    createTournament: createEndpoint('/api/tournaments', { method: 'POST' }, async (ctx) => {
      const { principal, key } = caller(ctx.request);
      const large = tooLarge(principal, ctx.body);
      if (large) return large;
      try {
        const id = await tournaments.start(ctx.body, { principal, quotaKey: key });
        return json(202, { id });
      } catch (error) {
        if (error instanceof TournamentRefused) return fail(error.status, error.code, error.message);
        return fail(400, 'tournament/invalid', errorMessage(error));
      }
    }),

    cancelTournament: createEndpoint('/api/tournaments/:id', { method: 'DELETE' }, async (ctx) => {
      const { principal, key } = caller(ctx.request);
      try {
        await tournaments.cancel(String(ctx.params.id ?? ''), principal, key);
        return json(200, { id: ctx.params.id, status: 'aborted' });
      } catch (error) {
        if (error instanceof TournamentRefused) return fail(error.status, error.code, error.message);
        return internalError(error);
      }
    }),

    listTournaments: createEndpoint('/api/tournaments', { method: 'GET' }, async () =>
      json(200, {
        tournaments: (await results.listTournaments()).map(({ spec: _spec, ...t }) => ({
          ...t,
          played: tournaments.progress.get(t.id)?.played ?? null,
        })),
      }),
    ),

    getTournament: createEndpoint('/api/tournaments/:id', { method: 'GET' }, async (ctx) => {
      const id = String(ctx.params.id ?? '');
      const row = await results.getTournament(id);
      if (!row) return fail(404, 'tournament/not-found', `no tournament ${id.slice(0, 100)}`);
      const [report] = await results.analyses({ tournamentId: id, kind: 'report' });
      // The operator's tournaments may name config files and webhooks: others see participants' names only.
      const spec =
        caller(ctx.request).principal.role === 'operator'
          ? row.spec
          : participantNamesOnly(row.spec as { participants?: unknown });
      return json(200, {
        ...row,
        spec,
        progress: tournaments.progress.get(id) ?? null,
        ratings: await results.ratings(id),
        report: report?.result ?? null,
      });
    }),

    tournamentLeaderboard: createEndpoint('/api/tournaments/:id/leaderboard', { method: 'GET' }, async (ctx) => {
      const q = leaderboardQuerySchema.safeParse(ctx.query ?? {});
      if (!q.success) return fail(400, 'query/invalid', 'format must be json, csv, jsonl or table');
      const board = await tournaments.leaderboard(String(ctx.params.id ?? ''));
      if (!board) return fail(404, 'leaderboard/not-found', 'no leaderboard yet: the tournament is unknown or still running');
      return new Response(formatLeaderboard(board, q.data.format), {
        status: 200,
        headers: { 'content-type': MEDIA[q.data.format] },
      });
    }),
  });
}

function participantNamesOnly(spec: { participants?: unknown } | null): unknown {
  if (!spec || !Array.isArray(spec.participants)) return spec;
  return { ...spec, participants: spec.participants.map((p: { name?: unknown }) => ({ name: p?.name ?? null })) };
}

/** Path parameters arrive percent-encoded; the adapter has already refused undecodable ones. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
