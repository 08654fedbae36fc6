/**
 * The DAIDE server: a TCP listener whose clients play the `daide` seats of Diplomacy matches (see
 * lobby.ts and seat.ts). Starting it registers the `daide` agent (in the arena's registry, and as
 * an agent kind for the CLI's tournament files), so a seat may be named `daide`; without a running
 * server that name is unknown and a match naming it is refused rather than left waiting forever.
 */
import { createServer, type Server } from 'node:net';
import { registerAgent } from '@parley/agents';
import type { AgentRegistry } from '../agents-registry/registry';
import { type DaideClock, systemDaideClock } from './clock';
import { DaideConnection } from './connection';
import { DaideLobby } from './lobby';
import { DaideSeat } from './seat';

export interface DaideServerOptions {
  port: number;
  host?: string;
  /** Press level: 0 (default) or 10. */
  level?: 0 | 10;
  /** How long a match waits at its start for DAIDE clients to take their seats (default 10 minutes). */
  joinTimeoutMs?: number;
  clock?: DaideClock;
  /** The arena's agent registry, to which `daide` is added so match settings may name it. */
  registry?: AgentRegistry;
}

export interface DaideServer {
  port: number;
  lobby: DaideLobby;
  close(): Promise<void>;
}

export async function startDaideServer(options: DaideServerOptions): Promise<DaideServer> {
  const lobby = new DaideLobby(options.clock ?? systemDaideClock, {
    level: options.level ?? 0,
    joinTimeoutMs: options.joinTimeoutMs ?? 600_000,
  });
  const seat = (gameId: string) => {
    if (gameId !== 'diplomacy') throw new Error('daide seats play Diplomacy only');
    return new DaideSeat(lobby);
  };
  registerAgent('daide', (_arg, gameId) => seat(gameId));
  if (options.registry && !options.registry.has('daide'))
    options.registry.add({
      id: 'daide',
      kind: 'builtin',
      seatKind: 'external',
      games: ['diplomacy'],
      description: 'a power played by a DAIDE bot connecting to the DAIDE port',
      create: seat,
    });
  const links = new Set<DaideConnection>();
  const server: Server = createServer((socket) => new DaideConnection(socket, lobby, links));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    lobby,
    close: () =>
      new Promise<void>((resolve) => {
        for (const l of links) l.end();
        server.close(() => resolve());
      }),
  };
}
