/**
 * Replays in the browser: a finished match's stored actions re-applied with the engine. States
 * are computed on demand and cached (every state after `t` actions, once computed, is kept; the
 * engines share structure between successive states, so this is cheap), and the rest is filled in
 * the background in small slices so opening a long game is instant and stepping never waits.
 *
 * Stops are where stepping lands: for Diplomacy the start of each phase (its turn key changes),
 * for poker every player action, with a run of chance deals taken as one step.
 */
import { type Game, getGame } from '@parley/games';
import type { ActionRecord } from '@parley/protocol';

export class ReplayEngine {
  readonly game: Game<unknown, unknown>;
  readonly params: unknown;
  readonly actions: readonly ActionRecord[];
  private readonly states: unknown[] = [];
  /** Turn key per computed state (simultaneous games). */
  private readonly keys: string[] = [];
  /** Phase starts found so far (Diplomacy), ascending. */
  readonly phaseStarts: number[] = [0];
  error: { at: number; message: string } | null = null;

  constructor(gameId: string, params: unknown, actions: readonly ActionRecord[]) {
    this.game = getGame(gameId) as Game<unknown, unknown>;
    const parsed = this.game.descriptor.parseParams(params ?? {});
    if (!parsed.ok) throw new Error(`invalid parameters: ${parsed.error.message}`);
    this.params = parsed.params;
    this.actions = actions;
    const s0 = this.game.newInitialState(this.params);
    this.states.push(s0);
    if (this.game.turnKey) this.keys.push(this.game.turnKey(s0));
  }

  get length(): number {
    return this.actions.length;
  }

  /** How many states are cached (0..computed-1). */
  get computed(): number {
    return this.states.length;
  }

  get complete(): boolean {
    return this.states.length > this.actions.length || this.error !== null;
  }

  /** Last index reachable (the whole record, or up to a broken action). */
  get last(): number {
    return this.error ? this.error.at : this.actions.length;
  }

  private step(): boolean {
    const t = this.states.length - 1;
    if (t >= this.actions.length || this.error) return false;
    const a = this.actions[t]!;
    try {
      const next = this.game.applyAction(this.states[t], a.actor, a.action);
      this.states.push(next);
      if (this.game.turnKey) {
        const k = this.game.turnKey(next);
        if (k !== this.keys[t]) this.phaseStarts.push(t + 1);
        this.keys.push(k);
      }
      return true;
    } catch (e) {
      this.error = { at: t, message: `action ${t} (${a.action}) does not apply: ${e instanceof Error ? e.message : String(e)}` };
      return false;
    }
  }

  /** The state after `t` actions (clamped to what the record reaches). */
  stateAt(t: number): unknown {
    const target = Math.max(0, Math.min(t, this.actions.length));
    while (this.states.length - 1 < target && this.step()) {
      // computing forward
    }
    return this.states[Math.min(target, this.states.length - 1)];
  }

  /** Computes ahead for up to `budgetMs`; true when everything is computed. */
  advance(budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    let n = 0;
    while (this.step()) {
      if (++n % 16 === 0 && performance.now() > until) break;
    }
    return this.complete;
  }

  /** Computes until a phase start after `t` is known (or the record ends). */
  ensurePhaseAfter(t: number): void {
    while ((this.phaseStarts[this.phaseStarts.length - 1] ?? 0) <= t && this.step()) {
      // computing forward
    }
  }

  /** Where stepping lands, given what is computed so far. */
  stops(fine: boolean): number[] {
    const n = this.last;
    if (this.game.turnKey && !fine) {
      const list = this.phaseStarts.filter((t) => t <= n);
      if (list[list.length - 1] !== n) list.push(n);
      return list;
    }
    if (fine) return Array.from({ length: n + 1 }, (_, t) => t);
    const list = [0];
    for (let t = 1; t <= n; t++) {
      const prev = this.actions[t - 1]!;
      const next = this.actions[t];
      if (prev.actor !== 'chance' || !next || next.actor !== 'chance') list.push(t);
    }
    return list;
  }
}

/** The next stop after `t` (or `t` itself at the end). */
export function nextStop(stops: readonly number[], t: number): number {
  for (const s of stops) if (s > t) return s;
  return stops[stops.length - 1] ?? t;
}

export function prevStop(stops: readonly number[], t: number): number {
  for (let i = stops.length - 1; i >= 0; i--) if ((stops[i] as number) < t) return stops[i] as number;
  return stops[0] ?? 0;
}

/** The stop at or before `t`. */
export function stopAtOrBefore(stops: readonly number[], t: number): number {
  for (let i = stops.length - 1; i >= 0; i--) if ((stops[i] as number) <= t) return stops[i] as number;
  return 0;
}
