/**
 * Kuhn poker (H. W. Kuhn, 1950), two players, with OpenSpiel's conventions.
 *
 * Three cards J < Q < K; each player antes 1 and is dealt one card (chance deals seat 0 first).
 * Seat 0 acts first; each decision is `pass` or `bet` (a bet is 1 chip; facing a bet, `pass`
 * folds and `bet` calls). Histories end at pass-pass, bet-bet, pass-bet-bet (showdown: the
 * higher card takes the pot) or at a pass that folds to a bet. There are 54 non-chance states,
 * 12 information sets, and the game value for seat 0 is -1/18.
 */
import { z } from 'zod';
import { dealAction, dealChanceText } from '../core/card-deal';
import {
  type ActionError,
  type Actor,
  actionError,
  type ChanceOutcome,
  type CurrentPlayer,
  type Game,
  type Seat,
} from '../core/game';
import { parseWith } from '../core/params';
import { researchPokerSupports } from '../core/research-poker';

export const KUHN_CARDS = ['J', 'Q', 'K'] as const;
export type KuhnCard = (typeof KUHN_CARDS)[number];
export type KuhnAction = 'pass' | 'bet';

export interface KuhnState {
  /** Each seat's card, dealt in seat order; null until dealt. */
  readonly cards: (KuhnCard | null)[];
  readonly history: KuhnAction[];
}

export type KuhnParams = { players: 2 };

const paramsSchema = z.object({ players: z.literal(2).default(2) }).strict();

const TERMINAL = new Set(['pass pass', 'bet bet', 'bet pass', 'pass bet bet', 'pass bet pass']);
const ACTIONS: readonly KuhnAction[] = ['bet', 'pass'];

const rank = (card: KuhnCard): number => KUHN_CARDS.indexOf(card);
const dealtCount = (s: KuhnState): number => s.cards.filter((c) => c !== null).length;
const historyKey = (s: KuhnState): string => s.history.join(' ');
const isTerminal = (s: KuhnState): boolean => TERMINAL.has(historyKey(s));
/** Showdowns end in a call (`… bet bet`) or in pass-pass; every other end is a fold. */
const wentToShowdown = (s: KuhnState): boolean =>
  isTerminal(s) && (s.history[s.history.length - 1] === 'bet' || historyKey(s) === 'pass pass');

function currentPlayer(s: KuhnState): CurrentPlayer {
  if (dealtCount(s) < 2) return 'chance';
  if (isTerminal(s)) return 'terminal';
  return s.history.length % 2;
}

function validateAction(s: KuhnState, actor: Actor, action: string): ActionError | null {
  const current = currentPlayer(s);
  if (current === 'terminal') return actionError('action/game-over', 'the hand is over');
  if (actor === 'chance' || current === 'chance') {
    if (actor !== current)
      return actionError('action/not-your-turn', `it is ${current === 'chance' ? 'chance' : `seat ${current}`}'s turn to act`);
    const card = /^deal (\d) ([JQK])$/.exec(action);
    if (!card || Number(card[1]) !== dealtCount(s))
      return actionError('kuhn/bad-deal', `expected 'deal ${dealtCount(s)} <J|Q|K>', got '${action}'`);
    if (s.cards.includes(card[2] as KuhnCard)) return actionError('kuhn/card-dealt', `card ${card[2]} was already dealt`);
    return null;
  }
  if (actor !== current) return actionError('action/not-your-turn', `it is seat ${current}'s turn, not seat ${actor}'s`);
  if (action !== 'pass' && action !== 'bet')
    return actionError('action/illegal', `'${action}' is not a Kuhn action; choose 'pass' or 'bet'`);
  return null;
}

