/**
 * Poker views (the engines' observations and spectator views) turned into one table model the
 * table component draws: seats with stacks, bets and the cards this viewer may see, the board
 * and the pot. Kuhn and Leduc have simpler views; they map onto the same model.
 */
import {
  type KuhnObservation,
  type KuhnSpectatorView,
  type LeducObservation,
  type LeducSpectatorView,
  Nlhe,
} from '@parley/games';
import { tableViews } from './format';

export interface SeatModel {
  seat: number;
  name: string;
  stack: number | null;
  bet: number;
  /** Cards to draw: a string is face up, null face down; empty when the seat holds none. */
  cards: (string | null)[];
  folded: boolean;
  allIn: boolean;
  button: boolean;
  /** The blind this seat posted this hand, if any. */
  blind: 'SB' | 'BB' | null;
  /** Out of chips and out of the game (cash without rebuy, or eliminated in a sit-and-go). */
  busted: boolean;
  /** Won chips in the hand just finished (highlighted while that showdown is on view). */
  winner: boolean;
  /** The engine's name of the hand this seat showed ("Two pair, kings and sevens, …"). */
  handName: string | null;
  /** Spectators of a delayed match only: the hand's share of the pot on average over the cards to come. */
  equity: number | null;
  note: string | null;
}

export interface TableModel {
  seats: SeatModel[];
  board: string[];
  boardSlots: number;
  pot: number;
  caption: string;
  /** Seat to act, if known from the view. */
  toAct: number | null;
  /** Lines for the action log, already redacted for this viewer. */
  history: string[];
  result: string | null;
  /** The hand that just ended, while its showdown is on view: who won what and with which hand. */
  showdown?: { hand: number; winners: { seat: number; won: number; handName: string | null }[] } | null;
}

/** A seat's observation or a spectator's view of an `nlhe` table, as the engine gives them. */
export type NlheView = Nlhe.NlheSpectatorView & Partial<Pick<Nlhe.NlheObservation, 'seat' | 'hole' | 'toCall' | 'raise'>>;

/** The broadcast view spectators of a delayed match get: hands in play face up (games/src/nlhe/match/broadcast.ts). */
export interface NlheBroadcast {
  seats: { seat: number; hole: string[]; handName?: string; equity?: number }[];
}

/**
 * A seat's observation or a spectator's view of a `leduc` table: the engine's spectator view, and
 * a seat's own card when the viewer holds one (the same pattern as `NlheView`).
 */
export type LeducView = LeducSpectatorView & Partial<Pick<LeducObservation, 'seat' | 'card'>>;

/** A seat's observation or a spectator's view of a `kuhn` table, as the engine gives them. */
export type KuhnView = KuhnSpectatorView & Partial<Pick<KuhnObservation, 'seat' | 'card'>>;

/** `tag (seat 3)`; a person's seat is named after its number, so just `seat 0`. */
const who = (names: string[], seat: number) => {
  const name = names[seat];
  return !name || name === `seat ${seat}` ? `seat ${seat}` : `${name} (seat ${seat})`;
};

/**
 * The engine writes every bet as `raise N`, the total the bet becomes (PHH's `cbr`). A reader
 * expects "bets N" when nothing was bet on the street yet (preflop the blinds count as a bet)
 * and "raises to N" after.
 */
function betWords(action: string, facingBet: boolean): string {
  const to = Nlhe.raiseTotal(action);
  if (to === null) return action;
  return facingBet ? `raises to ${to}` : `bets ${to}`;
}

