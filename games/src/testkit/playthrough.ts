import type { Actor, Game } from '../core/game';
import { createRng, type Rng, sampleOutcome } from '../core/rng';

/**
 * A golden playthrough: one seeded random game printed step by step (current player, legal
 * actions, every seat's observation and information state, the action taken), in the manner of
 * OpenSpiel's playthrough files. Tests compare the text with the committed file, so any change
 * of rules or views shows up as a reviewable diff; `npm run golden -w games` rewrites the files.
 */
export function playthrough<S, P>(game: Game<S, P>, params: P, seed: number): string {
  const rng: Rng = createRng(seed);
  const lines: string[] = [`game: ${game.descriptor.id}`, `params: ${JSON.stringify(params)}`, `seed: ${seed}`, ''];
  let state = game.newInitialState(params);
  const n = game.numPlayers(state);
  for (let step = 0; ; step++) {
    const current = game.currentPlayer(state);
    lines.push(`# step ${step}`, `current: ${current}`);
    for (let seat = 0; seat < n; seat++) {
      lines.push(`observation[${seat}]: ${JSON.stringify(game.observation(state, seat))}`);
      lines.push(`infostate[${seat}]: ${game.infoStateKey(state, seat)}`);
    }
    lines.push(`spectator: ${JSON.stringify(game.spectatorView(state))}`);
    if (game.isTerminal(state)) {
      lines.push(`returns: ${JSON.stringify(game.returns(state))}`);
      break;
    }
    let actor: Actor;
    let action: string;
    if (current === 'chance') {
      const outcomes = game.chanceOutcomes(state);
      lines.push(`chance: ${outcomes.map((o) => `${o.action}=${o.probability.toFixed(6)}`).join(' ')}`);
      actor = 'chance';
      action = sampleOutcome(outcomes, rng).action;
    } else {
      for (const seat of game.actingSeats(state)) lines.push(`legal[${seat}]: ${game.legalActions(state, seat).join(' | ')}`);
      actor = rng.pick(game.actingSeats(state));
      action = rng.pick(game.legalActions(state, actor));
    }
    lines.push(`action: ${actor} ${action}`, '');
    state = game.applyAction(state, actor, action);
  }
  return `${lines.join('\n')}\n`;
}
