/**
 * Saved games of the Python `diplomacy` package (and of the LLM self-play harnesses built on it,
 * whose phases carry extra fields such as summaries) read into Parley: every phase's orders are
 * replayed through Parley's engine, the position after each phase is compared with the next
 * phase's saved state, and the first disagreement stops the import, named: the phase, the unit or
 * centre, what the file says and what Parley got. A game that replays becomes a Parley match
 * record with its press (each message placed at the start of the phase it was sent in).
 *
 * The package's order text is Parley's (`A PAR - BUR`, `F NTH C A LON - NWY`, `A PAR R BUR`,
 * `WAIVE`). An order the engine refuses is played as the engine's default with the refusal
 * noted (as the runtime does with an illegal order); units left without orders get the rules'
 * defaults, as the package gives them. Saved games must start from the standard 1901 position.
 */
import { Diplomacy, findGame, type Game } from '@parley/games';
import { z } from 'zod';
import { stateHash } from '../runtime/canonical';
import type { ActionRecord, MatchRecord, MessageRecord } from '../runtime/record';
import { RECORD_FORMAT, RECORD_VERSION } from '../runtime/record';
import { StoreError } from './checks';
import { saveFinishedRecord } from './events';
import { phaseName } from './export-diplomacy';
import type { MatchStore } from './types';

const POWERS = Diplomacy.STANDARD_MAP.powers;
const byPower = <T extends z.ZodTypeAny>(v: T) => z.record(z.string().max(20), v);

const messageSchema = z
  .object({
    sender: z.string().max(40),
    recipient: z.string().max(40),
    phase: z.string().max(20).optional(),
    message: z.string().max(100_000),
    time_sent: z.union([z.number(), z.string()]).optional(),
  })
  .passthrough();

const phaseSchema = z
  .object({
    name: z.string().max(20),
    state: z
      .object({
        units: byPower(z.array(z.string().max(20)).max(40)),
        centers: byPower(z.array(z.string().max(10)).max(40)).optional(),
      })
      .passthrough(),
    orders: byPower(z.array(z.string().max(100)).max(60).nullable()).optional(),
    messages: z.array(messageSchema).max(100_000).optional(),
  })
  .passthrough();

const savedGameSchema = z
  .object({
    id: z.string().max(200).optional(),
    game_id: z.string().max(200).optional(),
    map: z.string().max(60).optional(),
    map_name: z.string().max(60).optional(),
    rules: z.array(z.string().max(60)).max(100).optional(),
    phases: z.array(phaseSchema).min(1).max(5000),
    messages: z.array(messageSchema).max(100_000).optional(),
  })
  .passthrough();

export interface ImportedGame {
  record: MatchRecord<Diplomacy.DiplomacyParams>;
  /** The saved game's own id, if it had one. */
  sourceId: string | null;
  phases: number;
  /** Orders Parley refused (played as the default), as `phase power: order (why)`. */
  refused: string[];
  /** Per-phase fields beyond the package's (the LLM harness variant), by name. */
  extraFields: string[];
}

const KNOWN_PHASE_FIELDS = new Set(['name', 'state', 'orders', 'results', 'messages']);

/** Units and centres of a position as the package writes them: `A PAR`, `*F NTH`, centres `PAR`. */
function snapshot(state: Diplomacy.DiplomacyState): { units: Map<string, string>; centres: Map<string, string> } {
  const units = new Map<string, string>();
  for (const u of state.units) units.set(`${u.type} ${u.province.toUpperCase()}`, u.power.toUpperCase());
  for (const u of state.dislodged) units.set(`*${u.type} ${u.province.toUpperCase()}`, u.power.toUpperCase());
  const centres = new Map(state.centres.map((c) => [c.province.toUpperCase(), c.power.toUpperCase()]));
  return { units, centres };
}

function savedSnapshot(state: z.infer<typeof phaseSchema>['state']) {
  const units = new Map<string, string>();
  for (const [power, list] of Object.entries(state.units))
    for (const u of list) units.set(u.trim().toUpperCase(), power.toUpperCase());
  const centres = new Map<string, string>();
  for (const [power, list] of Object.entries(state.centers ?? {}))
    for (const c of list) centres.set(c.toUpperCase(), power.toUpperCase());
  return { units, centres };
}

/** The first difference between a saved position and Parley's, in words; null if they agree. */
function compare(phase: string, saved: ReturnType<typeof savedSnapshot>, got: ReturnType<typeof snapshot>): string | null {
  for (const [unit, power] of saved.units) {
    const mine = got.units.get(unit);
    if (mine !== power) return `${phase}: ${unit}: expected ${power}'s unit, got ${mine ? `${mine}'s` : 'no unit there'}`;
  }
  for (const [unit, power] of got.units) if (!saved.units.has(unit)) return `${phase}: ${unit}: expected no unit, got ${power}'s`;
  for (const [centre, power] of saved.centres) {
    const mine = got.centres.get(centre);
    if (mine !== power) return `${phase}: centre ${centre}: expected ${power}, got ${mine ?? 'unowned'}`;
  }
  for (const [centre, power] of got.centres)
    if (!saved.centres.has(centre)) return `${phase}: centre ${centre}: expected unowned, got ${power}`;
  return null;
}

