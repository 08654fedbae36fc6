/**
 * Per-model measures over many Diplomacy matches: each match's measures (model-measures.ts) for
 * one agent name, pooled. Counts are summed; each rate is pooled over its own denominator, so a
 * long match weighs what it held: first-try invalid answers and re-asks over decisions, press
 * answered over press received, promises kept over kept + broken (structured, and judged free
 * text where a judge ran, with its lies and changes of plan), tokens and cost over the phases
 * played, centres per year over the phases played, prompt sizes per phase and purpose over their
 * calls. A rate with nothing under it is null.
 */
import type {
  CommitmentReport,
  DiplomacyAnalysis,
  FreeTextReport,
  JudgedPromiseRow,
  ModelMeasures,
  PooledModelMeasures,
  PromptSize,
} from '@parley/protocol';

/** One agent's pooled measures, as GET /api/measures/diplomacy and tournament reports serve them. */
export type AgentMeasures = PooledModelMeasures;

/**
 * What pooling reads of one match's analysis: its phases, per-model measures and the per-agent
 * promise tallies. A tournament keeps just this per match (`measuredMatch`), not the whole analysis.
 */
export interface MeasuredMatch {
  movementPhases: DiplomacyAnalysis['movementPhases'];
  perModel: DiplomacyAnalysis['perModel'];
  commitments: Pick<CommitmentReport, 'perAgent'>;
  freeText?: Pick<FreeTextReport, 'perAgent'>;
}

export const measuredMatch = (a: DiplomacyAnalysis): MeasuredMatch => ({
  movementPhases: a.movementPhases,
  perModel: a.perModel,
  commitments: { perAgent: a.commitments.perAgent },
  ...(a.freeText && { freeText: { perAgent: a.freeText.perAgent } }),
});

/** Σ value × weight / Σ weight over the matches where the value is known. */
class Pool {
  private sum = 0;
  private weight = 0;
  add(value: number | null, weight: number): void {
    if (value === null || weight <= 0) return;
    this.sum += value * weight;
    this.weight += weight;
  }
  get value(): number | null {
    return this.weight > 0 ? this.sum / this.weight : null;
  }
}

const keptRate = (kept: number, broken: number) => (kept + broken > 0 ? kept / (kept + broken) : null);

export function agentMeasures(analyses: readonly MeasuredMatch[]): AgentMeasures[] {
  const names = [...new Set(analyses.flatMap((a) => Object.keys(a.perModel ?? {})))].sort();
  return names.map((agent) => {
    const out = {
      agent,
      matches: 0,
      judgedMatches: 0,
      decisions: 0,
      fallbacks: { timeout: 0, illegal: 0, error: 0, missing: 0 },
      pressSent: 0,
      pressReceived: 0,
      lies: 0,
      changesOfPlan: 0,
    };
    const pools = { invalid: new Pool(), reasks: new Pool(), answered: new Pool(), centres: new Pool() };
    const promises = { kept: 0, broken: 0, judgedKept: 0, judgedBroken: 0 };
    const prompts = new Map<string, PromptSize>();
    let tokens = 0;
    let cost = 0;
    let phases = 0;
    for (const a of analyses) {
      const m = a.perModel?.[agent];
      if (!m) continue;
      out.matches++;
      out.decisions += m.decisions;
      for (const k of Object.keys(out.fallbacks) as (keyof ModelMeasures['fallbacks'])[]) out.fallbacks[k] += m.fallbacks[k];
      out.pressSent += m.pressSent;
      out.pressReceived += m.pressReceived;
      pools.invalid.add(m.firstTryInvalid, m.decisions);
      pools.reasks.add(m.reasksPerDecision, m.decisions);
      pools.answered.add(m.pressAnswered, m.pressReceived);
      // model-measures.ts divides tokens and cost by these phases: multiplying back is exact.
      const played = Math.max(1, a.movementPhases) * m.seats.length;
      pools.centres.add(m.centresPerYear, played);
      tokens += m.tokensPerPhase * played;
      cost += m.costPerPhase * played;
      phases += played;
      const structured = a.commitments.perAgent[agent];
      promises.kept += structured?.kept ?? 0;
      promises.broken += structured?.broken ?? 0;
      const judged = a.freeText?.perAgent[agent];
      if (a.freeText) out.judgedMatches++;
      promises.judgedKept += judged?.kept ?? 0;
      promises.judgedBroken += judged?.broken ?? 0;
      out.lies += judged?.lies ?? 0;
      out.changesOfPlan += judged?.changesOfPlan ?? 0;
      for (const p of m.promptTokens ?? []) {
        const key = `${p.phase}|${p.purpose}`;
        const into = prompts.get(key) ?? { ...p, calls: 0, meanTokensIn: 0, maxTokensIn: 0 };
        into.meanTokensIn = (into.meanTokensIn * into.calls + p.meanTokensIn * p.calls) / (into.calls + p.calls);
        into.calls += p.calls;
        into.maxTokensIn = Math.max(into.maxTokensIn, p.maxTokensIn);
        prompts.set(key, into);
      }
    }
    return {
      ...out,
      firstTryInvalid: pools.invalid.value,
      reasksPerDecision: pools.reasks.value,
      pressAnswered: pools.answered.value,
      promisesKept: keptRate(promises.kept, promises.broken),
      judgedPromisesKept: keptRate(promises.judgedKept, promises.judgedBroken),
      centresPerYear: pools.centres.value,
      tokensPerPhase: phases > 0 ? tokens / phases : 0,
      costPerPhase: phases > 0 ? cost / phases : 0,
      promptTokens: [...prompts.values()],
    };
  });
}

/** The judged free-text promises of these matches, each with the agent that made it. */
export function judgedPromises(analyses: readonly (DiplomacyAnalysis & { matchId?: string })[]): JudgedPromiseRow[] {
  return analyses.flatMap((a) =>
    (a.freeText?.promises ?? []).map((p) => ({
      ...p,
      agent: a.seats.find((s) => s.power === p.from)?.agent ?? p.from,
      matchId: a.matchId ?? null,
    })),
  );
}
