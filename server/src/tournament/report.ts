/**
 * The tournament report, in JSON and Markdown: the leaderboard with intervals, the head-to-head
 * matrix (paired win rates, ties as half, and mean payoffs), match counts, model usage and cost
 * per participant, and for budget sweeps the rating against the budget (the test-time-compute
 * curve) as a table and as JSON series ready for a chart; for games the analyzer reads
 * (Diplomacy), the per-model measures per participant and per setting of each sweep (measures.ts).
 */

import type { BudgetPoint, HeadToHead, MetaGame, SweepSeries, TournamentReport, Usage } from '@parley/protocol';
import { alphaRank } from '../ratings/alpha-rank';
import { INTERVAL_LABEL, type Leaderboard, type LeaderboardRow, METHOD_LABEL, scoredMatches } from '../ratings/leaderboard';
import { nashAveraging } from '../ratings/nash-averaging';
import { pairUnits, type RatedMatch } from '../ratings/outcomes';
import { SCORING_LABEL } from '../ratings/scoring';
import { FALLBACK_CAUSES, noFallbacks, paretoFront } from './harness';
import { type AgentMeasures, measuresTable, participantMeasures } from './measures';
import type { MatchSummary } from './play';
import type { ResolvedSpec } from './spec';

/** The report and its sweeps carry Diplomacy's per-model measures, the analyzer's shape. */
export type Report = TournamentReport<AgentMeasures>;
type Sweep = SweepSeries<AgentMeasures>;

export function buildReport(
  spec: ResolvedSpec,
  fingerprint: string,
  results: readonly MatchSummary[],
  leaderboard: Leaderboard,
  scheduled: number,
  harnessClean: Report['harnessClean'] = null,
): Report {
  const names = spec.participants.map((p) => p.name);
  const played = results.filter((r) => r.returns);
  const usage = usageOf(names, results);
  const rated = scoredMatches(ratedResults(results), spec.scoring);
  const h2h = headToHead(names, rated, { chips: Boolean(spec.ratings.poker) });
  const rows = new Map(leaderboard.rows.map((r) => [r.name, r]));
  const measures = participantMeasures(names, results);
  return {
    format: 'parley.tournament-report',
    version: 1,
    name: spec.name,
    ...(spec.description !== undefined && { description: spec.description }),
    game: spec.game,
    params: spec.params,
    seats: spec.seats,
    tournamentFormat: spec.format,
    duplicate: spec.duplicate,
    fingerprint,
    generatedAt: new Date().toISOString(),
    matches: {
      scheduled,
      finished: played.length,
      failed: results.length - played.length,
      actions: results.reduce((s, r) => s + r.actions, 0),
      fallbacks: results.reduce((s, r) => s + r.fallbacks.reduce((a, b) => a + b, 0), 0),
    },
    leaderboard,
    headToHead: h2h,
    metaGame: metaGameOf(h2h),
    usage,
    budget: budgetOf(leaderboard, usage),
    harnessClean,
    sweeps: sweepsOf(spec, leaderboard, rows, new Map(usage.map((u) => [u.name, u])), new Map(measures.map((m) => [m.agent, m]))),
    modelMeasures: measures,
    errors: results.flatMap((r) => (r.error ? [{ id: r.id, error: r.error }] : [])).slice(0, 20),
  };
}

/** The finished matches as the rating methods read them. */
export function ratedResults(results: readonly MatchSummary[]): RatedMatch[] {
  return results.flatMap((m) =>
    m.returns
      ? [
          {
            seats: m.seats,
            returns: m.returns,
            group: m.group,
            groupSize: m.groupSize,
            ...(m.standing && { standing: m.standing }),
          },
        ]
      : [],
  );
}

/**
 * Row against column over the same paired comparisons the ratings use: scores by sign, or for
 * poker linear in the duplicate pair's chips (`pairUnits`); mean payoffs (or scores) per match.
 */
export function headToHead(
  names: readonly string[],
  matches: readonly RatedMatch[],
  options: { chips?: boolean } = {},
): HeadToHead {
  const n = names.length;
  const index = new Map(names.map((name, i) => [name, i]));
  const grid = () => Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const [games, score, payoffSum, payoffCount] = [grid(), grid(), grid(), grid()];
  for (const g of pairUnits(matches, options).flat()) {
    const [i, j] = [index.get(g.a)!, index.get(g.b)!];
    games[i]![j]! += 1;
    games[j]![i]! += 1;
    score[i]![j]! += g.score;
    score[j]![i]! += 1 - g.score;
  }
  for (const r of matches)
    r.seats.forEach((a, sa) => {
      for (const b of new Set(r.seats)) {
        if (b === a) continue;
        const [i, j] = [index.get(a)!, index.get(b)!];
        payoffSum[i]![j]! += r.returns[sa]!;
        payoffCount[i]![j]! += 1;
      }
    });
  return {
    names: [...names],
    games,
    winRate: games.map((row, i) => row.map((g, j) => (g > 0 ? score[i]![j]! / g : null))),
    meanPayoff: payoffCount.map((row, i) => row.map((c, j) => (c > 0 ? payoffSum[i]![j]! / c : null))),
  };
}