const seatOf = (name: string): number => POWERS.indexOf(name.toLowerCase() as Diplomacy.Power);

/** Reads a saved game (already parsed from JSON). Throws StoreError `import/…` on anything wrong. */
export function importSavedGame(raw: unknown): ImportedGame {
  const parsed = savedGameSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new StoreError('import/invalid', `not a diplomacy saved game: ${issue?.path.join('.') || 'file'}: ${issue?.message}`);
  }
  const saved = parsed.data;
  const map = saved.map ?? saved.map_name ?? 'standard';
  if (map !== 'standard')
    throw new StoreError('import/unsupported', `only the standard map is supported, not '${map.slice(0, 40)}'`);
  const game = findGame('diplomacy') as Game<Diplomacy.DiplomacyState, Diplomacy.DiplomacyParams>;
  const params: Diplomacy.DiplomacyParams = { lastYear: null };
  let state = game.newInitialState(params);
  const actions: ActionRecord[] = [];
  const messages: MessageRecord[] = [];
  const refused: string[] = [];
  const extra = new Set<string>();
  const phases = saved.phases;
  const looseMessages = saved.messages ?? [];

  const addMessages = (list: z.infer<typeof messageSchema>[], phase: string) => {
    for (const m of list) {
      const from = seatOf(m.sender);
      if (from < 0) continue; // SYSTEM notes are not press
      const to = m.recipient.toUpperCase() === 'GLOBAL' || m.recipient.toUpperCase() === 'ALL' ? 'all' : [seatOf(m.recipient)];
      if (to !== 'all' && to[0]! < 0)
        throw new StoreError('import/invalid', `${phase}: message to unknown recipient '${m.recipient.slice(0, 40)}'`);
      messages.push({ seq: actions.length, phase, from, to, text: m.message });
    }
  };

  for (let i = 0; i < phases.length; i++) {
    const p = phases[i]!;
    for (const k of Object.keys(p)) if (!KNOWN_PHASE_FIELDS.has(k)) extra.add(k);
    const last = i === phases.length - 1;
    const here = phaseName(state.phase);
    if (p.name === 'COMPLETED') {
      if (!last) throw new StoreError('import/disagreement', `COMPLETED is phase ${i + 1} of ${phases.length}, not the last`);
    } else if (p.name !== here) {
      throw new StoreError(
        'import/disagreement',
        `phase ${i + 1}: expected ${p.name}, Parley is at ${here}${state.outcome ? ' (game over)' : ''}`,
      );
    }
    const diff = compare(p.name, savedSnapshot(p.state), snapshot(state));
    if (diff) throw new StoreError('import/disagreement', diff);
    addMessages(p.messages ?? [], p.name);
    addMessages(
      looseMessages.filter((m) => m.phase === p.name),
      p.name,
    );
    if (last || p.name === 'COMPLETED' || state.outcome) break;

    const before = state;
    for (const [power, list] of Object.entries(p.orders ?? {})) {
      const seat = seatOf(power);
      if (seat < 0) throw new StoreError('import/invalid', `${p.name}: orders for unknown power '${power.slice(0, 40)}'`);
      for (const text of list ?? []) {
        if (state !== before && state.lastPhase !== before.lastPhase) break;
        const error = game.validateAction(state, seat, text);
        if (error === null) {
          state = game.applyAction(state, seat, text);
          actions.push({ seq: actions.length, actor: seat, action: text, ms: 0 });
        } else if (error.code !== 'action/not-acting' && error.code !== 'order/already-ordered') {
          refused.push(`${p.name} ${power}: ${text} (${error.message})`);
        }
      }
    }
    // Whatever is left unordered gets the rules' defaults, seat by seat, until the phase closes.
    while (state.lastPhase === before.lastPhase && !state.outcome) {
      const seat = game.actingSeats(state)[0];
      if (seat === undefined) break;
      const action = game.defaultAction(state, seat);
      state = game.applyAction(state, seat, action);
      actions.push({ seq: actions.length, actor: seat, action, ms: 0, fallback: 'missing' });
    }
  }

  const record: MatchRecord<Diplomacy.DiplomacyParams> = {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    game: 'diplomacy',
    params,
    seed: 0,
    seats: POWERS.map((p, seat) => ({ seat, agent: `imported:${p}` })),
    actions,
    messages,
    modelCalls: [],
    returns: [...game.returns(state)],
    finalStateHash: stateHash(state),
  };
  return { record, sourceId: saved.id ?? saved.game_id ?? null, phases: phases.length, refused, extraFields: [...extra].sort() };
}

/** Stores an imported game as a finished match under `id`; returns the id. */
export async function saveImported(store: MatchStore, imported: ImportedGame, id: string): Promise<string> {
  const settings = {
    imported: { format: 'diplomacy-saved-game', sourceId: imported.sourceId, extraFields: imported.extraFields },
  };
  await saveFinishedRecord(store, imported.record, { id, seatKind: () => 'external', settings, at: Date.now() });
  return id;
}
