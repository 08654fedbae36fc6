/**
 * A match's actions as they are played, kept in columns (who acted, what, in how many ms) and
 * made into `ActionRecord`s when the record is built. A record object per action, pushed onto a
 * list that has lived long enough to be in the old generation, is the dearest thing a bot match
 * did for its record: every push crossed the collector's write barrier and every young
 * collection copied the new records. The columns hold small integers and the engine's own
 * (shared) action texts, which cost the collector next to nothing.
 */
import type { Actor } from '@parley/games';
import type { Substitution } from './ask-agent';
import type { ActionRecord } from './record';

export class ActionLog {
  /** A resumed match's stored prefix, kept as it was given. */
  private readonly stored: readonly ActionRecord[];
  private readonly actors: Actor[] = [];
  private readonly texts: string[] = [];
  private readonly times: number[] = [];
  /** The few actions the runtime substituted, by their place in the columns. */
  private substitutions: Map<number, Substitution> | undefined;

  constructor(stored: readonly ActionRecord[] = []) {
    this.stored = stored;
  }

  /** How many actions were played: the next one's `seq`. */
  get length(): number {
    return this.stored.length + this.texts.length;
  }

  /** Adds an action; returns its `seq`. */
  push(actor: Actor, action: string, ms: number, substitution?: Substitution): number {
    const k = this.texts.length;
    this.actors.push(actor);
    this.texts.push(action);
    this.times.push(ms);
    if (substitution) {
      this.substitutions ??= new Map();
      this.substitutions.set(k, substitution);
    }
    return this.stored.length + k;
  }

  /** The record of action `seq`, which must be past the stored prefix. */
  record(seq: number): ActionRecord {
    const k = seq - this.stored.length;
    const record: ActionRecord = {
      seq,
      actor: this.actors[k] as Actor,
      action: this.texts[k] as string,
      ms: this.times[k] as number,
    };
    const substitution = this.substitutions?.get(k);
    return substitution ? { ...record, ...substitution } : record;
  }

  /** Every action's record, in order. */
  records(): ActionRecord[] {
    const out = this.stored.slice();
    for (let seq = out.length; seq < this.length; seq++) out.push(this.record(seq));
    return out;
  }
}
