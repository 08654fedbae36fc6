/**
 * Liar's Dice, two players, with OpenSpiel's rules (`liars_dice`, bidding rule `reset-face`).
 *
 * Each seat rolls `dice` dice of `faces` faces in secret (defaults 1 and 6, OpenSpiel's
 * `numdice` and `dice_sides`); chance rolls seat 0's dice first. Seat 0 bids first and the seats
 * alternate. A bid `bid Q-F` claims that at least Q of all the dice show face F. Bids are ranked
 * quantity first, then face (`1-1 < 1-2 < … < 1-6 < 2-1 < …`), and every bid must rank strictly
 * above the one before; any higher bid is legal, so a seat may lower the face while raising the
 * quantity. Once one bid stands, the seat to move may instead call `liar`: the dice are shown, a
 * die counts when it shows F or the highest face (the highest face is wild, as in OpenSpiel), and
 * the bidder wins +1 if at least Q dice count, else the caller does; the loser gets -1.
 * For 1 die of 6 faces there are 24,576 information sets (6 rolls × 2^12 bid histories) and
 * seat 0's game value is -7/258 ≈ -0.0271318 (Neller & Lanctot 2013, OpenSpiel's LP test).
 *
 * Actions: chance `roll S F` (seat S's next die shows F); seats `bid Q-F` and `liar`.
 * The information state follows OpenSpiel's string: the seat's dice, sorted, then each bid as
 * `Q-F` and the call as `Liar` (`3 1-2 2-5 Liar`).
 */
import { z } from 'zod';
import type { ActionError, Actor, ChanceOutcome, CurrentPlayer, Game, GameDescriptor, Seat } from '../core/game';
import { actionError, seatToMove, turnError } from '../core/game';
import { parseWith } from '../core/params';

export interface LiarsDiceParams {
  readonly players: 2;
  /** Dice per seat (OpenSpiel's `numdice`). */
  readonly dice: number;
  /** Faces per die, 1..faces (OpenSpiel's `dice_sides`); the highest face is wild. */
  readonly faces: number;
}

export interface LiarsDiceState {
  readonly dice: number;
  readonly faces: number;
  /** Each seat's dice in the order rolled; complete once play starts. */
  readonly rolls: readonly (readonly number[])[];
  /** Bids as ranks (see `bidRank`), in the order made. */
  readonly bids: readonly number[];
  /** The seat that called `liar`, once one did: the game is then over. */
  readonly caller: Seat | null;
}

const paramsSchema = z
  .object({
    players: z.literal(2).default(2),
    dice: z.number().int().min(1).max(5).default(1),
    faces: z.number().int().min(2).max(6).default(6),
  })
  .strict();

export const LIAR = 'liar';
const BID = /^bid (\d+)-(\d+)$/;
const ROLL = /^roll (\d) (\d)$/;

/** A bid's rank: quantity major, face minor, from 0 (`1-1`), as OpenSpiel numbers its bids. */
const bidRank = (s: LiarsDiceState, quantity: number, face: number): number => (quantity - 1) * s.faces + face - 1;
const unrank = (s: LiarsDiceState, rank: number): { quantity: number; face: number } => ({
  quantity: Math.floor(rank / s.faces) + 1,
  face: (rank % s.faces) + 1,
});
const bidText = (s: LiarsDiceState, rank: number): string => {
  const { quantity, face } = unrank(s, rank);
  return `${quantity}-${face}`;
};
const totalDice = (s: LiarsDiceState): number => 2 * s.dice;
const rolled = (s: LiarsDiceState): number => s.rolls.reduce((n, r) => n + r.length, 0);
const roller = (s: LiarsDiceState): Seat => ((s.rolls[0]?.length ?? 0) < s.dice ? 0 : 1);
const sorted = (dice: readonly number[]): number[] => [...dice].sort((a, b) => a - b);

function currentPlayer(s: LiarsDiceState): CurrentPlayer {
  if (rolled(s) < totalDice(s)) return 'chance';
  if (s.caller !== null) return 'terminal';
  return s.bids.length % 2;
}

function legalActions(s: LiarsDiceState, seat: Seat): string[] {
  if (currentPlayer(s) !== seat) return [];
  const from = s.bids.length === 0 ? 0 : (s.bids[s.bids.length - 1] as number) + 1;
  const actions: string[] = [];
  for (let rank = from; rank < totalDice(s) * s.faces; rank++) actions.push(`bid ${bidText(s, rank)}`);
  if (s.bids.length > 0) actions.push(LIAR);
  return actions;
}

function validateAction(s: LiarsDiceState, actor: Actor, action: string): ActionError | null {
  const notNow = turnError(currentPlayer(s), actor);
  if (notNow) return notNow;
  if (actor === 'chance') {
    const roll = ROLL.exec(action);
    const face = Number(roll?.[2]);
    if (!roll || Number(roll[1]) !== roller(s) || face < 1 || face > s.faces)
      return actionError('liars-dice/bad-roll', `expected 'roll ${roller(s)} <1..${s.faces}>', got '${action}'`);
    return null;
  }
  if (action === LIAR)
    return s.bids.length > 0 ? null : actionError('liars-dice/no-bid', 'there is no bid to call yet; make the first bid');
  const bid = BID.exec(action);
  const quantity = Number(bid?.[1]);
  const face = Number(bid?.[2]);
  if (!bid || quantity < 1 || quantity > totalDice(s) || face < 1 || face > s.faces)
    return actionError(
      'action/illegal',
      `'${action}' is not a bid; say 'bid Q-F' (1 ≤ Q ≤ ${totalDice(s)}, 1 ≤ F ≤ ${s.faces}) or 'liar'`,
    );
  const last = s.bids[s.bids.length - 1];
  if (last !== undefined && bidRank(s, quantity, face) <= last)
    return actionError('liars-dice/bid-too-low', `'${action}' does not beat the standing bid ${bidText(s, last)}`);
  return null;
}

