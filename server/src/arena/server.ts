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
import { callerOf, guardRouter } from '../auth/guard';
import type { Principal } from '../auth/principal';
import { AuthService } from '../auth/service';
import { createApi } from '../http/api';
import { mountApi } from '../http/node-adapter';
import { MatchRoom } from '../rooms/match-room';
import type { Clock } from '../runtime/clock';
import { accountsFor } from '../store/accounts';
import { resultsFor } from '../store/results';
import type { MatchStore } from '../store/types';
import { BranchService } from './branches';
import { setAuthService, setMatchService } from './context';
import { DiplomacyAnalyses } from './judging';
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
   * Tests only: every caller is this principal, whatever credentials it brings. Without it the
   * auth guard identifies callers (sessions, bearer tokens; guests otherwise).
   */
  principalOf?: (request: Request | undefined) => Principal;
  /** The clock matches, seats and rooms read and wait on (a fake one in tests). */
  clock?: Clock;
  /** How long a finished match's room stays open for spectators (default five minutes). */
  lingerMs?: number;
  /** The operator token (PARLEY_OPERATOR_TOKEN); when unset one is generated on first start. */
  operatorToken?: string;
  /** Origins besides the request's own allowed to make state-changing requests with a session. */
  trustedOrigins?: string[];
}

export interface Arena {
  server: Server;
  service: MatchService;
  /** The agent registry; the accounts module adds bot accounts with `registerBotAccount`. */
  registry: AgentRegistry;
  auth: AuthService;
  /** Forks of finished matches started through the API. */
  branches: BranchService;
  /** Diplomacy analyses, per-model measures and the judge of press. */
  analyses: DiplomacyAnalyses;
  /** The operator token when this start generated it (print it once), else null. */
  generatedOperatorToken: string | null;
  port: number;
  /** Resumes every unfinished match in the store (on this process). */
  resumeUnfinished(): Promise<string[]>;
  /** Records the tournament results directories under the data dir that the store lacks. */
  importTournaments(): Promise<string[]>;
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
  const auth = new AuthService({
    accounts: accountsFor(options.store),
    bots: service.bots,
    registry,
    operatorToken: options.operatorToken,
    clock: options.clock,
  });
  const { generatedOperatorToken } = await auth.start();
  setAuthService(auth, options.trustedOrigins);
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
  const branches = new BranchService(service, results);
  const analyses = new DiplomacyAnalyses(options.store, results, registry);
  await listen(server, http, options.port, options.host ?? '0.0.0.0');
  const api = createApi({
    service,
    tournaments,
    branches,
    analyses,
    results,
    registry,
    auth,
    version: '0.1.0',
    principalOf: (request) => callerOf(request).principal,
  });
  mountApi(http, guardRouter(api, auth, { trustedOrigins: options.trustedOrigins, principalOf: options.principalOf }));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : options.port;

  return {
    server,
    service,
    registry,
    auth,
    branches,
    analyses,
    generatedOperatorToken,
    port,
    importTournaments: () => tournaments.importDirectories(),
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
      await branches.close();
      await analyses.close();
      await service.suspendAll();
      await server.gracefullyShutdown(false);
      setMatchService(null);
      setAuthService(null);
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

/**
 * Colyseus's `listen`, failing when the port cannot be bound: Colyseus watches the HTTP server's
 * errors only once it listens, so a taken port left its promise pending and the process hanging.
 * The failure stops what `listen` started (the matchmaker), so the process can exit.
 */
async function listen(server: Server, http: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  let failed: (error: Error) => void = () => {};
  const refused = new Promise<never>((_, reject) => {
    failed = (error) => reject(error);
    http.once('error', failed);
  });
  try {
    await Promise.race([server.listen(port, host), refused]);
  } catch (error) {
    await server.gracefullyShutdown(false).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`port ${port} is already in use: stop what listens there or choose another port`);
    if (code === 'EACCES') throw new Error(`port ${port} may not be opened by this user: choose another port`);
    throw error;
  } finally {
    http.off('error', failed);
  }
}
