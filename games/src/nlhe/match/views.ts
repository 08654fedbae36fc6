/**
 * What each seat, a spectator, and the finished record may see.
 *
 * A seat sees its own hole cards; other hole cards stay hidden (`??` in the history) unless
 * their owner shows them at showdown. Mucked and folded hands are never revealed, not even in
 * the finished record. Card strings of a seat's unshown hand appear in no other view: past
 * hands are summarised with cards written back to back (`AsKd`), never as separate strings.
 */
import { cardName, parseCards } from '../cards';
import { type HandState, maxBet, potTotal, raiseBounds } from '../engine';
import { describeStrength, evaluate } from '../eval';
import { actingSeat } from './actions';
import { actLine, dealLine } from './history';
import { levelFor } from './params';
import { finishingOrder, type HandRecord, type NlheState } from './session';

const STREETS = ['preflop', 'flop', 'turn', 'river'] as const;

/** Who may see a dealt hole card: the seat itself, anybody once shown, or nobody else. */
type Reveal = (seat: number) => boolean;

/**
 * One log entry in the game's text form, for a reader who sees the hole cards `reveal` allows.
 * Read by position rather than split into words: every view of every state runs it over the
 * hand's whole log.
 */
export function entryText(entry: string, seats: readonly number[], reveal: Reveal): string {
  if (entry.startsWith('d db ')) return dealLine('board', entry.slice(5));
  if (entry.startsWith('d dh ')) {
    const cardAt = entry.indexOf(' ', 5) + 1; // `d dh p3 As`
    const seat = positionSeat(entry.slice(5, cardAt - 1), seats);
    return dealLine(seat, reveal(seat) ? entry.slice(cardAt) : null);
  }
  const space = entry.indexOf(' '); // `p2 cbr 300`
  return actLine(positionSeat(entry.slice(0, space), seats), entry.slice(space + 1));
}

/** The seat at a log position label (`p3`). */
const positionSeat = (label: string, seats: readonly number[]): number => seats[Number(label.slice(1)) - 1]!;

/** The seats whose hole cards were shown in the log (`p2 show AsKd`). */
function shownSeats(log: readonly string[], seats: readonly number[]): Set<number> {
  const shown = new Set<number>();
  for (const entry of log) if (entry.includes(' show ')) shown.add(positionSeat(entry.slice(0, entry.indexOf(' ')), seats));
  return shown;
}

function phaseName(h: HandState, over: boolean): string {
  if (over) return 'over';
  if (h.phase === 'showdown' || h.phase === 'over') return h.phase;
  return STREETS[h.street]!;
}

/** The hand name ("Two pair, kings and sevens, …") of shown hole cards on a board, once five or more cards are known. */
function handName(hole: readonly number[], board: readonly number[]): string | undefined {
  return hole.length + board.length >= 5 ? describeStrength(evaluate([...hole, ...board])) : undefined;
}

/**
 * Who posted the small and big blind this hand (by the amounts posted, so heads-up, where the
 * button posts the small blind, needs no special case). Public: blinds are posted face up.
 */
function blindSeats(s: NlheState): { smallBlind?: number; bigBlind?: number } {
  const [small, big] = levelFor(s.params, s.handNumber).blinds;
  const out: { smallBlind?: number; bigBlind?: number } = {};
  s.hand.blinds.forEach((due, pos) => {
    if (due > 0 && due === big && out.bigBlind === undefined) out.bigBlind = s.seats[pos]!;
    else if (due > 0 && due === small && out.smallBlind === undefined) out.smallBlind = s.seats[pos]!;
  });
  return out;
}

/** One seat at the table as every view shows it; a seat out of the hand has only the first three. */
export interface NlhePlayerView {
  seat: number;
  stack: number;
  inHand: boolean;
  bet?: number;
  folded?: boolean;
  allIn?: boolean;
  shown?: string[];
  handName?: string;
  mucked?: boolean;
}

