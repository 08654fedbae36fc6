/**
 * A Diplomacy match as the saved-game JSON of the Python `diplomacy` package (the shape its
 * `to_saved_game_format` writes and `is_valid_saved_game` reads): `{id, map, rules, phases}`,
 * each phase `{name, state, orders, results, messages}` with powers and provinces upper case
 * (`FRANCE`, `A PAR`, `F STP/SC`) and dislodged units starred in `units` (`*A PAR`).
 *
 * The stored actions are replayed through the engine (one action is one order of the power
 * seated there, seats being the powers in alphabetical order); each time a phase closes, the
 * position it started from, the orders given and the engine's results make one phase entry.
 * What the package has and Parley does not is rebuilt as the package defines it (`zobrist_hash`,
 * see zobrist-diplomacy.ts; `influence`: the provinces a power last occupied, plus the centres
 * it owns). Results are labelled as the package labels them (diplomacy-result-labels.ts).
 */
import { Diplomacy, findGame, type Game, supportsOf } from '@parley/games';
import type { ActionRecord, MessageRecord } from '../runtime/record';
import { StoreError } from './checks';
import { packageResults } from './diplomacy-result-labels';
import { actionsAndMessagesOf } from './events';
import type { MatchWithEvents } from './types';
import { zobristHash } from './zobrist-diplomacy';

type ByPower<T> = Record<string, T>;
type Position = Diplomacy.Turn;

export interface SavedGamePhase {
  name: string;
  state: Record<string, unknown>;
  orders: ByPower<string[]>;
  results: Record<string, string[]>;
  messages: { sender: string; recipient: string; time_sent: number; phase: string; message: string }[];
}

export interface SavedGame {
  id: string;
  map: 'standard';
  rules: string[];
  phases: SavedGamePhase[];
}

/** One phase played: where it started, the orders given, and what the rules made of them. */
export interface PlayedPhase {
  position: Position;
  orders: Diplomacy.SubmittedOrder[];
  /** One per order given, then the disbands the rules made (no retreat, civil disorder). */
  results: Diplomacy.OrderResult[];
  /** Index of the first action of this phase in the record. */
  firstAction: number;
}

const POWERS = Diplomacy.STANDARD_MAP.powers;
const upper = (power: string) => power.toUpperCase();
const unitText = (u: Pick<Diplomacy.Unit, 'type' | 'province'>) => `${u.type} ${u.province.toUpperCase()}`;

/** `S1901M`, `F1901R`, `W1901A`: the package's short phase names. */
/** The phase code in the engine's grammar (games/src/diplomacy/phase-code.ts). */
export const phaseName = (p: Diplomacy.Phase): string => Diplomacy.formatPhaseCode(p);

const positionOf = (s: Diplomacy.DiplomacyState): Position => ({
  phase: s.phase,
  units: s.units,
  dislodged: s.dislodged,
  centres: s.centres,
});

/** Replays the actions through the engine, cutting them into phases. */
export function replayPhases(
  game: Game<Diplomacy.DiplomacyState, Diplomacy.DiplomacyParams>,
  params: Diplomacy.DiplomacyParams,
  actions: readonly Pick<ActionRecord, 'actor' | 'action'>[],
): { played: PlayedPhase[]; last: OpenPhase; completed: boolean } {
  let state = game.newInitialState(params);
  const played: PlayedPhase[] = [];
  let current: PlayedPhase = { position: positionOf(state), orders: [], results: [], firstAction: 0 };
  actions.forEach(({ actor, action }, i) => {
    const error = game.validateAction(state, actor, action);
    if (error) throw new StoreError('export/malformed', `action ${i} '${action}' by ${actor}: ${error.code}: ${error.message}`);
    const next = game.applyAction(state, actor, action);
    if (action !== 'VOTE DRAW') current.orders.push({ power: POWERS[actor as number]!, text: action });
    if (next.lastPhase !== state.lastPhase) {
      played.push({ ...current, results: next.lastPhase?.orders ?? [] });
      current = { position: positionOf(next), orders: [], results: [], firstAction: i + 1 };
    }
    state = next;
  });
  return { played, last: { position: current.position, firstAction: current.firstAction }, completed: game.isTerminal(state) };
}

/** The phase the game stands in (or ended in): its position, and where its actions begin. */
export type OpenPhase = Pick<PlayedPhase, 'position' | 'firstAction'>;

export interface SavedGameOptions {
  id: string;
  /** The game is over: the last phase is named COMPLETED. */
  completed: boolean;
  /** Press, with when it was sent (ms since the epoch); `seq` places it among the actions. */
  messages?: readonly (MessageRecord & { at: number })[];
}

