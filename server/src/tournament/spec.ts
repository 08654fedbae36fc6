/**
 * Tournament files (YAML or JSON), validated with zod into a resolved spec: the game and its
 * parsed parameters, the participants with sweeps expanded, the format, seeds and rating options.
 * Every error names the file and the field. See `examples/tournaments/` and the README.
 *
 * Budget sweeps enter one agent at several settings as separate participants. Each setting is
 * an `overrides` object, kept on the participant (for reports) and also appended to its agent
 * spec as a query string, `llm:gpt.yaml?reasoningEffort=high&maxTokens=4000`, which is how the
 * agent factory receives it through `createAgent(spec, gameId)`: the factory splits its argument
 * at the first `?` and reads the pairs with URLSearchParams; dotted keys (`budget.tokens`) name
 * nested fields, and values that look like numbers or booleans are meant as such.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { agentKinds } from '@parley/agents';
import { findGame, listGames } from '@parley/games';
import { type RatingMethod, type Scalar, type ScoringSystem, tournamentFileSchema } from '@parley/protocol';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { PokerScale } from '../ratings/poker';
import { DEFAULT_SCORING } from '../ratings/scoring';
import { stateHash } from '../runtime/canonical';

type Parsed = z.output<typeof tournamentFileSchema>;
export type Format = Parsed['format'];
export type { Scalar };

export interface Participant {
  name: string;
  /** The spec `createAgent` gets: the one written, plus any overrides as a query string. */
  agent: string;
  /** The spec as written in the file. */
  base: string;
  overrides?: Record<string, Scalar>;
  /** Its own clocks, from the `clock.*` keys of its overrides or sweep (CLOCK_KEYS). */
  clock?: SeatClock;
  /** Set for participants expanded from a sweep: the entry's name and the setting's place. */
  sweep?: { group: string; index: number; label: string };
}

export interface ResolvedSpec extends Omit<Parsed, 'participants' | 'params' | 'ratings' | 'scoring'> {
  /** The scoring system, for games scored by centres; null for the others. */
  scoring?: ScoringSystem | null;
  params: unknown;
  /** Seats per match, from the game and its parameters. */
  seats: number;
  participants: Participant[];
  ratings: Omit<Parsed['ratings'], 'poker'> & { primary?: RatingMethod; poker: PokerScale | null };
}

export class SpecError extends Error {}

/** A seat's own clocks, ms: its order deadline and its time per round of press. */
export interface SeatClock {
  ordersMs?: number;
  pressMs?: number;
}

/**
 * Override and sweep keys that set the participant's clocks rather than its agent, so a sweep
 * can put time pressure on one model (`sweep: {clock.ordersMs: [5000, 60000]}`): they never
 * reach the agent spec, and the report's sweep shows the score per clock setting.
 */
export const CLOCK_KEYS: Readonly<Record<string, keyof SeatClock>> = { 'clock.ordersMs': 'ordersMs', 'clock.pressMs': 'pressMs' };
const CLOCK_MAX_MS = 3_600_000;

