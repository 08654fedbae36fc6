/**
 * What an LLM agent remembers across one match, kept outside the model so that every field can be
 * put on the record and shown: a diary tagged by phase, yearly summaries the model writes of its
 * own diary (summarised, never cut), its goals, a relationship label per other power, and the
 * trust ledger (facts the engine establishes, ledger.ts).
 *
 * Size. The memory is shown in every prompt, so it has a token budget (`memory.tokens` in the
 * config, estimated at four characters a token). When a year is over its diary is summarised by a
 * model call; when the summaries together pass half the budget, the oldest two are merged by
 * another. A failed call changes nothing and is tried again at the next decision.
 */
import { Diplomacy } from '@parley/games';
import type { LedgerEvent } from './ledger';

export const RELATIONSHIPS = ['enemy', 'unfriendly', 'neutral', 'friendly', 'ally'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export interface DiaryEntry {
  /** `S1901M`. */
  readonly phase: string;
  readonly text: string;
}

export interface Summary {
  /** First and last year covered. */
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

export interface Memory {
  diary: DiaryEntry[];
  summaries: Summary[];
  goals: string[];
  /** Other powers by name (`FRANCE`) → the agent's own label. */
  relationships: Record<string, Relationship>;
  ledger: LedgerEvent[];
}

/** What a model may ask to change in one answer (all optional). */
export interface MemoryUpdate {
  readonly diary?: string;
  readonly goals?: readonly string[];
  readonly relationships?: Readonly<Record<string, Relationship>>;
}

export const emptyMemory = (): Memory => ({ diary: [], summaries: [], goals: [], relationships: {}, ledger: [] });

const DIARY_ENTRY_CHARS = 600;
const GOAL_CHARS = 200;
const MAX_GOALS = 5;

export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

/** Year of a phase code (`S1901M` → 1901), read with the engine's grammar, or null. */
export const yearOf = (phase: string): number | null => Diplomacy.parsePhaseCode(phase)?.year ?? null;

/** Applies a model's update in place; anything malformed in it is ignored, field by field. */
export function applyUpdate(memory: Memory, phase: string, update: MemoryUpdate | undefined, powers: readonly string[]): void {
  if (!update) return;
  const note = typeof update.diary === 'string' ? update.diary.trim().slice(0, DIARY_ENTRY_CHARS) : '';
  if (note) memory.diary.push({ phase, text: note });
  if (Array.isArray(update.goals)) {
    const goals = update.goals.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
    if (goals.length > 0) memory.goals = goals.slice(0, MAX_GOALS).map((g) => g.trim().slice(0, GOAL_CHARS));
  }
  if (update.relationships && typeof update.relationships === 'object') {
    for (const [name, label] of Object.entries(update.relationships)) {
      const power = name.trim().toUpperCase();
      if (powers.includes(power) && (RELATIONSHIPS as readonly string[]).includes(label)) memory.relationships[power] = label;
    }
  }
}

/** Reads the memory fields of a model's JSON answer, keeping only well-formed ones. */
export function updateFrom(answer: Record<string, unknown> | null | undefined): MemoryUpdate | undefined {
  if (!answer) return undefined;
  const out: { diary?: string; goals?: string[]; relationships?: Record<string, Relationship> } = {};
  const diary = answer.diary;
  if (typeof diary === 'string') out.diary = diary;
  else if (Array.isArray(diary)) out.diary = diary.filter((l) => typeof l === 'string').join('\n');
  if (Array.isArray(answer.goals)) out.goals = answer.goals.filter((g): g is string => typeof g === 'string');
  const rel = answer.relationships;
  if (rel && typeof rel === 'object' && !Array.isArray(rel)) {
    const labels: Record<string, Relationship> = Object.create(null);
    for (const [k, v] of Object.entries(rel))
      if (typeof v === 'string' && (RELATIONSHIPS as readonly string[]).includes(v.toLowerCase()))
        labels[k] = v.toLowerCase() as Relationship;
    out.relationships = labels;
  }
  return out.diary === undefined && out.goals === undefined && out.relationships === undefined ? undefined : out;
}

/** The next consolidation the memory needs before a decision in `phase`, if any. */
export type Consolidation =
  | { kind: 'year'; year: number; entries: DiaryEntry[] }
  | { kind: 'merge'; first: Summary; second: Summary };

export function nextConsolidation(memory: Memory, phase: string, tokens: number): Consolidation | null {
  const year = yearOf(phase);
  if (year !== null) {
    const past = memory.diary.filter((e) => (yearOf(e.phase) ?? year) < year);
    if (past.length > 0) {
      const first = yearOf(past[0]!.phase)!;
      return { kind: 'year', year: first, entries: past.filter((e) => yearOf(e.phase) === first) };
    }
  }
  const summaryTokens = memory.summaries.reduce((n, s) => n + estimateTokens(s.text), 0);
  if (memory.summaries.length >= 2 && summaryTokens > tokens / 2)
    return { kind: 'merge', first: memory.summaries[0]!, second: memory.summaries[1]! };
  return null;
}

/** Puts a consolidation's summary in place of what it summarised. */
export function applyConsolidation(memory: Memory, c: Consolidation, text: string): void {
  if (c.kind === 'year') {
    memory.diary = memory.diary.filter((e) => !c.entries.includes(e));
    memory.summaries.push({ from: c.year, to: c.year, text });
    memory.summaries.sort((a, b) => a.from - b.from);
  } else {
    memory.summaries = [{ from: c.first.from, to: c.second.to, text }, ...memory.summaries.slice(2)];
  }
}

/** The request for a consolidation, in words a model can follow. */
export function consolidationPrompt(c: Consolidation, power: string, tokens: number): string {
  const words = Math.max(40, Math.floor((tokens / 4) * 0.75));
  const body =
    c.kind === 'year'
      ? [`Your diary entries of ${c.year}:`, ...c.entries.map((e) => `  [${e.phase}] ${e.text}`)]
      : [`Your summary of ${span(c.first)}: ${c.first.text}`, `Your summary of ${span(c.second)}: ${c.second.text}`];
  return [
    `You are ${power}. Consolidate your notes so you can keep them for the rest of the game.`,
    ...body,
    `Write one summary of at most ${words} words that keeps what matters for later: who helped or betrayed you, deals still in force, plans and lessons. End with one JSON object: {"summary": "..."}`,
  ].join('\n');
}

const span = (s: Summary) => (s.from === s.to ? String(s.from) : `${s.from}–${s.to}`);

/** The memory as prompt text: summaries, this year's diary, goals and relationships. */
export function memoryText(memory: Memory): string {
  const lines: string[] = [];
  if (memory.summaries.length > 0) {
    lines.push('Your summaries of earlier years:');
    for (const s of memory.summaries) lines.push(`  ${span(s)}: ${s.text}`);
  }
  lines.push(memory.diary.length > 0 ? 'Your diary (notes you wrote):' : 'Your diary: (empty)');
  for (const e of memory.diary) lines.push(`  [${e.phase}] ${e.text}`);
  lines.push(memory.goals.length > 0 ? `Your goals: ${memory.goals.join('; ')}` : 'Your goals: (none set)');
  const rel = Object.entries(memory.relationships);
  lines.push(
    rel.length > 0
      ? `How you see the others: ${rel.map(([p, r]) => `${p} ${r}`).join(', ')}`
      : 'How you see the others: (not set)',
  );
  return lines.join('\n');
}

/**
 * The notes of a memory read back from a record (a fork's prefix, an imported match): only
 * well-formed fields are kept, so a damaged record gives a smaller memory, never a broken prompt.
 * The ledger is left empty: it is rebuilt from what the seat saw (ledger.ts), not taken on trust.
 */
export function notesFrom(value: unknown): Memory {
  const memory = emptyMemory();
  if (!value || typeof value !== 'object') return memory;
  const v = value as Record<string, unknown>;
  const text = (x: unknown): x is string => typeof x === 'string';
  const items = (x: unknown): Record<string, unknown>[] =>
    Array.isArray(x) ? x.filter((e): e is Record<string, unknown> => !!e && typeof e === 'object') : [];
  memory.diary = items(v.diary).flatMap((e) => (text(e.phase) && text(e.text) ? [{ phase: e.phase, text: e.text }] : []));
  memory.summaries = items(v.summaries).flatMap((s) =>
    typeof s.from === 'number' && typeof s.to === 'number' && text(s.text) ? [{ from: s.from, to: s.to, text: s.text }] : [],
  );
  memory.goals = Array.isArray(v.goals) ? v.goals.filter(text) : [];
  if (v.relationships && typeof v.relationships === 'object')
    for (const [power, label] of Object.entries(v.relationships))
      if (/^[A-Z]+$/.test(power) && (RELATIONSHIPS as readonly unknown[]).includes(label)) memory.relationships[power] = label;
  return memory;
}

/** A copy for the record, so later changes do not reach what was recorded. */
export const snapshot = (memory: Memory): Memory => structuredClone(memory);
