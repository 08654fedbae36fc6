/** Test helpers for ACPC seats: a free loopback port, and the reference client retried until the seat listens. */
import { createServer } from 'node:net';
import { type GameDef, type PlayResult, play } from '../../../examples/acpc-bot/bot';

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Plays the reference client on `port`, connecting again (up to `tries` times) while nothing listens there yet. */
export async function playWhenListening(port: number, game: GameDef, tries = 10_000): Promise<PlayResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await play({ host: '127.0.0.1', port, game });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNREFUSED' || attempt >= tries) throw error;
      await new Promise((r) => setImmediate(r));
    }
  }
}

export const HUNL_CLIENT: GameDef = {
  numPlayers: 2,
  stack: [20000, 20000],
  blind: [100, 50],
  firstPlayer: [2, 1, 1, 1],
  numRounds: 4,
};