/** Public facts of the table now, shared by every view. */
function tableView(s: NlheState) {
  const h = s.hand;
  const positionOf = new Map(s.seats.map((seat, pos) => [seat, pos]));
  const players = s.stacks.map((stack, seat): NlhePlayerView => {
    const pos = positionOf.get(seat);
    if (pos === undefined) return { seat, stack, inHand: false };
    // Once the match is over the last hand stays on view, with the table's final stacks.
    return {
      seat,
      stack: s.over ? stack : h.stacks[pos]!,
      bet: s.over ? 0 : h.bets[pos]!,
      inHand: !s.over,
      folded: h.folded[pos]!,
      allIn: h.stacks[pos] === 0 && !h.folded[pos],
      ...(h.shown[pos] ? { shown: h.hole[pos]!.map(cardName), handName: handName(h.hole[pos]!, h.board) } : {}),
      ...(h.mucked[pos] ? { mucked: true } : {}),
    };
  });
  const last = s.past[s.past.length - 1];
  const level = levelFor(s.params, s.handNumber);
  return {
    format: s.params.format,
    hand: s.handNumber,
    // How many hands a cash game plays ("hand 3 of 10"); other formats have no fixed count.
    ...(s.params.format === 'cash' ? { hands: s.params.hands } : {}),
    button: s.button,
    ...(s.over ? {} : blindSeats(s)),
    blinds: level.blinds,
    ante: level.ante,
    bigBlindAnte: level.bigBlindAnte,
    phase: phaseName(h, s.over),
    toAct: actingSeat(s),
    board: h.board.map(cardName),
    pot: s.over ? 0 : potTotal(h),
    currentBet: s.over ? 0 : maxBet(h),
    players,
    net: s.net.slice(),
    ...(s.params.format === 'sng'
      ? { eliminated: s.eliminated.slice(), ...(s.over ? { finishingOrder: finishingOrder(s) } : {}) }
      : {}),
    // The finished hand's log (shown hands only) too: its last actions often come in the step that ends it.
    ...(last ? { lastHand: lastHandView(last) } : {}),
  };
}

/** The last finished hand as every view shows it: its summary and its public log. */
type LastHandView = ReturnType<typeof summarize> & { actions: string[] };

// A finished hand reads the same to every reader in every later state, so its view is made once
// per record rather than in each of the many views a hand's states are shown in (every seat's
// and the spectators', after every action of the next hand: a third of what a busy arena
// allocated). Frozen, since every view shares it; a restored (JSON round-tripped) state just
// makes it again.
const lastHandViews = new WeakMap<HandRecord, LastHandView>();

function lastHandView(record: HandRecord): LastHandView {
  let view = lastHandViews.get(record);
  if (!view) {
    view = { ...summarize(record), actions: publicLog(record) };
    for (const part of Object.values(view)) if (typeof part === 'object') Object.freeze(part);
    Object.freeze(view);
    lastHandViews.set(record, view);
  }
  return view;
}

/**
 * A finished hand in one line each: board and shown hands as back-to-back cards, the name of
 * each shown hand, chips won, and the winners (seats that ended the hand with more chips).
 */
export function summarize(record: HandRecord) {
  const board = record.log.filter((e) => e.startsWith('d db ')).map((e) => e.slice(5));
  const boardCards = parseCards(board.join('')) ?? [];
  const shown: Record<string, string> = {};
  const names: Record<string, string> = {};
  for (const e of record.log) {
    const m = /^p(\d+) show (\S+)$/.exec(e);
    if (!m) continue;
    const seat = String(record.seats[Number(m[1]) - 1]);
    shown[seat] = m[2]!;
    const name = handName(parseCards(m[2]!) ?? [], boardCards);
    if (name) names[seat] = name;
  }
  const result: Record<string, number> = {};
  const winners: number[] = [];
  record.seats.forEach((seat, pos) => {
    result[String(seat)] = record.finishing[pos]! - record.config.startingStacks[pos]!;
    if (result[String(seat)]! > 0) winners.push(seat);
  });
  return { hand: record.number, board: board.join(''), shown, names, result, winners };
}

