/**
 * No-Limit Texas Hold'em on Parley's `Game` interface (id `nlhe`): a thin adapter over the hand
 * engine (`engine/`) and the match formats (`match/`). Seats are table seats; the text forms of
 * actions and the legal-action policy are documented in `match/actions.ts`.
 */
import type { z } from 'zod';
import { dealChanceText } from '../core/card-deal';
import { type ActionError, type Actor, actionError, type ChanceOutcome, type CurrentPlayer, type Game } from '../core/game';
import { parseWith } from '../core/params';
import type { Rng } from '../core/rng';
import { applyHandAction, type HandAction, type HandError, handActor, nthUndealt, undealtCards, undealtCount } from './engine';
import { actingSeat, dealText, fillLegalMoves, legalActionsOf, type PlayerMove, resolveAction } from './match/actions';
import { broadcastView } from './match/broadcast';
import { chipScale, DEFAULT_PARAMS, type NlheParams, PARAM_FIELDS, paramsSchema } from './match/params';
import { afterHand, type NlheState, newMatch } from './match/session';
import { settledAction } from './match/showdown-choice';
import {
  finishedHands,
  infoStateKey,
  type NlheObservation,
  type NlheSpectatorView,
  observation,
  privateValues,
  spectatorView,
} from './match/views';

function currentPlayer(s: NlheState): CurrentPlayer {
  if (s.over) return 'terminal';
  const actor = handActor(s.hand);
  return actor === 'chance' ? 'chance' : actor === null ? 'terminal' : s.seats[actor]!;
}

// Typed actions inside, text at the edge. A caller lists the legal actions, picks one, validates
// it and applies it: the texts listed last, and the card `sampleChance` drew last, are remembered
// with their typed values, so reading one of them back on the same (immutable) state is an
// identity match, with neither a parse nor a second verification (they are legal by
// construction). Any other text is parsed and verified in full, and the last answer is kept too,
// since validation and application read the same text twice.
/** The deal of each card, one value each: a sampled card read back allocates nothing. */
const DEALS: readonly HandAction[] = Array.from({ length: 52 }, (_, card) => ({ type: 'deal', card }));
let listedState: NlheState | null = null;
let listedSeat = -1;
/** The moves last listed, the first `listedCount` of them (the array is reused list after list). */
const listedMoves: PlayerMove[] = [];
let listedCount = 0;
let sampledState: NlheState | null = null;
let sampledText = '';
let sampledCard = -1;
let lastState: NlheState | null = null;
let lastActor: Actor | null = null;
let lastText = '';
let lastResolved: HandAction | HandError | null = null;

function legalActions(s: NlheState, seat: number): string[] {
  const count = fillLegalMoves(s, seat, listedMoves);
  const texts = new Array<string>(count);
  for (let k = 0; k < count; k++) texts[k] = listedMoves[k]!.text!;
  listedState = s;
  listedSeat = seat;
  // The moves, not the texts, are remembered: the caller owns the list it is given (and may
  // change it), and each move keeps its own interned text to match against.
  listedCount = count;
  return texts;
}

function resolve(s: NlheState, actor: Actor, action: string): HandAction | HandError {
  if (s === listedState && actor === listedSeat) {
    for (let k = 0; k < listedCount; k++) if (listedMoves[k]!.text === action) return listedMoves[k]!.action;
  }
  if (s === sampledState && actor === 'chance' && action === sampledText) return DEALS[sampledCard]!;
  if (s === lastState && actor === lastActor && action === lastText) return lastResolved!;
  const resolved = resolveAction(s, actor, action);
  lastState = s;
  lastActor = actor;
  lastText = action;
  lastResolved = resolved;
  return resolved;
}

function validateAction(s: NlheState, actor: Actor, action: string): ActionError | null {
  if (typeof action !== 'string') return actionError('action/unparseable', 'an action is a string');
  const resolved = resolve(s, actor, action);
  return 'code' in resolved ? resolved : null;
}

