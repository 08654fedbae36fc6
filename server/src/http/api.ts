/**
 * The HTTP API, on the same port as the WebSocket rooms (Colyseus's router). Inputs are
 * validated with zod; every error is JSON `{code, message}` with a fitting status.
 */
import { createEndpoint, createRouter, matchMaker } from '@colyseus/core';
import { z } from 'zod';
import type { MatchService } from '../arena/match-service';
import { exportMatch } from '../store/export';
import type { MatchStatus } from '../store/types';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const fail = (status: number, code: string, message: string) => json(status, { code, message });

const listQuery = z.object({
  game: z.string().max(40).optional(),
  agent: z.string().max(500).optional(),
  status: z.enum(['running', 'finished', 'aborted']).optional(),
  tournament: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const exportQuery = z.object({ format: z.enum(['json', 'phh', 'diplomacy']).default('json') });

export interface ApiDeps {
  service: MatchService;
  version: string;
}

export function createApi(deps: ApiDeps) {
  const { service } = deps;
  const store = service.store;
  return createRouter({
    health: createEndpoint('/api/health', { method: 'GET' }, async () =>
      json(200, { ok: true, version: deps.version, liveMatches: service.live.size, rssBytes: process.memoryUsage().rss }),
    ),

    listMatches: createEndpoint('/api/matches', { method: 'GET' }, async (ctx) => {
      const q = listQuery.safeParse(ctx.query ?? {});
      if (!q.success)
        return fail(400, 'query/invalid', q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      const { tournament, status, ...rest } = q.data;
      const page = await store.listMatches({ ...rest, status: status as MatchStatus | undefined, tournamentId: tournament });
      return json(200, { ...page, matches: page.matches.map((m) => ({ ...m, settings: publicSettings(m.settings) })) });
    }),

    getMatch: createEndpoint('/api/matches/:id', { method: 'GET' }, async (ctx) => {
      const id = String(ctx.params.id ?? '');
      const match = id.length <= 100 ? await store.getMatch(id) : null;
      if (!match) return fail(404, 'match/not-found', `no match ${id}`);
      // Hidden information of a running match stays hidden: its events come with the record once it ends.
      if (match.status === 'running')
        return json(200, { ...match, events: [], modelCalls: [], settings: publicSettings(match.settings) });
      return json(200, { ...match, settings: publicSettings(match.settings) });
    }),

    exportMatch: createEndpoint('/api/matches/:id/export', { method: 'GET' }, async (ctx) => {
      const q = exportQuery.safeParse(ctx.query ?? {});
      if (!q.success) return fail(400, 'query/invalid', 'format must be json, phh or diplomacy');
      const id = String(ctx.params.id ?? '');
      const match = id.length <= 100 ? await store.getMatch(id) : null;
      if (!match) return fail(404, 'match/not-found', `no match ${id}`);
      if (match.status === 'running') return fail(409, 'export/running', 'a match can be exported once it is over');
      const wrongGame =
        (q.data.format === 'phh' && match.game !== 'nlhe') || (q.data.format === 'diplomacy' && match.game !== 'diplomacy');
      if (wrongGame)
        return fail(
          400,
          'export/unsupported',
          `${q.data.format} export is for ${q.data.format === 'phh' ? 'nlhe' : 'diplomacy'} matches`,
        );
      try {
        const file = exportMatch(match, q.data.format === 'json' ? 'parley' : q.data.format);
        return new Response(file.text, {
          status: 200,
          headers: { 'content-type': file.mediaType, 'content-disposition': `attachment; filename="${file.filename}"` },
        });
      } catch (error) {
        return fail(500, 'export/failed', error instanceof Error ? error.message : String(error));
      }
    }),

    createMatch: createEndpoint('/api/matches', { method: 'POST' }, async (ctx) => {
      const created = await service.create(ctx.body);
      if (!created.ok) return fail(400, created.code, created.message);
      await matchMaker.createRoom('match', { matchId: created.matchId });
      const seats = created.tokens.map((token, seat) => (token ? { seat, token } : { seat }));
      return json(201, { matchId: created.matchId, roomId: created.matchId, seats });
    }),

    listAgents: createEndpoint('/api/agents', { method: 'GET' }, async () => json(200, { agents: await store.listAgents() })),
  });
}

/** Stored settings without the seat token hashes. */
function publicSettings(stored: unknown): unknown {
  const s = stored as { settings?: unknown } | null;
  return s?.settings ?? null;
}
