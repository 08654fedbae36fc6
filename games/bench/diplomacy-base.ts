/**
 * Another checkout's Diplomacy engine for side-by-side benchmarks (`--base=DIR`).
 */
import type { DiplomacyEngine } from '../src/diplomacy/testing/random-play';

/**
 * The engine of another checkout's `games` folder (`--base=DIR` on the command line), for side
 * by side runs against it; null without the flag. Its modules are loaded from that folder, so
 * it needs its dependencies installed (or a `node_modules` link beside it).
 */
export async function baseEngine(args: readonly string[]): Promise<DiplomacyEngine | null> {
  const flag = args.find((a) => a.startsWith('--base='));
  if (!flag) return null;
  const { resolve } = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const dir = resolve(flag.slice('--base='.length));
  const load = (path: string) => import(pathToFileURL(resolve(dir, path)).href);
  const [game, map, rng, turn] = await Promise.all([
    load('src/diplomacy/game.ts'),
    load('src/diplomacy/map.ts'),
    load('src/core/rng.ts'),
    load('src/diplomacy/turn.ts'),
  ]);
  return {
    diplomacy: game.diplomacy,
    legalOrders: game.legalOrders,
    POWERS: map.POWERS,
    createRng: rng.createRng,
    processPhase: turn.processPhase,
  };
}
