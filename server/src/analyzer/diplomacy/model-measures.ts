/**
 * Per-model measures of one Diplomacy match: how well each agent (by name, so one model at one
 * budget setting) worked the harness and the table. Per agent, over its seats:
 *
 * - decisions: decide requests that opened a decision (attempt 1);
 * - firstTryInvalid: the share of those whose first answer was not usable (parse or engine error);
 * - reasks: further requests per decision (retries after a bad answer or a provider failure);
 * - fallbacks: actions the runtime had to play for it, by cause (timeout, illegal, error, missing);
 * - pressSent, and pressAnswered: messages it received from a power it then wrote to in the same
 *   phase, over the messages it received;
 * - promisesKept: structured commitments kept over kept + broken (commitments.ts); judged free-text
 *   ones when a judge ran (judge.ts);
 * - centresPerYear: mean supply centres owned at the start of each spring after the first;
 * - tokensPerPhase and costPerPhase: over the movement phases it took part in;
 * - promptTokens: the size of its prompts per phase and purpose (decide, negotiate, retry,
 *   summarize, reflect): calls, mean and largest `tokensIn` as the provider counted them, so a
 *   prompt that grows with the game (memory, ledger, press) shows where it grows.
 *
 * A fork's continuation is measured from its fork: `phases` are then its own (index.ts
 * `measuredPhases`), and the calls, actions and press it carried over from its parent are left
 * to the parent's measures.
 */
import type { CommitmentReport, FreeTextReport, ModelMeasures, PromptSize } from '@parley/protocol';
import { ownPart } from '../../runtime/branch';
import type { MatchRecord } from '../../runtime/record';
import { type MovementPhase, POWERS, turnsBySeq } from './phases';

export type { ModelMeasures, PromptSize };

/** Prompt sizes per phase (in game order) and purpose, from the calls' provider-counted tokensIn. */
export function promptSizes(
  calls: readonly { seq: number; purpose: string; tokensIn: number }[],
  turns: readonly string[],
): PromptSize[] {
  const groups = new Map<string, PromptSize & { order: number }>();
  for (const c of calls) {
    const phase = turns[Math.min(c.seq, turns.length - 1)] ?? '?';
    const key = `${phase}|${c.purpose}`;
    const g = groups.get(key) ?? { phase, purpose: c.purpose, calls: 0, meanTokensIn: 0, maxTokensIn: 0, order: c.seq };
    g.meanTokensIn = (g.meanTokensIn * g.calls + c.tokensIn) / (g.calls + 1);
    g.calls++;
    g.maxTokensIn = Math.max(g.maxTokensIn, c.tokensIn);
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.order - b.order).map(({ order: _order, ...g }) => g);
}

const rate = (n: number, d: number) => (d > 0 ? n / d : null);

export function modelMeasures(
  record: MatchRecord,
  phases: readonly MovementPhase[],
  commitments: CommitmentReport,
  freeText?: FreeTextReport,
): Record<string, ModelMeasures> {
  const out: Record<string, ModelMeasures> = Object.create(null);
  const agents = [...new Set(record.seats.map((s) => s.agent))];
  // Springs whose centres this match decided: not the first (the opening position, or the
  // fork's, which the parent decided).
  const from = record.branch?.seq ?? 0;
  const springs = phases.filter((p) => p.code.startsWith('S') && p.startSeq > from);
  const turns = turnsBySeq(record);
  const own = ownPart(record);
  const calls = record.modelCalls.filter(own);
  const actions = record.actions.filter(own);
  const messages = record.messages.filter(own);
  for (const agent of agents) {
    const seats = record.seats.filter((s) => s.agent === agent).map((s) => s.seat);
    const mine = (seat: number) => seats.includes(seat);
    const its = calls.filter((c) => mine(c.seat));
    const opened = its.filter((c) => c.purpose === 'decide' && c.attempt === 1);
    const fallbacks = { timeout: 0, illegal: 0, error: 0, missing: 0 };
    for (const a of actions) if (a.fallback && a.actor !== 'chance' && mine(a.actor)) fallbacks[a.fallback]++;
    const sent = messages.filter((m) => mine(m.from));
    const received = messages.filter((m) => !mine(m.from) && (m.to === 'all' || m.to.some(mine)));
    const answered = received.filter((m) =>
      sent.some((s) => s.phase === m.phase && s.seq >= m.seq && (s.to === 'all' || s.to.includes(m.from))),
    );
    const kept = (r: { kept: number; broken: number }[]) => {
      const k = r.reduce((n, x) => n + x.kept, 0);
      return rate(k, k + r.reduce((n, x) => n + x.broken, 0));
    };
    const powers = seats.map((s) => POWERS[s]!);
    const centres = springs.flatMap((p) => powers.map((power) => p.centres.filter((c) => c.power === power).length));
    const phasesPlayed = Math.max(1, phases.length) * seats.length;
    out[agent] = {
      seats,
      decisions: opened.length,
      firstTryInvalid: rate(opened.filter((c) => c.error).length, opened.length),
      reasksPerDecision: rate(its.filter((c) => c.purpose === 'retry').length, opened.length),
      fallbacks,
      pressSent: sent.length,
      pressReceived: received.length,
      pressAnswered: rate(answered.length, received.length),
      promisesKept: kept(powers.map((p) => commitments.perPower[p])),
      judgedPromisesKept: freeText ? kept(powers.map((p) => freeText.perPower[p])) : null,
      centresPerYear: centres.length > 0 ? centres.reduce((a, b) => a + b, 0) / centres.length : null,
      tokensPerPhase: its.reduce((n, c) => n + c.tokensIn + c.tokensOut, 0) / phasesPlayed,
      costPerPhase: its.reduce((n, c) => n + c.costUsd, 0) / phasesPlayed,
      promptTokens: promptSizes(its, turns),
    };
  }
  return out;
}
