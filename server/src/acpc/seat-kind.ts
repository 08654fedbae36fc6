/**
 * ACPC seats by name. Two doors, one seat (`AcpcSeat`), a fresh one per match (a client
 * connects once per match, as with the ACPC dealer):
 *
 * - `acpc:PORT` in agent specs, for the operator's own tools (`parley run --seats`, tournament
 *   files): the CLI turns the kind on with `enableAcpcSeats()`, and any port may be named.
 * - `acpc/PORT` in the arena's agent registry, one entry per port the operator opened with
 *   `parley start --acpc-ports` (`registerAcpcSeats`): an API caller can seat an ACPC client
 *   only there, and never makes the server listen anywhere else.
 */
import { registerAgent } from '@parley/agents';
import type { AgentRegistry } from '../agents-registry/registry';
import { AcpcSeat } from './seat';

/** A seat that listens on `port` (every interface) once its match starts; a port already taken is logged, and the seat then plays defaults. */
function listeningSeat(port: number, name: string, log: (line: string) => void): AcpcSeat {
  return new AcpcSeat({ port, host: '0.0.0.0', log, name, listenOnFirstState: true });
}

function nlheOnly(gameId: string): void {
  if (gameId !== 'nlhe') throw new Error(`ACPC seats play No-Limit Hold'em, not ${gameId}`);
}

/** Turns on the `acpc:PORT` agent spec (CLI and tournament files only). */
export function enableAcpcSeats(log: (line: string) => void = console.error): void {
  registerAgent('acpc', (arg, gameId) => {
    nlheOnly(gameId);
    const port = Number(arg);
    if (!arg || !Number.isInteger(port) || port < 1 || port > 65_535) throw new Error('agent spec needs a port: acpc:PORT');
    return listeningSeat(port, `acpc:${port}`, log);
  });
}

/** Registers `acpc/PORT` for each port the operator opened. */
export function registerAcpcSeats(registry: AgentRegistry, ports: Iterable<number>, log: (line: string) => void): void {
  for (const port of ports) {
    const id = `acpc/${port}`;
    registry.add({
      id,
      kind: 'bot',
      seatKind: 'external',
      games: ['nlhe'],
      description: `an ACPC poker client (MATCHSTATE 2.0.0) connecting to TCP port ${port}`,
      create: (gameId) => {
        nlheOnly(gameId);
        return listeningSeat(port, id, log);
      },
    });
  }
}

/** Reads `3200-3209,3300` into ports; throws on anything else. */
export function parsePortList(text: string): Set<number> {
  const ports = new Set<number>();
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
    const from = Number(m?.[1]);
    const to = Number(m?.[2] ?? m?.[1]);
    if (!m || from < 1 || to > 65_535 || to < from || to - from > 1000)
      throw new Error(`'${part}' is not a port or a port range`);
    for (let p = from; p <= to; p++) ports.add(p);
  }
  return ports;
}
