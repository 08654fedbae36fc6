/**
 * The rules of press, for every way it enters a match: agents' negotiate rounds (bots, LLMs and
 * webhook bots, in press.ts), and people's connections (LiveMatch.sendPress). One check, so a
 * malformed message is refused with the same code and words whoever sent it; and one rule for
 * who may read a message, used by the runner's inboxes, the press rounds and the room's views.
 */
import type { PressMessage } from '@parley/agents';
import type { Game, Seat } from '@parley/games';

export const PRESS_LIMITS = { maxLength: 2000, maxPerRound: 8, maxCommitments: 16 } as const;

export interface PressError {
  code: string;
  message: string;
}

export interface PressContext {
  /** The game's commitment vocabulary (a game without one accepts no commitments). */
  game: Pick<Game<any, any>, 'validateCommitment'>;
  /** The sender: press is always from the seat that sends it, whatever it claims. */
  seat: Seat;
  /** Seats at the table. */
  seats: number;
  /** Messages the sender already sent in this round (a people's negotiation window is one round). */
  sentThisRound: number;
  phase: string;
}

/** Who may read a message: its sender, its recipients, and everyone when it is public. A spectator (null) reads public press only. */
export function mayRead(message: Pick<PressMessage, 'from' | 'to'>, reader: Seat | null): boolean {
  if (message.to === 'all') return true;
  return reader !== null && (message.from === reader || message.to.includes(reader));
}

const refuse = (code: string, message: string): { ok: false; error: PressError } => ({ ok: false, error: { code, message } });

/**
 * Checks one message as sent and returns it as delivered: the sender's own seat, recipients
 * sorted and unique (the sender left out), the phase stamped. Refuses, with why: more than
 * `maxPerRound` messages in a round, blank or over-long text, recipients that are not at the table
 * (or only the sender), and commitments that are not of the game's vocabulary.
 */
export function checkPress(
  raw: unknown,
  ctx: PressContext,
): { ok: true; message: PressMessage } | { ok: false; error: PressError } {
  if (ctx.sentThisRound >= PRESS_LIMITS.maxPerRound)
    return refuse('press/too-many', `at most ${PRESS_LIMITS.maxPerRound} messages per seat in a round of press`);
  if (typeof raw !== 'object' || raw === null) return refuse('press/malformed', 'a message is an object with to and text');
  const m = raw as { to?: unknown; text?: unknown; commitments?: unknown };
  if (typeof m.text !== 'string' || m.text.trim() === '') return refuse('press/empty', 'a message needs text');
  if (m.text.length > PRESS_LIMITS.maxLength)
    return refuse('press/too-long', `a message is at most ${PRESS_LIMITS.maxLength} characters`);
  const to = recipients(m.to, ctx);
  if ('refused' in to) return refuse('press/recipients', to.refused);
  const message: PressMessage = { from: ctx.seat, to: to.to, text: m.text, phase: ctx.phase };
  if (m.commitments === undefined) return { ok: true, message };
  if (!Array.isArray(m.commitments) || m.commitments.length > PRESS_LIMITS.maxCommitments)
    return refuse('press/commitment', `commitments are a list of at most ${PRESS_LIMITS.maxCommitments}`);
  for (const c of m.commitments) {
    const error = ctx.game.validateCommitment
      ? ctx.game.validateCommitment(c)
      : { code: 'press/commitment', message: 'this game has no commitments' };
    if (error) return refuse('press/commitment', error.message);
  }
  return m.commitments.length > 0
    ? { ok: true, message: { ...message, commitments: [...m.commitments] } }
    : { ok: true, message };
}

/** `'all'`, or the other seats written to, sorted; or why not. */
function recipients(to: unknown, ctx: PressContext): { to: 'all' | Seat[] } | { refused: string } {
  if (to === 'all') return { to: 'all' };
  if (!Array.isArray(to)) return { refused: "write to 'all' or to a list of seats" };
  const bad = to.find((s) => !(Number.isInteger(s) && s >= 0 && s < ctx.seats));
  if (bad !== undefined) return { refused: `${String(JSON.stringify(bad)).slice(0, 20)} is not a seat at this table` };
  const others = [...new Set(to as Seat[])].filter((s) => s !== ctx.seat).sort((a, b) => a - b);
  return others.length > 0 ? { to: others } : { refused: 'write to at least one other seat' };
}
