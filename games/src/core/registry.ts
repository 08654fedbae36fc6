import type { Game } from './game';

/**
 * Games by id. Engines register themselves in `../index.ts`, so importing `@parley/games`
 * yields every game; a caller looks one up by the id a CLI flag or request names.
 */
const games = new Map<string, Game<any, any>>();

export function registerGame(game: Game<any, any>): void {
  const id = game.descriptor.id;
  if (games.has(id) && games.get(id) !== game) throw new Error(`game '${id}' is already registered`);
  games.set(id, game);
}

export function findGame(id: string): Game<any, any> | undefined {
  return games.get(id);
}

export function getGame(id: string): Game<any, any> {
  const game = games.get(id);
  if (!game) throw new Error(`unknown game '${id}' (known: ${[...games.keys()].join(', ')})`);
  return game;
}

export function listGames(): readonly Game<any, any>[] {
  return [...games.values()];
}
