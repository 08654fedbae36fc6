/** Leak checks for recorded frames: what a viewer may not know must not be in any byte it got. */
import { getGame } from '@parley/games';
import { expect } from 'vitest';
import type { Frame } from './clients';

/**
 * For every frame a client received, the values hidden from it at that moment (other seats'
 * private values in the state with that many actions) must not appear in the frame's bytes.
 */
export function assertNoLeaks(
  gameId: string,
  params: unknown,
  actions: { actor: number | 'chance'; action: string }[],
  frames: Frame[],
  viewer: number | null,
) {
  const game = getGame(gameId);
  const states = [game.newInitialState(params)];
  for (const a of actions) states.push(game.applyAction(states[states.length - 1], a.actor, a.action));
  const hiddenAt = (k: number) => {
    const s = states[Math.min(k, states.length - 1)];
    const hidden = new Set<string>();
    for (let seat = 0; seat < game.numPlayers(s); seat++)
      if (seat !== viewer) for (const v of game.privateValues(s, seat)) hidden.add(v);
    return hidden;
  };
  const firstKnown = frames.find((f) => f.actions !== undefined)?.actions ?? 0;
  let checked = 0;
  for (const frame of frames) {
    // A frame decoded before the join resolved belongs to some state up to the first known one.
    const ks = frame.actions === undefined ? Array.from({ length: firstKnown + 1 }, (_, k) => k) : [frame.actions];
    for (const k of ks) {
      for (const value of hiddenAt(k)) {
        const needle = Buffer.from(JSON.stringify(value));
        expect(frame.bytes.includes(needle), `viewer ${viewer} saw hidden ${value} at action ${k}`).toBe(false);
        checked++;
      }
    }
  }
  return checked;
}