function applyAction(s: KuhnState, actor: Actor, action: string): KuhnState {
  if (actor === 'chance') {
    const seat = dealtCount(s);
    const cards = s.cards.slice();
    cards[seat] = action.slice(7) as KuhnCard;
    return { cards, history: s.history };
  }
  if (actor !== currentPlayer(s)) throw new Error(`kuhn: seat ${actor} acted out of turn`);
  return { cards: s.cards, history: [...s.history, action as KuhnAction] };
}

function chanceOutcomes(s: KuhnState): ChanceOutcome[] {
  if (currentPlayer(s) !== 'chance') return [];
  const seat = dealtCount(s);
  const left = KUHN_CARDS.filter((c) => !s.cards.includes(c));
  return left.map((c) => ({ action: dealAction(seat, c), probability: 1 / left.length }));
}

function returns(s: KuhnState): number[] {
  if (!isTerminal(s)) return [0, 0];
  const key = historyKey(s);
  if (key === 'bet pass') return [1, -1];
  if (key === 'pass bet pass') return [-1, 1];
  const stake = key === 'pass pass' ? 1 : 2;
  const winner = rank(s.cards[0] as KuhnCard) > rank(s.cards[1] as KuhnCard) ? 0 : 1;
  return winner === 0 ? [stake, -stake] : [-stake, stake];
}

/** Cards are public only after a showdown; a folded hand stays hidden. */
function shownCards(s: KuhnState): (KuhnCard | null)[] {
  return wentToShowdown(s) ? s.cards : [null, null];
}

function observation(s: KuhnState, seat: Seat) {
  const shown = shownCards(s);
  return {
    seat,
    card: s.cards[seat],
    cards: shown.map((c, i) => (i === seat ? s.cards[seat] : c)),
    history: s.history,
    pot: pot(s),
  };
}

function spectatorView(s: KuhnState) {
  return { cards: shownCards(s), history: s.history, pot: pot(s) };
}

/** What a seat sees: its card, the cards shown, the betting history and the pot. */
export type KuhnObservation = ReturnType<typeof observation>;
/** What a spectator sees: the cards shown at a showdown, the history and the pot. */
export type KuhnSpectatorView = ReturnType<typeof spectatorView>;

function pot(s: KuhnState): number {
  return 2 + s.history.filter((a) => a === 'bet').length;
}

export const kuhn: Game<KuhnState, KuhnParams, KuhnObservation, KuhnSpectatorView> = {
  descriptor: {
    id: 'kuhn',
    name: 'Kuhn poker',
    minPlayers: 2,
    maxPlayers: 2,
    traits: { dynamics: 'sequential', chance: 'explicit', information: 'imperfect', utility: 'zero-sum' },
    // The ante is the unit of the ratings' milli-big-blinds.
    supports: researchPokerSupports('single-card'),
    defaultParams: { players: 2 },
    parseParams: (raw) => parseWith(paramsSchema as z.ZodType<KuhnParams>, raw),
    numPlayers: () => 2,
  },
  newInitialState: () => ({ cards: [null, null], history: [] }),
  currentPlayer,
  actingSeats: (s) => {
    const c = currentPlayer(s);
    return typeof c === 'number' ? [c] : [];
  },
  legalActions: (s, seat) => (currentPlayer(s) === seat ? ACTIONS : []),
  validateAction,
  applyAction,
  chanceOutcomes,
  chanceText: dealChanceText,
  // `pass` checks when nothing is owed but folds facing a bet; calling is `bet` then.
  passiveAction: (observation) => {
    const history = (observation as { history?: readonly string[] } | null)?.history;
    return history?.[history.length - 1] === 'bet' ? 'bet' : 'pass';
  },
  defaultAction: () => 'pass',
  observation,
  spectatorView,
  infoStateKey: (s, seat) => `${s.cards[seat] ?? '?'}|${s.history.map((a) => a[0]).join('')}`,
  privateValues: (s, seat) => {
    const card = s.cards[seat];
    return card && !wentToShowdown(s) ? [card] : [];
  },
  isTerminal,
  returns,
  numPlayers: () => 2,
};