export function metaGameOf(h: HeadToHead): MetaGame {
  const rates = h.winRate.map((row, i) => row.map((x, j) => (i === j || x === null ? 0.5 : x)));
  return {
    basis: 'head-to-head score rates (½ where two never met); Nash averaging on rate − ½, α-Rank with α = 10, m = 50',
    nashAveraging: nashAveraging(
      h.names,
      rates.map((row) => row.map((x) => x - 0.5)),
    ),
    alphaRank: alphaRank(h.names, rates),
  };
}

function budgetOf(board: Leaderboard, usage: readonly Usage[]): BudgetPoint[] {
  const rows = new Map(board.rows.map((r) => [r.name, r]));
  const points = usage.map((u) => ({
    name: u.name,
    rating: rows.get(u.name)?.rating?.value ?? null,
    costPerMatch: u.costPerMatch,
    tokensPerMatch: u.tokensPerMatch,
  }));
  const front = paretoFront(points.map((p) => ({ rating: p.rating, cost: p.costPerMatch })));
  return points.map((p, i) => ({ ...p, onFront: front.has(i) }));
}

function usageOf(names: readonly string[], results: readonly MatchSummary[]): Usage[] {
  const blank = (name: string): Usage => ({
    name,
    matches: 0,
    failed: 0,
    fallbacks: 0,
    modelCalls: 0,
    tokensIn: 0,
    tokensOut: 0,
    costUsd: 0,
    costPerMatch: 0,
    decisions: 0,
    thinkMs: 0,
    tokensPerMatch: 0,
    tokensPerDecision: 0,
    costPerDecision: 0,
    msPerMatch: 0,
    msPerDecision: 0,
    fallbackRate: 0,
    fallbacksByCause: noFallbacks(),
  });
  const usage = new Map(names.map((name) => [name, blank(name)]));
  for (const r of results) {
    for (const name of new Set(r.seats)) {
      const u = usage.get(name)!;
      if (r.returns) u.matches++;
      else u.failed++;
    }
    r.seats.forEach((name, seat) => {
      const u = usage.get(name)!;
      u.fallbacks += r.fallbacks[seat] ?? 0;
      u.modelCalls += r.modelCalls[seat] ?? 0;
      u.tokensIn += r.tokensIn[seat] ?? 0;
      u.tokensOut += r.tokensOut[seat] ?? 0;
      u.costUsd += r.costUsd[seat] ?? 0;
      u.decisions += r.decisions?.[seat] ?? 0;
      u.thinkMs += r.thinkMs?.[seat] ?? 0;
      const causes = r.fallbackCauses?.[seat];
      if (causes) for (const c of FALLBACK_CAUSES) u.fallbacksByCause[c] += causes[c];
    });
  }
  const per = (x: number, n: number) => (n > 0 ? x / n : 0);
  return [...usage.values()].map((u) => {
    const tokens = u.tokensIn + u.tokensOut;
    return {
      ...u,
      costPerMatch: per(u.costUsd, u.matches),
      tokensPerMatch: per(tokens, u.matches),
      tokensPerDecision: per(tokens, u.decisions),
      costPerDecision: per(u.costUsd, u.decisions),
      msPerMatch: per(u.thinkMs, u.matches),
      msPerDecision: per(u.thinkMs, u.decisions),
      fallbackRate: per(u.fallbacks, u.decisions),
    };
  });
}

function sweepsOf(
  spec: ResolvedSpec,
  board: Leaderboard,
  rows: Map<string, LeaderboardRow>,
  usage: Map<string, Usage>,
  measures: Map<string, AgentMeasures>,
): Sweep[] {
  const groups = new Map<string, Sweep>();
  for (const p of spec.participants) {
    if (!p.sweep) continue;
    const series = groups.get(p.sweep.group) ?? { agent: p.sweep.group, base: p.base, metric: board.primary, points: [] };
    const row = rows.get(p.name);
    const u = usage.get(p.name);
    const matches = u?.matches ?? 0;
    series.points.push({
      name: p.name,
      label: p.sweep.label,
      overrides: p.overrides ?? {},
      rating: row?.rating?.value ?? null,
      lo: row?.rating?.lo ?? null,
      hi: row?.rating?.hi ?? null,
      matches,
      costPerMatch: u?.costPerMatch ?? 0,
      tokensPerMatch: matches > 0 ? ((u?.tokensIn ?? 0) + (u?.tokensOut ?? 0)) / matches : 0,
      fallbackRate: u?.fallbackRate ?? 0,
      lateDecisions: u?.fallbacksByCause.late ?? 0,
      measures: measures.get(p.name) ?? null,
    });
    groups.set(p.sweep.group, series);
  }
  return [...groups.values()];
}

