/**
 * The analyzer's outputs, as JSON lines: `parley solve` prints one checkpoint per line
 * (`iteration`, `exploitability`, `nashConv`, `value`, `algorithm`), and `parley analyze
 * diplomacy` one analysis per match record (supports, alliances, betrayals, commitments).
 * Parsing is shared by the server page (files in a directory) and the browser (an opened file).
 */
import type { DiplomacyAnalysis, JudgedPromiseRow, PromiseRates, SolvePoint } from '@parley/protocol';

/** The shapes are the protocol's (the server's analyzer builds them); pages import them from here too. */
export type {
  DiplomacyAnalysis,
  JudgedPromiseRow,
  MeasuresAnswer,
  PooledModelMeasures,
  PromiseRates,
  SolvePoint,
} from '@parley/protocol';

/**
 * A checkpoint as read from a file: one printed before `parley solve` timed its runs lacks
 * `seconds` (and older ones `algorithm`, `nashConv` or `value`, filled in below).
 */
export type SolveCheckpoint = Omit<SolvePoint, 'seconds'> & Partial<Pick<SolvePoint, 'seconds'>>;

export interface AnalysisFile {
  file: string;
  kind: 'solve' | 'diplomacy' | 'unknown';
  solve: SolveCheckpoint[];
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

/** A match's judged promises, each with the agent of the power that made it. */
export function judgedRows(a: DiplomacyAnalysis): JudgedPromiseRow[] {
  return (a.freeText?.promises ?? []).map((p) => ({
    ...p,
    agent: a.seats.find((s) => s.power === p.from)?.agent ?? p.from,
    matchId: null,
  }));
}
