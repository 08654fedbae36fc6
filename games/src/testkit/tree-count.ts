import type { Game } from '../core/game';

export interface TreeCount {
  nonChanceStates: number;
  chanceNodes: number;
  terminalStates: number;
  infoSets: number;
}

/**
 * Walks the whole game tree of a small sequential game and counts its nodes and information
 * sets, for comparison with published figures (Kuhn: 54 non-chance states, 12 info sets).
 */
export function countTree<S, P>(game: Game<S, P>, params: P): TreeCount {
  const count: TreeCount = { nonChanceStates: 0, chanceNodes: 0, terminalStates: 0, infoSets: 0 };
  const infoSets = new Set<string>();
  const visit = (s: S): void => {
    const current = game.currentPlayer(s);
    if (current === 'chance') {
      count.chanceNodes++;
      for (const o of game.chanceOutcomes(s)) visit(game.applyAction(s, 'chance', o.action));
      return;
    }
    count.nonChanceStates++;
    if (current === 'terminal') {
      count.terminalStates++;
      return;
    }
    if (current === 'simultaneous') throw new Error('countTree walks sequential games only');
    infoSets.add(`${current}\u0000${game.infoStateKey(s, current)}`);
    for (const a of game.legalActions(s, current)) visit(game.applyAction(s, current, a));
  };
  visit(game.newInitialState(params));
  count.infoSets = infoSets.size;
  return count;
}
