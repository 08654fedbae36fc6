/**
 * Leduc Hold'em (Southey et al., 2005), two players, with OpenSpiel's rules.
 *
 * Six cards, J Q K in two suits (here spades and hearts). Each player antes 1 and gets one
 * private card; after a betting round a public card is dealt and a second round follows.
 * Seat 0 acts first in both rounds. Bets and raises are fixed: 2 in round one, 4 in round two,
 * at most two per round; folding is allowed only when facing a bet. At showdown a private card
 * that pairs the board wins, else the higher rank, else the pot is split.
 * The game has 936 information sets; its value for seat 0 is about -0.0856064.
 *
 * Actions: `check` / `bet` when nothing is owed, `fold` / `call` / `raise` when facing a bet.
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

export const LEDUC_DECK = ['Jh', 'Js', 'Qh', 'Qs', 'Kh', 'Ks'] as const;
export type LeducCard = (typeof LEDUC_DECK)[number];
export type LeducAction = 'check' | 'bet' | 'fold' | 'call' | 'raise';

export interface LeducState {
  /** Private cards in seat order; null until dealt. */
  readonly cards: (LeducCard | null)[];
  readonly board: LeducCard | null;
  /** Betting actions of round one and, once the board is dealt, round two. */
  readonly rounds: LeducAction[][];
}

export type LeducParams = { players: 2 };

const paramsSchema = z.object({ players: z.literal(2).default(2) }).strict();

const ANTE = 1;
const BET_SIZE = [2, 4] as const;
const MAX_RAISES = 2;
const RANKS = 'JQK';

interface Betting {
  /** Seat to act, or null when the round is closed. */
  toAct: Seat | null;
  folded: Seat | null;
  /** Chips each seat put in this round. */
  inRound: [number, number];
  raises: number;
}

/** Replays one round's actions: who acts, who folded, what each seat has put in. */
function betting(actions: readonly LeducAction[], round: number): Betting {
  const inRound: [number, number] = [0, 0];
  let raises = 0;
  let folded: Seat | null = null;
  actions.forEach((a, i) => {
    const seat = i % 2;
    const owed = inRound[1 - seat] - inRound[seat];
    if (a === 'fold') folded = seat;
    else if (a === 'call') inRound[seat] += owed;
    else if (a === 'bet' || a === 'raise') {
      inRound[seat] += owed + (BET_SIZE[round] as number);
      raises++;
    }
  });
  const last = actions[actions.length - 1];
  const closed = folded !== null || last === 'call' || (actions.length === 2 && last === 'check');
  return { toAct: closed ? null : actions.length % 2, folded, inRound, raises };
}

const round = (s: LeducState): number => s.rounds.length - 1;
const dealtPrivate = (s: LeducState): number => s.cards.filter((c) => c !== null).length;

function status(s: LeducState) {
  const r = round(s);
  const b = betting(s.rounds[r] as LeducAction[], r);
  // Only the last round can hold a fold: a fold ends the hand.
  return { r, b, folded: b.folded };
}

function currentPlayer(s: LeducState): CurrentPlayer {
  if (dealtPrivate(s) < 2) return 'chance';
  const { r, b } = status(s);
  if (b.folded !== null) return 'terminal';
  if (b.toAct !== null) return b.toAct;
  return r === 0 && s.board === null ? 'chance' : 'terminal';
}

function legalActions(s: LeducState, seat: Seat): LeducAction[] {
  if (currentPlayer(s) !== seat) return [];
  const { b } = status(s);
  const facing = b.inRound[1 - seat] > b.inRound[seat];
  const canRaise = b.raises < MAX_RAISES;
  if (!facing) return canRaise ? ['bet', 'check'] : ['check'];
  return canRaise ? ['call', 'fold', 'raise'] : ['call', 'fold'];
}

function validateAction(s: LeducState, actor: Actor, action: string): ActionError | null {
  const current = currentPlayer(s);
  if (current === 'terminal') return actionError('action/game-over', 'the hand is over');
  if (actor !== current) {
    return actionError(
      'action/not-your-turn',
      `it is ${current === 'chance' ? 'chance' : `seat ${current}`}'s turn, not ${actor === 'chance' ? 'chance' : `seat ${actor}`}'s`,
    );
  }
  if (actor === 'chance') {
    return chanceOutcomes(s).some((o) => o.action === action)
      ? null
      : actionError('leduc/bad-deal', `'${action}' is not a possible deal here`);
  }
  const legal = legalActions(s, actor);
  return (legal as string[]).includes(action)
    ? null
    : actionError('action/illegal', `'${action}' is not legal now; legal: ${legal.join(', ')}`);
}

