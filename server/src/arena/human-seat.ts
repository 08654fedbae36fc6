/**
 * A seat played by a person (or an external bot) through a room connection. The runtime asks it
 * like any agent; the answer arrives when the client sends `act` for the current decision. The
 * runtime's deadline plays the default if no answer comes, so a stalled or absent client never
 * blocks the match.
 *
 * In a sequential game a decision with a single legal action is no decision (poker's showdown,
 * where the rules make a hand be shown): with `autoplayForced` the seat answers it at once, so
 * the person is neither kept waiting on the clock nor asked to click for what the rules decide.
 * `settle` answers, likewise at once, the decisions the game settles by the person's table
 * settings (a showdown: show a hand that can win, muck a beaten one); it must name a legal action.
 */
import type { Agent, DecisionInput } from '@parley/agents';
import { type Clock, systemClock } from '../runtime/clock';

export interface PendingDecision {
  /** Actions applied before this decision: clients quote it to prove they answer the current one. */
  id: number;
  input: DecisionInput;
  /** When the runtime stops waiting (ms since epoch, on the seat's clock). */
  deadlineAt: number;
}

export class HumanSeat implements Agent {
  readonly name: string;
  private pending: (PendingDecision & { resolve(actions: string[]): void }) | null = null;
  private decisionCounter: () => number;
  private readonly clock: Clock;
  private readonly autoplayForced: boolean;
  /** Called when a decision opens (so the room can show the clock) or closes. */
  onChange: () => void = () => {};
  /** The action the game settles for this decision without asking (see above), or null to ask. */
  settle: (input: DecisionInput) => string | null = () => null;

  constructor(name: string, decisionCounter: () => number, clock: Clock = systemClock, autoplayForced = false) {
    this.name = name;
    this.decisionCounter = decisionCounter;
    this.clock = clock;
    this.autoplayForced = autoplayForced;
  }

  current(): PendingDecision | null {
    return this.pending;
  }

  act(input: DecisionInput): Promise<string[]> {
    if (this.autoplayForced && input.legalActions.length === 1) return Promise.resolve([input.legalActions[0]!]);
    const settled = this.settle(input);
    if (settled !== null && input.legalActions.includes(settled)) return Promise.resolve([settled]);
    return new Promise((resolve) => {
      const id = this.decisionCounter();
      const onAbort = () => close([]);
      // Closing unhooks the abort listener: it holds this decision's input, and the signal it sits
      // on must not keep a closed decision alive.
      const close = (actions: string[]) => {
        input.signal?.removeEventListener('abort', onAbort);
        if (this.pending?.id === id) {
          this.pending = null;
          this.onChange();
        }
        resolve(actions);
      };
      this.pending = { id, input, deadlineAt: this.clock.now() + input.deadlineMs, resolve: close };
      if (input.signal?.aborted) return close([]);
      input.signal?.addEventListener('abort', onAbort, { once: true });
      this.onChange();
    });
  }

  /** Delivers a client's answer; false if it does not answer the open decision. */
  submit(decision: number, actions: string[]): boolean {
    if (!this.pending || this.pending.id !== decision) return false;
    this.pending.resolve(actions);
    return true;
  }
}