function applyAction(s: LiarsDiceState, actor: Actor, action: string): LiarsDiceState {
  if (actor === 'chance') {
    const seat = roller(s);
    const rolls = s.rolls.map((r, i) => (i === seat ? [...r, Number(action.slice(7))] : r));
    return { ...s, rolls };
  }
  if (actor !== currentPlayer(s)) throw new Error(`liars-dice: seat ${actor} acted out of turn`);
  if (action === LIAR) return { ...s, caller: actor };
  const bid = BID.exec(action);
  if (!bid) throw new Error(`liars-dice: '${action}' is not a bid`);
  return { ...s, bids: [...s.bids, bidRank(s, Number(bid[1]), Number(bid[2]))] };
}

function chanceOutcomes(s: LiarsDiceState): ChanceOutcome[] {
  if (currentPlayer(s) !== 'chance') return [];
  const seat = roller(s);
  return Array.from({ length: s.faces }, (_, f) => ({ action: `roll ${seat} ${f + 1}`, probability: 1 / s.faces }));
}

/** The dice that count for the standing bid: its face, or the wild highest face. */
function matches(s: LiarsDiceState, face: number): number {
  return s.rolls.flat().filter((d) => d === face || d === s.faces).length;
}

function returns(s: LiarsDiceState): number[] {
  if (s.caller === null) return [0, 0];
  const { quantity, face } = unrank(s, s.bids[s.bids.length - 1] as number);
  const bidder = 1 - s.caller;
  const winner = matches(s, face) >= quantity ? bidder : s.caller;
  return winner === 0 ? [1, -1] : [-1, 1];
}

/** A seat's dice as the one string its own view shows (`seat 0: 2 5`); other seats never see it before the call. */
const handText = (s: LiarsDiceState, seat: Seat): string => `seat ${seat}: ${sorted(s.rolls[seat] ?? []).join(' ')}`;

/** What everyone may know: the bids, and every seat's dice once `liar` is called. */
function publicView(s: LiarsDiceState) {
  const over = s.caller !== null;
  const last = s.bids[s.bids.length - 1];
  return {
    dicePerSeat: s.dice,
    faces: s.faces,
    wildFace: s.faces,
    bids: s.bids.map((b) => bidText(s, b)),
    standingBid: last === undefined ? null : bidText(s, last),
    caller: s.caller,
    revealed: over ? [0, 1].map((seat) => handText(s, seat)) : null,
    matching: over && last !== undefined ? matches(s, unrank(s, last).face) : null,
  };
}

const descriptor: GameDescriptor<LiarsDiceParams> = {
  id: 'liars-dice',
  name: "Liar's Dice",
  defaultParams: { players: 2, dice: 1, faces: 6 },
  parseParams: (raw) => parseWith(paramsSchema as z.ZodType<LiarsDiceParams>, raw),
  rules:
    "Each seat rolls its dice in secret. Seats take turns; seat 0 starts. A bid 'bid Q-F' claims that at least Q of all " +
    'the dice show face F; the highest face is wild and counts as any face. Each bid must be higher than the last: a ' +
    "larger quantity, or the same quantity of a larger face. Instead of bidding you may call 'liar' on the last bid: the " +
    'dice are shown, and the bidder wins (+1, the caller -1) if enough dice match, else the caller wins.',
  traits: { dynamics: 'sequential', chance: 'explicit', information: 'imperfect', utility: 'zero-sum' },
  // 294,883 nodes for one die each: small enough for exact CFR and best response.
  supports: { exactTree: true, view: 'generic' },
  minPlayers: 2,
  maxPlayers: 2,
  numPlayers: () => 2,
};

function observation(s: LiarsDiceState, seat: Seat) {
  return {
    seat,
    hand: (s.rolls[seat]?.length ?? 0) > 0 ? handText(s, seat) : null,
    dice: sorted(s.rolls[seat] ?? []),
    ...publicView(s),
  };
}

/** What a seat sees: its own dice and the public view. */
export type LiarsDiceObservation = ReturnType<typeof observation>;
/** What a spectator sees: the bids, the caller, and every hand once the game is over. */
export type LiarsDiceSpectatorView = ReturnType<typeof publicView>;

export const liarsDice: Game<LiarsDiceState, LiarsDiceParams, LiarsDiceObservation, LiarsDiceSpectatorView> = {
  descriptor,
  newInitialState: (p) => ({ dice: p.dice, faces: p.faces, rolls: [[], []], bids: [], caller: null }),
  currentPlayer,
  actingSeats: seatToMove(currentPlayer),
  legalActions,
  validateAction,
  applyAction,
  chanceOutcomes,
  chanceText: (action, viewer) => {
    const roll = ROLL.exec(action);
    if (!roll) return 'chance';
    return Number(roll[1]) === viewer ? `seat ${roll[1]} rolls ${roll[2]}` : `seat ${roll[1]} rolls`;
  },
  // Calling is the safe default once a bid stands; the opening default is the lowest bid.
  defaultAction: (s) => (s.bids.length > 0 ? LIAR : `bid ${bidText(s, 0)}`),
  observation,
  spectatorView: publicView,
  infoStateKey: (s, seat) =>
    [sorted(s.rolls[seat] ?? []).join(''), ...s.bids.map((b) => bidText(s, b)), ...(s.caller === null ? [] : ['Liar'])].join(' '),
  privateValues: (s, seat) => (s.caller === null && (s.rolls[seat]?.length ?? 0) > 0 ? [handText(s, seat)] : []),
  isTerminal: (s) => currentPlayer(s) === 'terminal',
  returns,
  numPlayers: () => 2,
};
