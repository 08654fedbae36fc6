/**
 * Press rounds: before a decision where the game allows negotiation, each agent that can
 * negotiate reads its inbox and writes messages. Messages are checked at this edge (sender,
 * recipients, length, count per round) so a broken or hostile agent cannot forge a sender, spam,
 * or write to nobody; what passes is delivered in seat order, the same way every run.
 */
import type { Agent, ModelCall, PressMessage } from '@parley/agents';
import type { Game, Rng, Seat } from '@parley/games';
import { type Clock, systemClock, type TimerHandle } from './clock';
import { linkedSignal } from './signals';

export const PRESS_LIMITS = { maxLength: 2000, maxPerRound: 8 } as const;

export interface PressRoundOptions<S> {
  game: Game<S, any>;
  state: S;
  agents: readonly Agent[];
  rngs: readonly Rng[];
  rounds: number;
  /** Each seat's time to write one round (its negotiation clock). */
  deadlineFor: (seat: Seat) => number;
  phase: string;
  inboxOf: (seat: Seat) => PressMessage[];
  recorderFor: (seat: Seat) => (call: ModelCall) => void;
  signal?: AbortSignal;
  clock?: Clock;
}

export async function runPressRounds<S>(o: PressRoundOptions<S>): Promise<PressMessage[]> {
  const n = o.agents.length;
  const sent: PressMessage[] = [];
  const seats = [...Array(n).keys()];
  for (let round = 0; round < o.rounds; round++) {
    const outboxes = await Promise.all(
      seats.map(async (seat) => {
        const agent = o.agents[seat] as Agent;
        if (!agent.negotiate) return [];
        const inbox = [...o.inboxOf(seat), ...sent.filter((m) => m.from === seat || m.to === 'all' || m.to.includes(seat))];
        const link = linkedSignal(o.signal);
        const deadlineMs = o.deadlineFor(seat);
        try {
          const out = await withDeadline(
            Promise.resolve(
              agent.negotiate({
                gameId: o.game.descriptor.id,
                seat,
                observation: o.game.observation(o.state, seat),
                deadlineMs,
                rng: o.rngs[seat] as Rng,
                signal: link.signal,
                inbox,
                recordModelCall: o.recorderFor(seat),
                recipients: seats.filter((s) => s !== seat),
                round,
              }),
            ),
            deadlineMs,
            o.clock ?? systemClock,
          );
          return sanitize(out, seat, n, o.phase);
        } catch {
          link.controller.abort(new Error('press deadline passed'));
          return [];
        } finally {
          link.release();
        }
      }),
    );
    for (const out of outboxes) sent.push(...out);
  }
  return sent;
}

/** Keeps well-formed messages only: own sender, real recipients, bounded text and count. */
export function sanitize(out: unknown, seat: Seat, n: number, phase: string): PressMessage[] {
  if (!Array.isArray(out)) return [];
  const kept: PressMessage[] = [];
  for (const m of out as Partial<PressMessage>[]) {
    if (kept.length >= PRESS_LIMITS.maxPerRound) break;
    if (typeof m?.text !== 'string' || m.text.trim() === '') continue;
    const to =
      m.to === 'all'
        ? 'all'
        : Array.isArray(m.to)
          ? [...new Set(m.to.filter((s) => Number.isInteger(s) && s >= 0 && s < n && s !== seat))].sort((a, b) => a - b)
          : null;
    if (to === null || (to !== 'all' && to.length === 0)) continue;
    const message: PressMessage = { from: seat, to, text: m.text.slice(0, PRESS_LIMITS.maxLength), phase };
    kept.push(
      Array.isArray(m.commitments) && m.commitments.length > 0
        ? { ...message, commitments: m.commitments.slice(0, 16) }
        : message,
    );
  }
  return kept;
}

async function withDeadline<T>(work: Promise<T>, ms: number, clock: Clock): Promise<T> {
  let timer: TimerHandle | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = clock.setTimeout(() => reject(new Error('press deadline passed')), ms);
      }),
    ]);
  } finally {
    clock.clearTimeout(timer);
  }
}
