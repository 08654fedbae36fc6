/**
 * A seat played by a person (or an external bot) through a room connection. The runtime asks it
 * like any agent; the answer arrives when the client sends `act` for the current decision. The
 * runtime's deadline plays the default if no answer comes, so a stalled or absent client never
 * blocks the match.
 */
import type { Agent, DecisionInput } from '@parley/agents';

export interface PendingDecision {
  /** Actions applied before this decision: clients quote it to prove they answer the current one. */
  id: number;
  input: DecisionInput;
  deadlineAt: number;
}

export class HumanSeat implements Agent {
  readonly name: string;
  private pending: (PendingDecision & { resolve(actions: string[]): void }) | null = null;
  private decisionCounter: () => number;
  /** Called when a decision opens (so the room can show the clock) or closes. */
  onChange: () => void = () => {};

  constructor(name: string, decisionCounter: () => number) {
    this.name = name;
    this.decisionCounter = decisionCounter;
  }

  current(): PendingDecision | null {
    return this.pending;
  }

  act(input: DecisionInput): Promise<string[]> {
    return new Promise((resolve) => {
      const id = this.decisionCounter();
      const close = (actions: string[]) => {
        if (this.pending?.id === id) {
          this.pending = null;
          this.onChange();
        }
        resolve(actions);
      };
      this.pending = { id, input, deadlineAt: Date.now() + input.deadlineMs, resolve: close };
      input.signal?.addEventListener('abort', () => close([]), { once: true });
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