function applyAction(s: LeducState, actor: Actor, action: string): LeducState {
  if (actor === 'chance') {
    const [, target, card] = action.split(' ') as [string, string, LeducCard];
    if (target === 'board') return { ...s, board: card, rounds: [...s.rounds, []] };
    const cards = s.cards.slice();
    cards[Number(target)] = card;
    return { ...s, cards };
  }
  if (actor !== currentPlayer(s)) throw new Error(`leduc: seat ${actor} acted out of turn`);
  const rounds = s.rounds.slice();
  rounds[rounds.length - 1] = [...(rounds[rounds.length - 1] as LeducAction[]), action as LeducAction];
  return { ...s, rounds };
}

function chanceOutcomes(s: LeducState): ChanceOutcome[] {
  if (currentPlayer(s) !== 'chance') return [];
  const used = new Set<string>([...s.cards.filter((c): c is LeducCard => c !== null), ...(s.board ? [s.board] : [])]);
  const left = LEDUC_DECK.filter((c) => !used.has(c));
  const target = dealtPrivate(s) < 2 ? dealtPrivate(s) : 'board';
  return left.map((c) => ({ action: dealAction(target, c), probability: 1 / left.length }));
}

/** Chips each seat has put in the pot, antes included. */
function contributions(s: LeducState): [number, number] {
  const total: [number, number] = [ANTE, ANTE];
  s.rounds.forEach((actions, r) => {
    const b = betting(actions, r);
    total[0] += b.inRound[0];
    total[1] += b.inRound[1];
  });
  return total;
}

/** Higher is better: a pair with the board beats any high card. */
function strength(card: LeducCard, board: LeducCard): number {
  const r = RANKS.indexOf(card[0] as string);
  return card[0] === board[0] ? 10 + r : r;
}

function returns(s: LeducState): number[] {
  if (currentPlayer(s) !== 'terminal') return [0, 0];
  const paid = contributions(s);
  const { folded } = status(s);
  if (folded !== null) return folded === 0 ? [-paid[0], paid[0]] : [paid[1], -paid[1]];
  const a = strength(s.cards[0] as LeducCard, s.board as LeducCard);
  const b = strength(s.cards[1] as LeducCard, s.board as LeducCard);
  if (a === b) return [0, 0];
  return a > b ? [paid[1], -paid[1]] : [-paid[0], paid[0]];
}

const isShowdown = (s: LeducState): boolean => currentPlayer(s) === 'terminal' && status(s).folded === null;

function publicView(s: LeducState) {
  const shown = isShowdown(s);
  return {
    board: s.board,
    rounds: s.rounds,
    pot: contributions(s).reduce((a, b) => a + b, 0),
    contributions: contributions(s),
    shown: shown ? s.cards : [null, null],
  };
}

function observation(s: LeducState, seat: Seat) {
  return { seat, card: s.cards[seat], ...publicView(s) };
}

/** What a seat sees: its private card and the public view. */
export type LeducObservation = ReturnType<typeof observation>;
/** What a spectator sees: board, betting rounds, pot and contributions, cards shown at a showdown. */
export type LeducSpectatorView = ReturnType<typeof publicView>;

export const leduc: Game<LeducState, LeducParams, LeducObservation, LeducSpectatorView> = {
  descriptor: {
    id: 'leduc',
    name: "Leduc Hold'em",
    minPlayers: 2,
    maxPlayers: 2,
    traits: { dynamics: 'sequential', chance: 'explicit', information: 'imperfect', utility: 'zero-sum' },
    // The ante is the unit of the ratings' milli-big-blinds.
    supports: researchPokerSupports('card-and-board'),
    defaultParams: { players: 2 },
    parseParams: (raw) => parseWith(paramsSchema as z.ZodType<LeducParams>, raw),
    numPlayers: () => 2,
  },
  newInitialState: () => ({ cards: [null, null], board: null, rounds: [[]] }),
  currentPlayer,
  actingSeats: (s) => {
    const c = currentPlayer(s);
    return typeof c === 'number' ? [c] : [];
  },
  legalActions,
  validateAction,
  applyAction,
  chanceOutcomes,
  chanceText: dealChanceText,
  defaultAction: (s, seat) => (legalActions(s, seat).includes('check') ? 'check' : 'fold'),
  observation,
  spectatorView: publicView,
  infoStateKey: (s, seat) =>
    `${s.cards[seat] ?? '??'}|${s.board ?? ''}|${s.rounds.map((r) => r.map((a) => a[0]).join('')).join('/')}`,
  privateValues: (s, seat) => {
    const card = s.cards[seat];
    return card && !isShowdown(s) ? [card] : [];
  },
  isTerminal: (s) => currentPlayer(s) === 'terminal',
  returns,
  numPlayers: () => 2,
};