export function observation(s: NlheState, seat: number) {
  const h = s.hand;
  const pos = s.seats.indexOf(seat);
  const mine = pos >= 0 && actingSeat(s) === seat ? raiseBounds(h) : null;
  const shown = shownSeats(h.log, s.seats);
  return {
    seat,
    ...tableView(s),
    hole: pos >= 0 ? h.hole[pos]!.map(cardName) : [],
    toCall: pos >= 0 ? Math.min(h.stacks[pos]!, maxBet(h) - h.bets[pos]!) : 0,
    raise: mine,
    history: h.log.map((e) => entryText(e, s.seats, (other) => other === seat || shown.has(other))),
  };
}

/** What `observation` gives a seat: the table, its hole cards, what it owes and may raise, the history as it may read it. */
export type NlheObservation = ReturnType<typeof observation>;
/** What a spectator sees: the table and the history with unshown hands hidden. */
export type NlheSpectatorView = ReturnType<typeof spectatorView>;

export function spectatorView(s: NlheState) {
  const h = s.hand;
  const shown = shownSeats(h.log, s.seats);
  return { ...tableView(s), history: h.log.map((e) => entryText(e, s.seats, (other) => shown.has(other))) };
}

/** The seat's hole cards that nobody else has seen, as in its own view (`As`). */
export function privateValues(s: NlheState, seat: number): string[] {
  const pos = s.seats.indexOf(seat);
  if (pos < 0 || s.hand.shown[pos]) return [];
  return s.hand.hole[pos]!.map(cardName);
}

/** One hand in the info-state key: its seats and raw log, other unshown hole cards as `??`. */
function handKey(seats: readonly number[], log: readonly string[], seat: number): string {
  const shown = shownSeats(log, seats);
  let key = `${seats.join(',')}:`;
  for (const entry of log) {
    if (entry.startsWith('d dh ')) {
      const space = entry.indexOf(' ', 5);
      const owner = seats[Number(entry.slice(6, space)) - 1]!;
      key += owner === seat || shown.has(owner) ? entry : `${entry.slice(0, space)} ??`;
    } else {
      key += entry;
    }
    key += ';';
  }
  return key;
}

// Finished hands never change and successive states share their `past` array, so the key of the
// past is computed once per (array, seat). A restored (JSON round-tripped) state just recomputes.
const pastKeys = new WeakMap<readonly HandRecord[], Map<number, string>>();

function pastKey(past: readonly HandRecord[], seat: number): string {
  let bySeat = pastKeys.get(past);
  if (!bySeat) {
    bySeat = new Map();
    pastKeys.set(past, bySeat);
  }
  let key = bySeat.get(seat);
  if (key === undefined) {
    key = past.map((r) => `${handKey(r.seats, r.log, seat)}/`).join('');
    bySeat.set(seat, key);
  }
  return key;
}

/** Perfect-recall information state: the seat, then every hand's log with other unshown hole cards hidden. */
export function infoStateKey(s: NlheState, seat: number): string {
  const current = s.over ? '' : handKey(s.seats, s.hand.log, seat);
  return `nlhe|${seat}|${pastKey(s.past, seat)}${current}`;
}

/** A finished hand's log as anyone may read it: shown hands revealed, all others hidden. */
function publicLog(r: HandRecord): string[] {
  const shown = shownSeats(r.log, r.seats);
  return r.log.map((e) => entryText(e, r.seats, (seat) => shown.has(seat)));
}

/**
 * The finished hands as `viewer` may read them (null: a spectator): as `handHistory`, with the
 * viewer's own hole cards in the log as well, since it held them. The hand in play is not there.
 */
export function finishedHands(s: NlheState, viewer: number | null) {
  return s.past.map((r) => {
    const shown = shownSeats(r.log, r.seats);
    const log = r.log.map((e) => entryText(e, r.seats, (seat) => seat === viewer || shown.has(seat)));
    return { ...summarize(r), actions: log };
  });
}

/** A finished hand as `finishedHands` lists it. */
export type FinishedHand = ReturnType<typeof finishedHands>[number];

/** Every finished hand, with the hands that were shown revealed and all others hidden. */
export function handHistory(s: NlheState) {
  return s.past.map((r) => ({ ...summarize(r), seats: r.seats, button: r.seats[r.seats.length - 1], actions: publicLog(r) }));
}
