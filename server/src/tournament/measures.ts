/**
 * Per-model measures in a tournament: the Diplomacy analyzer's measures (first-try invalid
 * answers, re-asks, fallbacks by cause, press sent and answered, promises kept, centres per year,
 * tokens and cost per phase; analyzer/diplomacy/model-measures.ts) of each match, kept on its
 * result line, and pooled per participant (agent-measures.ts) for the report and per setting of
 * a sweep. This file only names the seats and renders the table; the measures are the analyzer's.
 *
 * Participants are told apart by their tournament name, not by the agent's own name: two
 * settings of one model in a sweep share an agent name but are different participants.
 */
import { diplomacy } from '@parley/games';
import { analyzeDiplomacyMatch } from '../analyzer/diplomacy';
import { type AgentMeasures, agentMeasures, type MeasuredMatch, measuredMatch } from '../analyzer/diplomacy/agent-measures';
import type { MatchRecord } from '../runtime/record';

export type { AgentMeasures, MeasuredMatch };

/** Whether the analyzer reads this game's records (it is written for the Diplomacy engine). */
export const measurable = (game: string) => game === diplomacy.descriptor.id;

/**
 * One played match's measures by participant name (`seats[i]` plays seat i); undefined for a game
 * the analyzer does not read, or a record it cannot replay (the match's result stands without them).
 */
export function matchMeasures(record: MatchRecord, seats: readonly string[]): MeasuredMatch | undefined {
  if (!measurable(record.game)) return undefined;
  try {
    const named = { ...record, seats: record.seats.map((s) => ({ ...s, agent: seats[s.seat] ?? s.agent })) };
    return measuredMatch(analyzeDiplomacyMatch(named));
  } catch {
    return undefined;
  }
}

/** Pooled measures of the named participants, in the order given; those never measured are left out. */
export function participantMeasures(names: readonly string[], results: readonly { measures?: MeasuredMatch }[]): AgentMeasures[] {
  const pooled = new Map(agentMeasures(results.flatMap((r) => (r.measures ? [r.measures] : []))).map((m) => [m.agent, m]));
  return names.flatMap((name) => {
    const m = pooled.get(name);
    return m ? [m] : [];
  });
}

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
const fixed = (x: number | null, d: number) => (x === null ? '–' : x.toFixed(d));
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** Columns of the Markdown table: heading and cell. */
const COLUMNS: [string, (m: AgentMeasures) => string][] = [
  ['matches', (m) => String(m.matches)],
  ['decisions', (m) => String(m.decisions)],
  ['first-try invalid', (m) => pct(m.firstTryInvalid)],
  ['re-asks per decision', (m) => fixed(m.reasksPerDecision, 2)],
  [
    'fallbacks timeout / illegal / error / missing',
    ({ fallbacks: f }) => `${f.timeout} / ${f.illegal} / ${f.error} / ${f.missing}`,
  ],
  ['press sent', (m) => String(m.pressSent)],
  ['press answered', (m) => pct(m.pressAnswered)],
  ['promises kept', (m) => pct(m.promisesKept)],
  ['judged kept', (m) => pct(m.judgedPromisesKept)],
  ['centres per year', (m) => fixed(m.centresPerYear, 2)],
  ['tokens per phase', (m) => m.tokensPerPhase.toFixed(0)],
  ['cost per phase (USD)', (m) => m.costPerPhase.toFixed(5)],
];

/** The per-model table in Markdown, one row per participant (or per setting of a sweep). */
export function measuresTable(rows: readonly AgentMeasures[], head = 'participant'): string[] {
  return [
    `| ${head} | ${COLUMNS.map(([head]) => head).join(' | ')} |`,
    `|---|${COLUMNS.map(() => '---:').join('|')}|`,
    ...rows.map((m) => `| ${cell(m.agent)} | ${COLUMNS.map(([, value]) => value(m)).join(' | ')} |`),
  ];
}