/** The hand's log in words; other seats' hidden hole cards become one line per deal round. */
export function nlheLines(history: readonly string[], names: string[]): string[] {
  const out: string[] = [];
  let hidden = 0;
  const flush = () => {
    if (hidden > 0) out.push(`${hidden} hidden hole ${hidden === 1 ? 'card' : 'cards'} dealt`);
    hidden = 0;
  };
  let board: string[] = [];
  let boardTotal = 0;
  let facingBet = true;
  const flushBoard = () => {
    if (board.length === 0) return;
    boardTotal += board.length;
    const street = boardTotal === 3 ? 'Flop' : boardTotal === 4 ? 'Turn' : boardTotal === 5 ? 'River' : 'Board';
    out.push(`${street}: ${board.join(' ')}`);
    board = [];
  };
  for (const line of history) {
    const entry = Nlhe.parseHistoryLine(line);
    if (entry?.kind === 'deal' && entry.to !== 'board' && entry.card === null) {
      flushBoard();
      hidden++;
      continue;
    }
    flush();
    if (entry?.kind === 'deal' && entry.to === 'board') {
      board.push(entry.card ?? '??');
      facingBet = false;
      continue;
    }
    flushBoard();
    if (entry?.kind === 'deal') out.push(`${who(names, entry.to as number)} is dealt ${entry.card}`);
    else {
      out.push(entry ? `${who(names, entry.seat)}: ${betWords(entry.action, facingBet)}` : line);
      if (entry && Nlhe.raiseTotal(entry.action) !== null) facingBet = true;
    }
  }
  flush();
  flushBoard();
  return out;
}

/**
 * `recent` is the number of a finished hand the page still shows (its showdown stays on view a
 * moment after the next hand is dealt); the last hand's showdown also shows while the match is over.
 */
export function nlheTable(
  view: NlheView,
  names: string[],
  viewer: number | null,
  recent: number | null = null,
  broadcast: NlheBroadcast | null = null,
): TableModel {
  const over = view.phase === 'over';
  const last = view.lastHand;
  const showing = last && (over || recent === last.hand) ? last : null;
  const dealt = new Map<number, number>();
  for (const line of view.history) {
    const entry = Nlhe.parseHistoryLine(line);
    if (entry?.kind === 'deal' && entry.to !== 'board') dealt.set(entry.to, (dealt.get(entry.to) ?? 0) + 1);
  }
  const onAir = new Map((broadcast?.seats ?? []).map((b) => [b.seat, b]));
  const seats: SeatModel[] = view.players.map((p) => {
    const aired = viewer === null ? onAir.get(p.seat) : undefined;
    let cards: (string | null)[] = [];
    const holds = p.inHand && !p.folded;
    if (viewer === p.seat && view.hole && view.hole.length > 0 && (holds || over)) cards = view.hole;
    else if (p.shown) cards = p.shown;
    else if (aired && holds) cards = aired.hole;
    else if (holds) cards = Array.from({ length: Math.min(2, dealt.get(p.seat) ?? 0) }, () => null);
    const busted = !p.inHand && p.stack === 0;
    const notes = [busted ? 'busted' : null, p.mucked ? 'mucked' : null, p.folded ? 'folded' : null].filter(Boolean);
    const winner = Boolean(showing?.winners?.includes(p.seat));
    return {
      seat: p.seat,
      name: viewer === p.seat ? 'You' : (names[p.seat] ?? `seat ${p.seat}`),
      stack: p.stack,
      bet: p.bet ?? 0,
      cards,
      folded: Boolean(p.folded),
      allIn: Boolean(p.allIn),
      button: view.button === p.seat,
      blind: view.smallBlind === p.seat ? 'SB' : view.bigBlind === p.seat ? 'BB' : null,
      busted,
      winner,
      handName: p.handName ?? (winner ? (showing?.names?.[String(p.seat)] ?? null) : (aired?.handName ?? null)),
      equity: aired?.equity ?? null,
      note: notes.length > 0 ? notes.join(', ') : null,
    };
  });
  const street = view.phase === 'over' ? 'hand over' : view.phase;
  const count = view.format === 'hand' ? 'Single hand' : view.hands ? `Hand ${view.hand} of ${view.hands}` : `Hand ${view.hand}`;
  const caption = `${count} · ${street} · blinds ${view.blinds[0]}/${view.blinds[1]}${view.ante ? ` ante ${view.ante}` : ''}`;
  let result: string | null = null;
  if (view.lastHand && (over || view.history.length <= 1)) {
    const parts = Object.entries(view.lastHand.result)
      .filter(([, v]) => v !== 0)
      .map(([s, v]) => `${names[Number(s)] ?? `seat ${s}`} ${v > 0 ? '+' : ''}${v}`);
    result = `Hand ${view.lastHand.hand}: ${parts.join(', ') || 'no change'}`;
  }
  const showdown = showing && {
    hand: showing.hand,
    winners: (showing.winners ?? []).map((seat) => ({
      seat,
      won: showing.result[String(seat)] ?? 0,
      handName: showing.names?.[String(seat)] ?? null,
    })),
  };
  return {
    seats,
    board: view.board,
    boardSlots: 5,
    pot: view.pot,
    caption,
    toAct: view.toAct,
    history: nlheLines(view.history, names),
    result,
    showdown,
  };
}

