/**
 * Press rounds: before a decision where the game allows negotiation, each agent that can
 * negotiate reads its inbox and writes messages. Messages are checked at this edge by the one
 * press check (press-rules.ts: sender, recipients, length, count per round, commitments) so a
 * broken or hostile agent cannot forge a sender, spam, or write to nobody; what passes is
 * delivered in seat order, the same way every run.
 */
import type { Agent, ModelCall, PressMessage } from '@parley/agents';
import type { Game, Rng, Seat } from '@parley/games';
import { type Clock, systemClock, type TimerHandle } from './clock';
import { checkPress, mayRead, PRESS_LIMITS, type PressContext, type PressError } from './press-rules';
import { linkedSignal } from './signals';

export { PRESS_LIMITS } from './press-rules';

export interface PressRoundOptions<S> {
  game: Game<S, any>;
  state: S;
  agents: readonly Agent[];
  rngs: readonly Rng[];
  rounds: number;
  /** The number of the first round (rounds of the phase already run); 0 by default. */
  firstRound?: number;
  /** Each seat's time to write one round (its negotiation clock). */
  deadlineFor: (seat: Seat) => number;
  phase: string;
  inboxOf: (seat: Seat) => PressMessage[];
  recorderFor: (seat: Seat) => (call: ModelCall) => void;
  signal?: AbortSignal;
  clock?: Clock;
  /** Told of each message the press check refused (the record keeps only what was delivered). */
  onRefused?: (seat: Seat, error: PressError) => void;
}

export async function runPressRounds<S>(o: PressRoundOptions<S>): Promise<PressMessage[]> {
  const n = o.agents.length;
  const sent: PressMessage[] = [];
  const seats = [...Array(n).keys()];
  const first = o.firstRound ?? 0;
  for (let round = first; round < first + o.rounds; round++) {
    const outboxes = await Promise.all(
      seats.map(async (seat) => {
        const agent = o.agents[seat] as Agent;
        if (!agent.negotiate) return [];
        const inbox = [...o.inboxOf(seat), ...sent.filter((m) => mayRead(m, seat))];
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
            link.controller,
          );
          const { kept, refused } = admitAgentPress(out, seat, n, o.phase, o.game);
          for (const error of refused) o.onRefused?.(seat, error);
          return kept;
        } catch {
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

/**
 * What an agent's negotiate answer delivers, and what the press check refused (and why). An
 * agent's over-long text is cut to the limit rather than refused: a model cannot be asked again
 * within the round, and records have always kept the first `maxLength` characters.
 */
export function admitAgentPress(
  out: unknown,
  seat: Seat,
  n: number,
  phase: string,
  game: PressContext['game'] = {},
): { kept: PressMessage[]; refused: PressError[] } {
  const kept: PressMessage[] = [];
  const refused: PressError[] = [];
  if (!Array.isArray(out)) return { kept, refused: [{ code: 'press/malformed', message: 'press is a list of messages' }] };
  for (const m of out as unknown[]) {
    const verdict = checkPress(clip(m), { game, seat, seats: n, sentThisRound: kept.length, phase });
    if (verdict.ok) kept.push(verdict.message);
    else refused.push(verdict.error);
  }
  return { kept, refused };
}

/** The messages of an agent's answer that pass the press check. */
export function sanitize(out: unknown, seat: Seat, n: number, phase: string, game?: PressContext['game']): PressMessage[] {
  return admitAgentPress(out, seat, n, phase, game).kept;
}

function clip(m: unknown): unknown {
  const text = (m as { text?: unknown } | null)?.text;
  return typeof text === 'string' && text.length > PRESS_LIMITS.maxLength
    ? { ...(m as object), text: text.slice(0, PRESS_LIMITS.maxLength) }
    : m;
}

/** The agent's press, or a rejection once `ms` pass on `clock`, which also aborts the agent's signal (an HTTP call stops). */
async function withDeadline<T>(work: Promise<T>, ms: number, clock: Clock, agent: AbortController): Promise<T> {
  let timer: TimerHandle | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = clock.setTimeout(() => {
          const passed = new Error('press deadline passed');
          agent.abort(passed);
          reject(passed);
        }, ms);
      }),
    ]);
  } finally {
    clock.clearTimeout(timer);
  }
}
