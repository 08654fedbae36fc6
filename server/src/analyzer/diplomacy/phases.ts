/**
 * The shared ground of the Diplomacy measures: a match record replayed through the engine into
 * its movement phases, each with the board it started from and every order with the engine's
 * result. What powers did to each other in a phase (attacks, supports, commitments kept) is
 * defined once, by the engine's relations (`Diplomacy.attacks` and its neighbours), which agents
 * read too.
 */
import { Diplomacy, diplomacy } from '@parley/games';
import type { MatchRecord } from '../../runtime/record';

export const { attacks, orderFor, powerNamed, provinceOf, territory } = Diplomacy;

export type Power = Diplomacy.Power;
export const POWERS: readonly Power[] = Diplomacy.STANDARD_MAP.powers;

export type PhaseOrder = Diplomacy.PhaseOrder;

export interface MovementPhase extends Diplomacy.PhaseOrders {
  /** Position among the match's movement phases, from 0. */
  index: number;
  /** Actions applied before the phase opened, and before it closed (message `seq`s fall in between). */
  startSeq: number;
  endSeq: number;
}
/** The phase code in the engine's grammar (`S1901M`). */
export const phaseCode = (p: Diplomacy.Phase): string => Diplomacy.formatPhaseCode(p);

/** The turn under way before each action (index = the action's `seq`; one more for the end). */
export function turnsBySeq(record: MatchRecord): string[] {
  const parsed = diplomacy.descriptor.parseParams(record.params);
  if (!parsed.ok) throw new Error(`bad params: ${parsed.error.message}`);
  let state = diplomacy.newInitialState(parsed.params);
  const turns = [diplomacy.turnKey!(state)];
  for (const { actor, action } of record.actions) {
    state = diplomacy.applyAction(state, actor, action);
    turns.push(diplomacy.turnKey!(state));
  }
  return turns;
}

/** Replays the record (every action validated) and returns its movement phases in order. */
export function movementPhases(record: MatchRecord): MovementPhase[] {
  if (record.game !== 'diplomacy') throw new Error(`not a Diplomacy record (game '${record.game}')`);
  const parsed = diplomacy.descriptor.parseParams(record.params);
  if (!parsed.ok) throw new Error(`bad params: ${parsed.error.message}`);
  let state: Diplomacy.DiplomacyState = diplomacy.newInitialState(parsed.params);
  let start = { state, seq: 0 };
  const out: MovementPhase[] = [];
  record.actions.forEach(({ seq, actor, action }, i) => {
    const error = diplomacy.validateAction(state, actor, action);
    if (error) throw new Error(`action ${seq} '${action}' by ${actor}: ${error.code}: ${error.message}`);
    state = diplomacy.applyAction(state, actor, action);
    if (state.lastPhase === start.state.lastPhase) return;
    const opened = start.state;
    if (opened.phase.type === 'movement') {
      const orders = Diplomacy.phaseOrders(phaseCode(opened.phase), opened.units, opened.centres, state.lastPhase!.orders);
      out.push({ ...orders, index: out.length, startSeq: start.seq, endSeq: i + 1 });
    }
    start = { state, seq: i + 1 };
  });
  return out;
}

/** Adds counts field by field: per-power tallies summed per agent name. */
export function byAgent<T extends Record<string, number>>(
  record: MatchRecord,
  perPower: Record<Power, T>,
  zero: () => T,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const { seat, agent } of record.seats) {
    const from = perPower[POWERS[seat]!];
    out[agent] ??= zero();
    const into = out[agent];
    for (const k of Object.keys(from) as (keyof T)[]) (into[k] as number) += from[k] as number;
  }
  return out;
}

export const perPowerOf = <T>(make: () => T): Record<Power, T> =>
  Object.fromEntries(POWERS.map((p) => [p, make()])) as Record<Power, T>;