/** Kuhn and Leduc have no blinds, busts or named hands. */
const PLAIN_SEAT = { blind: null, busted: false, winner: false, handName: null, equity: null } as const;

/** Leduc: seat 0 acts first in each round; a card a seat may see is its own or a shown one. */
export function leducTable(view: LeducView, names: string[], viewer: number | null, toAct: number | null): TableModel {
  const lastRound = view.rounds[view.rounds.length - 1] ?? [];
  const folded = lastRound.at(-1) === 'fold' ? (lastRound.length - 1) % 2 : null;
  const seats: SeatModel[] = [0, 1].map((seat) => {
    const shown = view.shown[seat] ?? null;
    const own = viewer === seat ? (view.card ?? null) : null;
    const card = own ?? shown;
    return {
      seat,
      name: names[seat] ?? `seat ${seat}`,
      stack: null,
      bet: view.contributions[seat] ?? 0,
      cards: [card],
      folded: folded === seat,
      allIn: false,
      button: false,
      ...PLAIN_SEAT,
      note: folded === seat ? 'folded' : null,
    };
  });
  const history: string[] = [];
  view.rounds.forEach((round, r) => {
    if (r === 1 && view.board) history.push(`board: ${view.board}`);
    round.forEach((a, k) => {
      history.push(`${who(names, k % 2)}: ${a}`);
    });
  });
  return {
    seats,
    board: view.board ? [view.board] : [],
    boardSlots: 1,
    pot: view.pot,
    caption: `Leduc Hold'em · round ${view.rounds.length}`,
    toAct,
    history,
    result: null,
  };
}

export function kuhnTable(view: KuhnView, names: string[], viewer: number | null, toAct: number | null): TableModel {
  const h = view.history;
  const foldedSeat = h.join(' ') === 'bet pass' ? 1 : h.join(' ') === 'pass bet pass' ? 0 : null;
  const bets = [1, 1];
  h.forEach((a, k) => {
    if (a === 'bet') bets[k % 2]! += 1;
  });
  const seats: SeatModel[] = [0, 1].map((seat) => {
    const card = viewer === seat ? (view.card ?? null) : (view.cards[seat] ?? null);
    return {
      seat,
      name: names[seat] ?? `seat ${seat}`,
      stack: null,
      bet: bets[seat] ?? 0,
      cards: [card],
      folded: foldedSeat === seat,
      allIn: false,
      button: false,
      ...PLAIN_SEAT,
      note: foldedSeat === seat ? 'folded' : null,
    };
  });
  return {
    seats,
    board: [],
    boardSlots: 0,
    pot: view.pot,
    caption: 'Kuhn poker',
    toAct,
    history: h.map((a, k) => `${who(names, k % 2)}: ${a}`),
    result: null,
  };
}

export function tableModel(
  game: string,
  view: unknown,
  names: string[],
  viewer: number | null,
  toAct: number | null,
  recent: number | null = null,
  broadcast: unknown = null,
): TableModel | null {
  if (!view || typeof view !== 'object') return null;
  // The game declares the shape of its views; the table never asks which game it is.
  const shape = tableViews(game);
  if (shape === 'hold-em') return nlheTable(view as NlheView, names, viewer, recent, broadcast as NlheBroadcast | null);
  if (shape === 'card-and-board') return leducTable(view as LeducView, names, viewer, toAct);
  if (shape === 'single-card') return kuhnTable(view as KuhnView, names, viewer, toAct);
  return null;
}