function applyAction(s: NlheState, actor: Actor, action: string): NlheState {
  const resolved = resolve(s, actor, action);
  if ('code' in resolved) throw new Error(`nlhe: invalid action '${action}' by ${actor}: ${resolved.message}`);
  const hand = applyHandAction(s.hand, resolved);
  const next: NlheState = {
    params: s.params,
    handNumber: s.handNumber,
    button: s.button,
    seats: s.seats,
    hand,
    stacks: s.stacks,
    net: s.net,
    eliminated: s.eliminated,
    rebuys: s.rebuys,
    past: s.past,
    over: s.over,
  };
  return hand.phase === 'over' ? afterHand(next) : next;
}

function chanceOutcomes(s: NlheState): ChanceOutcome[] {
  if (currentPlayer(s) !== 'chance') return [];
  const cards = undealtCards(s.hand);
  const probability = 1 / cards.length;
  return cards.map((card) => ({ action: dealText(s, card), probability }));
}

/** Draws one undealt card uniformly without listing every outcome (the same draw as indexing that list). */
function sampleChance(s: NlheState, rng: Rng): string {
  const card = nthUndealt(s.hand, rng.int(undealtCount(s.hand)));
  sampledState = s;
  sampledCard = card;
  sampledText = dealText(s, card);
  return sampledText;
}

/**
 * `hand H, card C`: the runtime derives every deal's seed from it, once per card, so the texts of
 * the first hands are made once (a cash game replays the same few hundred) and the rest built.
 */
const CHANCE_KEYS: string[][] = [];
const CHANCE_KEY_HANDS = 1024;
function chanceKeyText(hand: number, card: number): string {
  if (hand >= CHANCE_KEY_HANDS || card >= 52) return `hand ${hand}, card ${card}`;
  CHANCE_KEYS[hand] ??= [];
  const row = CHANCE_KEYS[hand];
  row[card] ??= `hand ${hand}, card ${card}`;
  return row[card];
}

function defaultAction(s: NlheState, seat: number): string {
  const legal = legalActionsOf(s, seat);
  for (const preferred of ['check', 'fold', 'show']) if (legal.includes(preferred)) return preferred;
  return legal[0] ?? 'check';
}

function returns(s: NlheState): number[] {
  return s.over ? s.net.slice() : new Array<number>(s.stacks.length).fill(0);
}

export const nlhe: Game<NlheState, NlheParams, NlheObservation, NlheSpectatorView> = {
  descriptor: {
    id: 'nlhe',
    name: "No-Limit Texas Hold'em",
    minPlayers: 2,
    maxPlayers: 9,
    traits: { dynamics: 'sequential', chance: 'explicit', information: 'imperfect', utility: 'zero-sum' },
    supports: {
      exports: ['phh'],
      view: 'poker-table',
      tableViews: 'hold-em',
      betting: 'no-limit',
      defaultSeats: ['human', 'call'],
      chipScale,
      paramFields: PARAM_FIELDS,
    },
    defaultParams: DEFAULT_PARAMS,
    parseParams: (raw) => parseWith(paramsSchema as z.ZodType<NlheParams>, raw),
    numPlayers: (params) => params.players,
  },
  newInitialState: newMatch,
  currentPlayer,
  actingSeats: (s) => {
    const seat = actingSeat(s);
    return seat === null ? [] : [seat];
  },
  legalActions,
  validateAction,
  applyAction,
  chanceOutcomes,
  chanceText: dealChanceText,
  sampleChance,
  /** Hand number and cards already dealt in it: the same deal on duplicate tables, hand by hand. */
  chanceKey: (s) => chanceKeyText(s.handNumber, 52 - undealtCount(s.hand)),
  defaultAction,
  observation,
  spectatorView,
  broadcastView,
  settledAction,
  finishedHands,
  infoStateKey,
  privateValues,
  isTerminal: (s) => s.over,
  returns,
  numPlayers: (s) => s.stacks.length,
};