export function savedGame(played: readonly PlayedPhase[], last: OpenPhase, options: SavedGameOptions): SavedGame {
  const messages = options.messages ?? [];
  const rules = messages.length > 0 ? ['POWER_CHOICE'] : ['NO_PRESS', 'POWER_CHOICE'];
  const influence = new Map<string, string>(); // province → power
  const stateOf = (position: Position, name: string) => {
    for (const c of position.centres) if (!influence.has(c.province)) influence.set(c.province, c.power);
    for (const u of [...position.units, ...position.dislodged]) influence.set(u.province.slice(0, 3), u.power);
    return { ...phaseState(position, name, influence), game_id: options.id, map: 'standard', rules };
  };
  const phases: SavedGamePhase[] = played.map((p, i) => {
    const name = phaseName(p.position.phase);
    return {
      name,
      state: stateOf(p.position, name),
      orders: ordersOf(p.orders),
      results: packageResults(played, i),
      messages: [],
    };
  });
  const lastName = options.completed ? 'COMPLETED' : phaseName(last.position.phase);
  phases.push({ name: lastName, state: stateOf(last.position, lastName), orders: ordersOf([]), results: {}, messages: [] });
  const starts = [...played, last].map((p) => p.firstAction);
  let time = 0;
  for (const m of messages) {
    // The phase under way when it was sent: the last to begin at or before action `seq`.
    const phase =
      phases[
        Math.max(
          0,
          starts.findLastIndex((start) => start <= m.seq),
        )
      ]!;
    time = Math.max(time + 1, Math.round(m.at * 1000)); // microseconds, strictly increasing
    const recipients = m.to === 'all' ? ['GLOBAL'] : m.to.map((s) => upper(POWERS[s] ?? `seat${s}`));
    for (const recipient of recipients)
      phase.messages.push({
        sender: upper(POWERS[m.from] ?? `seat${m.from}`),
        recipient,
        time_sent: time,
        phase: phase.name,
        message: m.text,
      });
  }
  return { id: options.id, map: 'standard', rules, phases };
}

function phaseState(position: Position, name: string, influence: Map<string, string>): Record<string, unknown> {
  const deltas =
    position.phase.type === 'adjustment' ? Diplomacy.adjustmentDeltas(position.units, position.centres) : POWERS.map(() => 0);
  const occupied = new Set(position.units.map((u) => u.province.slice(0, 3)));
  const state = {
    name,
    zobrist_hash: zobristHash(position),
    note: '',
    units: {} as ByPower<string[]>,
    retreats: {} as ByPower<Record<string, string[]>>,
    centers: {} as ByPower<string[]>,
    homes: {} as ByPower<string[]>,
    influence: {} as ByPower<string[]>,
    civil_disorder: {} as ByPower<number>,
    builds: {} as ByPower<{ count: number; homes: string[] }>,
  };
  POWERS.forEach((power, i) => {
    const P = upper(power);
    const owned = position.centres.filter((c) => c.power === power).map((c) => c.province);
    const homes = Diplomacy.STANDARD_MAP.provinces.filter((p) => p.home === power).map((p) => p.id);
    const dislodged = position.dislodged.filter((u) => u.power === power);
    state.units[P] = [
      ...position.units.filter((u) => u.power === power).map(unitText),
      ...dislodged.map((u) => `*${unitText(u)}`),
    ];
    state.retreats[P] = Object.fromEntries(dislodged.map((u) => [unitText(u), u.retreats.map((r) => r.toUpperCase())]));
    state.centers[P] = owned.map((p) => p.toUpperCase());
    state.homes[P] = homes.map((p) => p.toUpperCase());
    state.influence[P] = [...influence].filter(([, who]) => who === power).map(([p]) => p.toUpperCase());
    state.civil_disorder[P] = 0;
    const count = deltas[i]!;
    const sites = count > 0 ? homes.filter((h) => owned.includes(h) && !occupied.has(h)).map((h) => h.toUpperCase()) : [];
    state.builds[P] = { count, homes: sites };
  });
  return state;
}

function ordersOf(orders: readonly Diplomacy.SubmittedOrder[]): ByPower<string[]> {
  const out: ByPower<string[]> = Object.fromEntries(POWERS.map((p) => [upper(p), [] as string[]]));
  for (const o of orders) {
    const parsed = Diplomacy.parseOrder(o.text);
    if (parsed.ok && parsed.order.kind !== 'vote-draw') out[upper(o.power)]?.push(Diplomacy.formatOrder(parsed.order));
  }
  return out;
}

/** The saved game of a stored Diplomacy match, finished or still running. */
export function exportDiplomacy(match: MatchWithEvents): SavedGame {
  const game = findGame(match.game) as Game<Diplomacy.DiplomacyState, Diplomacy.DiplomacyParams> | undefined;
  if (!game || !supportsOf(game).exports.includes('diplomacy'))
    throw new StoreError('export/unsupported', `${match.game} has no Diplomacy saved-game export`);
  const parsed = game.descriptor.parseParams(match.params);
  if (!parsed.ok) throw new StoreError('export/malformed', `bad params: ${parsed.error.message}`);
  const { actions, messages } = actionsAndMessagesOf(match);
  const { played, last, completed } = replayPhases(game, parsed.params, actions);
  return savedGame(played, last, { id: match.id, completed, messages });
}