const identicalNote = (r: LeaderboardRow) =>
  r.mbb?.duplicate?.identical || r.mbb?.raw?.identical ? 'identical in duplicate' : '–';
const num = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? '–' : x.toFixed(d));
const cell = (text: string) => text.replace(/\|/g, '\\|');

export function renderMarkdown(report: Report): string {
  const b = report.leaderboard;
  const d = b.primary === 'openskill' || b.primary === 'mean-payoff' ? 3 : 1;
  const out: string[] = [`# ${report.name}`, ''];
  if (report.description) out.push(report.description, '');
  out.push(
    `${report.game} (${report.seats} seats), ${report.tournamentFormat.type}${report.duplicate ? ', duplicate' : ''}: ` +
      `${report.matches.finished} of ${report.matches.scheduled} matches played` +
      `${report.matches.failed ? `, ${report.matches.failed} failed` : ''}, ${report.matches.fallbacks} fallback actions.`,
    '',
    '## Leaderboard',
    '',
    `${b.basis}.`,
    ...(b.scoring ? ['', `Scoring: ${SCORING_LABEL[b.scoring]}; see docs/scoring.md.`] : []),
    '',
  );
  const standing = b.rows.some((r) => r.centres);
  const intervalHead = b.interval ? INTERVAL_LABEL[b.interval] : 'interval';
  out.push(
    `| # | participant | ${METHOD_LABEL[b.primary]} | ${intervalHead} | matches | W-D-L | mean ${b.scoring ? 'score' : 'payoff'} |${standing ? ' centres | years survived |' : ''}`,
    `|---:|---|---:|---|---:|---|---:|${standing ? '---:|---:|' : ''}`,
  );
  for (const r of b.rows) {
    const ci =
      r.rating?.lo != null && r.rating?.hi != null ? `[${num(r.rating.lo, d)}, ${num(r.rating.hi, d)}]` : identicalNote(r);
    const extra = standing ? ` ${num(r.centres?.value, 2)} | ${num(r.yearsSurvived, 2)} |` : '';
    out.push(
      `| ${r.rank} | ${cell(r.name)}${r.provisional ? ' *' : ''} | ${num(r.rating?.value, d)} | ${ci} | ${r.matches} | ${r.wins}-${r.draws}-${r.losses} | ${num(r.meanPayoff?.value, 3)} |${extra}`,
    );
  }
  if (b.rows.some((r) => r.provisional)) out.push('', `\\* provisional: fewer than ${b.provisionalBelow} matches.`);

  const h = report.headToHead;
  out.push('', '## Head to head', '', 'Row against column: score rate (wins + ½ draws) over paired results, with the count.', '');
  out.push(`| | ${h.names.map(cell).join(' | ')} |`, `|---|${h.names.map(() => '---:').join('|')}|`);
  h.names.forEach((name, i) => {
    const cells = h.names.map((_, j) =>
      i === j || h.games[i]![j] === 0 ? '–' : `${(100 * h.winRate[i]![j]!).toFixed(1)}% (${h.games[i]![j]})`,
    );
    out.push(`| ${cell(name)} | ${cells.join(' | ')} |`);
  });
  out.push('', 'Mean payoff of the row in matches with the column:', '');
  out.push(`| | ${h.names.map(cell).join(' | ')} |`, `|---|${h.names.map(() => '---:').join('|')}|`);
  h.names.forEach((name, i) => {
    out.push(`| ${cell(name)} | ${h.names.map((_, j) => (i === j ? '–' : num(h.meanPayoff[i]![j], 3))).join(' | ')} |`);
  });

  const meta = report.metaGame;
  if (meta) {
    out.push(
      '',
      '## Meta-game',
      '',
      `Over the ${meta.basis}. Nash averaging rates each participant by its payoff against the maximum-entropy Nash mixture of the field (0 for the mixture's members; robust to near-copies); α-Rank gives the share of time evolution spends at each participant.`,
      '',
      '| participant | Nash weight | Nash-averaged rating | α-Rank mass |',
      '|---|---:|---:|---:|',
    );
    for (const [i, name] of meta.nashAveraging.names.entries())
      out.push(
        `| ${cell(name)} | ${num(meta.nashAveraging.weights[i], 3)} | ${num(meta.nashAveraging.ratings[i], 3)} | ${num(meta.alphaRank.mass[i], 3)} |`,
      );
  }

  out.push(
    '',
    '## Usage',
    '',
    '| participant | matches | failed | fallbacks | model calls | tokens in | tokens out | cost (USD) | per match |',
  );
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const u of report.usage)
    out.push(
      `| ${cell(u.name)} | ${u.matches} | ${u.failed} | ${u.fallbacks} | ${u.modelCalls} | ${u.tokensIn} | ${u.tokensOut} | ${u.costUsd.toFixed(4)} | ${u.costPerMatch.toFixed(4)} |`,
    );

  if (report.usage.some((u) => u.decisions > 0)) {
    out.push(
      '',
      '## Budget and harness',
      '',
      'Per participant: tokens, cost and thinking time per match and per decision, and the harness failure rate (fallbacks per decision) by cause. ★ marks the Pareto front of rating against cost per match.',
      '',
      '| participant | rating | cost/match | cost/decision | tokens/match | tokens/decision | ms/match | ms/decision | fallback rate | late | illegal | unparsable | provider error | missing |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    const budget = new Map((report.budget ?? []).map((b) => [b.name, b]));
    for (const u of report.usage) {
      const b = budget.get(u.name);
      const c = u.fallbacksByCause;
      out.push(
        `| ${cell(u.name)}${b?.onFront ? ' ★' : ''} | ${num(b?.rating, d)} | ${u.costPerMatch.toFixed(4)} | ${u.costPerDecision.toFixed(5)} | ${u.tokensPerMatch.toFixed(0)} | ${u.tokensPerDecision.toFixed(1)} | ${u.msPerMatch.toFixed(1)} | ${u.msPerDecision.toFixed(2)} | ${(100 * u.fallbackRate).toFixed(2)}% | ${c.late} | ${c.illegal} | ${c.unparsable} | ${c.providerError} | ${c.missing} |`,
      );
    }
  }
  if (report.harnessClean) {
    const clean = report.harnessClean.leaderboard;
    out.push(
      '',
      '## Harness-clean leaderboard',
      '',
      `Leaving out the ${report.harnessClean.excluded} matches in which any seat fell back (late, illegal, unparsable, provider error or missing). ${clean.basis}.`,
      '',
      `| # | participant | ${METHOD_LABEL[clean.primary]} | interval | matches |`,
      '|---:|---|---:|---|---:|',
    );
    for (const r of clean.rows) {
      const ci = r.rating?.lo != null && r.rating?.hi != null ? `[${num(r.rating.lo, d)}, ${num(r.rating.hi, d)}]` : '–';
      out.push(`| ${r.rank} | ${cell(r.name)} | ${num(r.rating?.value, d)} | ${ci} | ${r.matches} |`);
    }
  }

  if (report.modelMeasures?.length) {
    out.push(
      '',
      '## Per model',
      '',
      "The analyzer's measures per participant over its matches: decisions whose first answer was unusable, further requests per decision, actions the runtime played for it by cause, press sent and the share of press received it answered in the same phase, structured promises kept (and free-text ones where a judge ran), supply centres each spring, and tokens and cost per movement phase.",
      '',
      ...measuresTable(report.modelMeasures),
    );
  }

  for (const s of report.sweeps) {
    out.push(
      '',
      `## Budget sweep: ${cell(s.agent)}`,
      '',
      `${s.metric} against the setting, budget or clock (\`${s.base}\`); the series is in report.json under \`sweeps\`.`,
      '',
    );
    out.push(
      `| setting | ${METHOD_LABEL[s.metric]} | 95% interval | matches | tokens per match | cost per match (USD) | fallbacks | late |`,
      '|---|---:|---|---:|---:|---:|---:|---:|',
    );
    for (const p of s.points)
      out.push(
        `| ${cell(p.label)} | ${num(p.rating, d)} | ${p.lo != null && p.hi != null ? `[${num(p.lo, d)}, ${num(p.hi, d)}]` : '–'} | ${p.matches} | ${p.tokensPerMatch.toFixed(0)} | ${p.costPerMatch.toFixed(4)} | ${(100 * p.fallbackRate).toFixed(1)}% | ${p.lateDecisions} |`,
      );
    const measured = s.points.flatMap((p) => (p.measures ? [{ ...p.measures, agent: p.label }] : []));
    if (measured.length > 0) out.push('', 'Per-model measures per setting:', '', ...measuresTable(measured, 'setting'));
  }
  if (report.errors.length > 0) {
    out.push('', '## Failed matches', '');
    for (const e of report.errors) out.push(`- \`${e.id}\`: ${e.error}`);
  }
  return `${out.join('\n')}\n`;
}