/** Reads and resolves a tournament file (`.json` as JSON, anything else as YAML). */
export function loadTournamentFile(path: string): ResolvedSpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new SpecError(`${path}: cannot read the tournament file`);
  }
  let raw: unknown;
  try {
    raw = extname(path) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new SpecError(`${path}: cannot parse: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (raw && typeof raw === 'object' && !('name' in raw)) raw = { name: basename(path, extname(path)), ...raw };
  return resolveSpec(raw, path);
}

/** Validates a tournament object (from a file or an HTTP request); `source` prefixes errors. */
export function resolveSpec(raw: unknown, source = 'tournament'): ResolvedSpec {
  const fail = (field: string, message: string): never => {
    throw new SpecError(`${source}: ${field ? `${field}: ` : ''}${message}`);
  };
  const parsed = tournamentFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SpecError(`${source}: ${issues.join('; ')}`);
  }
  const file = parsed.data;
  const game = findGame(file.game);
  if (!game)
    return fail(
      'game',
      `unknown game '${file.game}' (known: ${listGames()
        .map((g) => g.descriptor.id)
        .join(', ')})`,
    );
  const params = game.descriptor.parseParams(file.params);
  if (!params.ok) return fail('params', params.error.message);
  const seats = game.descriptor.numPlayers(params.params);

  const participants = file.participants.flatMap(expandParticipant);
  const kinds = agentKinds();
  const seen = new Set<string>();
  participants.forEach((p, i) => {
    if (seen.has(p.name)) fail(`participants.${i}`, `two participants are named '${p.name}'; give them distinct names`);
    seen.add(p.name);
    for (const [field, ms] of Object.entries(p.clock ?? {}))
      if (!Number.isInteger(ms) || ms < 1 || ms > CLOCK_MAX_MS)
        fail(`participants.${i}`, `clock.${field} must be a whole number of milliseconds from 1 to ${CLOCK_MAX_MS}`);
    const kind = p.base.split(':')[0] as string;
    if (!kinds.includes(kind)) fail(`participants.${i}.agent`, `unknown agent kind '${kind}' (known: ${kinds.join(', ')})`);
  });
  if (participants.length < 2) fail('participants', 'a tournament needs at least two participants');

  // Gauntlet lists may name a sweep entry, standing for all its settings.
  const expand = (names: string[], field: string) =>
    names.flatMap((n, i) => {
      if (seen.has(n)) return [n];
      const members = participants.filter((p) => p.sweep?.group === n).map((p) => p.name);
      return members.length > 0 ? members : fail(`${field}.${i}`, `no participant or sweep is named '${n}'`);
    });
  let format = file.format;
  if (format.type === 'gauntlet') {
    const challengers = expand(format.challengers, 'format.challengers');
    const field = format.field
      ? expand(format.field, 'format.field')
      : participants.map((p) => p.name).filter((n) => !challengers.includes(n));
    if (field.length === 0) fail('format.field', 'the gauntlet has no field to play against');
    if (field.some((n) => challengers.includes(n))) fail('format.field', 'a challenger cannot also be in the field');
    format = { ...format, challengers, field };
  }
  if (format.type === 'swiss') {
    if (seats !== 2) fail('format', `Swiss pairing is for two-seat games; ${file.game} here seats ${seats}`);
    if (file.duplicate && format.gamesPerPairing % 2 !== 0) fail('format.gamesPerPairing', 'duplicate play needs an even number');
  }
  if (file.duplicate && !file.rotateSeats) fail('duplicate', 'duplicate play needs rotateSeats: true');
  // Duplicate NLHE holds in every format: the engine names each draw by hand and card (chanceKey).

  const anchor = file.ratings.bradleyTerry?.anchor;
  if (anchor && 'participant' in anchor && !seen.has(anchor.participant))
    fail('ratings.bradleyTerry.anchor.participant', `no participant is named '${anchor.participant}'`);
  const poker = file.ratings.poker ?? game.descriptor.supports?.chipScale?.(params.params) ?? null;
  if (file.ratings.primary === 'mbb' && !poker) fail('ratings.primary', `mbb needs ratings.poker (bigBlind) for ${file.game}`);

  const scored = game.standing !== undefined;
  if (file.scoring && !scored) fail('scoring', `${file.game} is not scored by centres; scoring applies to games that are`);
  const scoring = scored ? (file.scoring ?? DEFAULT_SCORING) : null;

  return { ...file, format, params: params.params, seats, participants, ratings: { ...file.ratings, poker }, scoring };
}

/** The agent's overrides and the seat's clocks (CLOCK_KEYS) of one setting. */
function splitClock(values: Record<string, Scalar> | undefined): { agent?: Record<string, Scalar>; clock?: SeatClock } {
  if (!values) return {};
  const agent: Record<string, Scalar> = Object.create(null);
  const clock: SeatClock = Object.create(null);
  for (const [k, v] of Object.entries(values)) {
    const field = CLOCK_KEYS[k];
    if (field) clock[field] = typeof v === 'number' ? v : Number.NaN;
    else agent[k] = v;
  }
  return { agent, ...(Object.keys(clock).length > 0 && { clock: { ...clock } }) };
}

function expandParticipant(entry: Parsed['participants'][number]): Participant[] {
  const p = typeof entry === 'string' ? { agent: entry } : entry;
  const name = p.name ?? p.agent;
  if (!p.sweep) {
    const { agent, clock } = splitClock(p.overrides);
    return [
      {
        name,
        agent: withOverrides(p.agent, agent),
        base: p.agent,
        ...(p.overrides && { overrides: p.overrides }),
        ...(clock && { clock }),
      },
    ];
  }
  const settings = Array.isArray(p.sweep) ? p.sweep : cartesian(p.sweep);
  return settings.map((setting, index) => {
    const merged = { ...p.overrides, ...setting };
    const label = Object.entries(setting)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    const { agent, clock } = splitClock(merged);
    return {
      name: `${name}@${label}`,
      agent: withOverrides(p.agent, agent),
      base: p.agent,
      overrides: merged,
      ...(clock && { clock }),
      sweep: { group: name, index, label },
    };
  });
}

function cartesian(axes: Record<string, Scalar[]>): Record<string, Scalar>[] {
  return Object.entries(axes).reduce<Record<string, Scalar>[]>(
    (acc, [k, values]) => acc.flatMap((partial) => values.map((v) => ({ ...partial, [k]: v }))),
    [{}],
  );
}

/** `llm:x.yaml` + {maxTokens: 4000} → `llm:x.yaml?maxTokens=4000`; a spec without an argument gets `kind:?…`. */
export function withOverrides(agent: string, values: Record<string, Scalar> | undefined): string {
  if (!values || Object.keys(values).length === 0) return agent;
  const query = new URLSearchParams(Object.entries(values).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return `${agent}${agent.includes(':') ? '' : ':'}${agent.includes('?') ? '&' : '?'}${query}`;
}

/** What identifies a tournament's matches: results stored under one fingerprint belong to it. */
export function fingerprint(spec: ResolvedSpec): string {
  const { game, params, seed, format, rotateSeats, duplicate, deadlineMs, maxActions, pressRounds } = spec;
  // Clocks join the fingerprint only when set, so tournaments from before them keep theirs.
  const participants = spec.participants.map(({ name, agent, clock }) => ({ name, agent, ...(clock && { clock }) }));
  return stateHash({
    game,
    params,
    seed,
    format,
    rotateSeats,
    duplicate,
    deadlineMs,
    maxActions,
    pressRounds,
    participants,
    ...(spec.pressDeadlineMs !== undefined && { pressDeadlineMs: spec.pressDeadlineMs }),
  }).slice(0, 16);
}
