/**
 * The analyzer's outputs, as JSON lines: `parley solve` prints one checkpoint per line
 * (`iteration`, `exploitability`, `nashConv`, `value`, `algorithm`), and `parley analyze
 * diplomacy` one analysis per match record (supports, alliances, betrayals, commitments).
 * Parsing is shared by the server page (files in a directory) and the browser (an opened file).
 */

export interface SolvePoint {
  algorithm: string;
  iteration: number;
  exploitability: number;
  nashConv: number;
  value: number;
  seconds?: number;
}

export interface PromiseRates {
  kept: number;
  broken: number;
  notCheckable: number;
  keptRate: number | null;
}

export interface DiplomacyAnalysis {
  game: 'diplomacy';
  seed: number;
  seats: { seat: number; power: string; agent: string; return: number | null }[];
  movementPhases: number;
  supports: { matrix: number[][]; perAgent: Record<string, { given: number; received: number }> };
  alliances: { window: number; phases: { phase: string; pairs: [string, string][] }[]; pairs: Record<string, number> };
  betrayals: { within: number; events: unknown[]; perAgent: Record<string, { betrayals: number; betrayed: number }> };
  commitments: { perPower: Record<string, PromiseRates>; perAgent: Record<string, PromiseRates> };
  /** Promises in free text, once a judge has run (GET /api/matches/:id/analysis). */
  freeText?: { judge: { provider: string; model: string }; promises: Omit<JudgedPromiseRow, 'agent' | 'matchId'>[] };
}

export interface AnalysisFile {
  file: string;
  kind: 'solve' | 'diplomacy' | 'unknown';
  solve: SolvePoint[];
  diplomacy: DiplomacyAnalysis[];
  /** Lines that were not JSON or carried an error. */
  skipped: number;
}

export function parseAnalysis(file: string, text: string): AnalysisFile {
  const out: AnalysisFile = { file, kind: 'unknown', solve: [], diplomacy: [], skipped: 0 };
  const trimmed = text.trim();
  // A whole-file JSON array is accepted too.
  let items: unknown[];
  if (trimmed.startsWith('[')) {
    try {
      items = JSON.parse(trimmed) as unknown[];
    } catch {
      items = [];
      out.skipped++;
    }
  } else {
    items = [];
    for (const line of trimmed.split('\n')) {
      if (!line.trim()) continue;
      try {
        items.push(JSON.parse(line));
      } catch {
        out.skipped++;
      }
    }
  }
  for (const item of items) {
    const o = item as Record<string, unknown>;
    if (o && typeof o.iteration === 'number' && typeof o.exploitability === 'number') {
      out.solve.push({
        algorithm: typeof o.algorithm === 'string' ? o.algorithm : 'solver',
        iteration: o.iteration,
        exploitability: o.exploitability,
        nashConv: typeof o.nashConv === 'number' ? o.nashConv : 2 * o.exploitability,
        value: typeof o.value === 'number' ? o.value : Number.NaN,
        seconds: typeof o.seconds === 'number' ? o.seconds : undefined,
      });
    } else if (o && o.game === 'diplomacy' && o.alliances && o.commitments) {
      out.diplomacy.push(o as unknown as DiplomacyAnalysis);
    } else out.skipped++;
  }
  out.kind = out.solve.length > 0 ? 'solve' : out.diplomacy.length > 0 ? 'diplomacy' : 'unknown';
  return out;
}

/** Kept / (kept + broken) per name, summed over analyses. */
export function promiseRates(list: readonly DiplomacyAnalysis[], by: 'perAgent' | 'perPower'): Map<string, PromiseRates> {
  const sums = new Map<string, PromiseRates>();
  for (const a of list)
    for (const [name, r] of Object.entries(a.commitments[by] ?? {})) {
      const s = sums.get(name) ?? { kept: 0, broken: 0, notCheckable: 0, keptRate: null };
      s.kept += r.kept;
      s.broken += r.broken;
      s.notCheckable += r.notCheckable;
      sums.set(name, s);
    }
  for (const s of sums.values()) s.keptRate = s.kept + s.broken > 0 ? s.kept / (s.kept + s.broken) : null;
  return sums;
}

/** Counts of one agent's measures pooled over recent arena matches (GET /api/measures/diplomacy). */
type PooledCounts = 'matches' | 'judgedMatches' | 'decisions' | 'pressSent' | 'pressReceived' | 'lies' | 'changesOfPlan';
/** Its rates, null with nothing under them. */
type PooledRates =
  | 'firstTryInvalid'
  | 'reasksPerDecision'
  | 'pressAnswered'
  | 'promisesKept'
  | 'judgedPromisesKept'
  | 'centresPerYear';

export type PooledModelMeasures = {
  agent: string;
  fallbacks: Record<'timeout' | 'illegal' | 'error' | 'missing', number>;
} & Record<PooledCounts | 'tokensPerPhase' | 'costPerPhase', number> &
  Record<PooledRates, number | null> & {
    /** Prompt sizes per phase and purpose, in provider-counted tokens. */
    promptTokens?: { phase: string; purpose: string; calls: number; meanTokensIn: number; maxTokensIn: number }[];
  };

/** A promise made in free text, as the judge read it and the engine checked it. */
export interface JudgedPromiseRow {
  agent: string;
  matchId: string | null;
  sentIn: string;
  checkedIn: string | null;
  from: string;
  text: string;
  verdict: 'kept' | 'broken' | 'not-checkable';
  reason: string;
  intent?: 'lie' | 'change-of-plan' | 'unclear';
  intentReason?: string;
}

/** A match's judged promises, each with the agent of the power that made it. */
export function judgedRows(a: DiplomacyAnalysis): JudgedPromiseRow[] {
  return (a.freeText?.promises ?? []).map((p) => ({
    ...p,
    agent: a.seats.find((s) => s.power === p.from)?.agent ?? p.from,
    matchId: null,
  }));
}

export interface MeasuresAnswer {
  matches: number;
  perModel: PooledModelMeasures[];
  promises: JudgedPromiseRow[];
}
