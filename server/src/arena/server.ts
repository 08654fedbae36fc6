/**
 * Starts the arena: the Colyseus server (WebSocket rooms and the HTTP API on one port), the match
 * store, and, with REDIS_URL, Colyseus's Redis presence and driver so several processes or
 * machines share rooms. Matches left unfinished by a crash are reopened and resumed at start-up.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { matchMaker, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { WebSocket as NodeWebSocket } from 'ws';
import { AgentRegistry } from '../agents-registry/registry';
import type { Principal } from '../auth/principal';
import { createApi } from '../http/api';
import { mountApi } from '../http/node-adapter';
import { MatchRoom } from '../rooms/match-room';
import type { Clock } from '../runtime/clock';
import { resultsFor } from '../store/results';
import type { MatchStore } from '../store/types';
import { setMatchService } from './context';
import { MatchService } from './match-service';
import { TournamentService } from './tournaments';

export interface ArenaOptions {
  port: number;
  store: MatchStore;
  redisUrl?: string;
  host?: string;
  /** `host:port` clients reach this process at; with Redis, seat reservations point here. */
  publicAddress?: string;
  /** Where tournaments started through the API keep their result files (default PARLEY_DATA_DIR or .parley-data). */
  dataDir?: string;
  /** The operator's agent registry (built-ins only when absent); see agents-registry/. */
  agents?: AgentRegistry;
  /**
   * Who made a request. The accounts module supplies it (sessions, tokens); until then, and by
   * default, every caller is a guest. Tests pass one to act as a given role.
   */
  principalOf?: (request: Request | undefined) => Principal;
  /** The clock matches, seats and rooms read and wait on (a fake one in tests). */
  clock?: Clock;
  /** How long a finished match's room stays open for spectators (default five minutes). */
  lingerMs?: number;
}

export interface Arena {
  server: Server;
  service: MatchService;
  /** The agent registry; the accounts module adds bot accounts with `registerBotAccount`. */
  registry: AgentRegistry;
  port: number;
  /** Resumes every unfinished match in the store (on this process). */
  resumeUnfinished(): Promise<string[]>;
  close(): Promise<void>;
}

// Colyseus 0.18 reads the global WebSocket's OPEN constant when a client reconnects; Node 20 has
// no global WebSocket (Node 22 does), so lend it the `ws` class the transport already uses.
const globals = globalThis as { WebSocket?: unknown };
globals.WebSocket ??= NodeWebSocket;

export async function createArena(options: ArenaOptions): Promise<Arena> {
  const registry = options.agents ?? new AgentRegistry();
  const service = new MatchService(options.store, registry, { clock: options.clock, lingerMs: options.lingerMs });
  setMatchService(service);
  const http = createServer();
  const scaleOut = options.redisUrl ? await redisBackends(options.redisUrl) : {};
  const server = new Server({
    transport: new WebSocketTransport({ server: http, pingInterval: 5000, pingMaxRetries: 3, maxPayload: 32 * 1024 }),
    greet: false,
    gracefullyShutdown: false,
    publicAddress: options.publicAddress,
    ...scaleOut,
  });
  server.define('match', MatchRoom);
  const results = resultsFor(options.store);
  const tournaments = new TournamentService(
    results,
    options.dataDir ?? join(process.env.PARLEY_DATA_DIR ?? '.parley-data'),
    registry,
  );
  await server.listen(options.port, options.host ?? '0.0.0.0');
  mountApi(http, createApi({ service, tournaments, results, registry, version: '0.1.0', principalOf: options.principalOf }));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  return {
    server,
    service,
    registry,
    port,
    async resumeUnfinished() {
      const resumed: string[] = [];
      for (const match of await options.store.unfinishedMatches()) {
        const existing = await matchMaker.query({ roomId: match.id });
        if (existing.length > 0) continue;
        await matchMaker.createRoom('match', { matchId: match.id });
        resumed.push(match.id);
      }
      return resumed;
    },
    async close() {
      await tournaments.close();
      await service.suspendAll();
      await server.gracefullyShutdown(false);
      setMatchService(null);
    },
  };
}

async function redisBackends(url: string) {
  const [{ RedisPresence }, { RedisDriver }] = await Promise.all([
    import('@colyseus/redis-presence'),
    import('@colyseus/redis-driver'),
  ]);
  return { presence: new RedisPresence(url), driver: new RedisDriver(url) };
}
