import Link from 'next/link';
import type { JudgedPromiseRow, PooledModelMeasures } from '../lib/analysis';
import { formatFixed, formatUsd } from '../lib/format';

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(100 * x)}%`);

/** The mean size of its decision prompts over every phase, and the largest. */
function orderPrompt(m: PooledModelMeasures): string {
  const decide = (m.promptTokens ?? []).filter((p) => p.purpose === 'decide');
  const calls = decide.reduce((n, p) => n + p.calls, 0);
  if (calls === 0) return '–';
  const mean = decide.reduce((n, p) => n + p.meanTokensIn * p.calls, 0) / calls;
  return `${formatFixed(mean, 0)} (${Math.max(...decide.map((p) => p.maxTokensIn))})`;
}

/** Columns of the per-model table: heading, what it means, and the cell. */
const COLUMNS: { head: string; title: string; cell: (m: PooledModelMeasures) => string }[] = [
  { head: 'Matches', title: 'matches played (judged)', cell: (m) => `${m.matches} (${m.judgedMatches})` },
  { head: 'First-try invalid', title: 'decisions whose first answer was unusable', cell: (m) => pct(m.firstTryInvalid) },
  { head: 'Re-asks', title: 'further requests per decision', cell: (m) => formatFixed(m.reasksPerDecision, 2) },
  {
    head: 'Fallbacks',
    title: 'actions played for it: timeout / illegal / error / missing',
    cell: (m) => `${m.fallbacks.timeout} / ${m.fallbacks.illegal} / ${m.fallbacks.error} / ${m.fallbacks.missing}`,
  },
  { head: 'Press sent', title: 'messages written', cell: (m) => String(m.pressSent) },
  { head: 'Answered', title: 'messages received that it answered in the same phase', cell: (m) => pct(m.pressAnswered) },
  { head: 'Promises kept', title: 'structured commitments kept', cell: (m) => pct(m.promisesKept) },
  { head: 'Judged kept', title: 'free-text promises kept, as judged', cell: (m) => pct(m.judgedPromisesKept) },
  {
    head: 'Lies / changes',
    title: 'broken free-text promises judged lies / changes of plan',
    cell: (m) => `${m.lies} / ${m.changesOfPlan}`,
  },
  { head: 'Centres / year', title: 'supply centres held each spring', cell: (m) => formatFixed(m.centresPerYear, 1) },
  { head: 'Order prompt', title: 'mean tokens of a decision prompt (largest)', cell: (m) => orderPrompt(m) },
  { head: 'Tokens / phase', title: 'tokens in and out per movement phase', cell: (m) => formatFixed(m.tokensPerPhase, 0) },
  { head: 'Cost / phase', title: 'USD per movement phase', cell: (m) => formatUsd(m.costPerPhase) },
];

/** Per-model measures pooled over Diplomacy matches, one row per agent (a model at one setting). */
export function ModelMeasuresTable({ rows }: { rows: PooledModelMeasures[] }) {
  if (rows.length === 0) return <p className="small muted">No finished Diplomacy matches to measure yet.</p>;
  return (
    <div className="table-wrap">
      <table data-testid="model-measures">
        <thead>
          <tr>
            <th scope="col">Agent</th>
            {COLUMNS.map((c) => (
              <th key={c.head} scope="col" className="num" title={c.title}>
                {c.head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.agent}>
              <td>
                <Link href={`/agents/${encodeURIComponent(m.agent)}`}>{m.agent}</Link>
              </td>
              {COLUMNS.map((c) => (
                <td key={c.head} className="num">
                  {c.cell(m)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const INTENT: Record<string, string> = { lie: 'lie', 'change-of-plan': 'change of plan', unclear: 'unclear' };

/** Promises made in free text: what was said, whether the orders kept it, and for broken ones why. */
export function JudgedPromises({ promises }: { promises: JudgedPromiseRow[] }) {
  if (promises.length === 0)
    return <p className="small muted">No judged promises yet: the operator runs a judge on a finished match.</p>;
  return (
    <ul className="small" data-testid="judged-promises">
      {promises.slice(0, 100).map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a promise has no id of its own
        <li key={i}>
          <strong>{p.agent}</strong> ({p.from}, {p.sentIn}): “{p.text.slice(0, 200)}” —{' '}
          <span className={`badge ${p.verdict === 'broken' ? 'aborted' : 'finished'}`}>{p.verdict}</span>
          {p.intent && <> · {INTENT[p.intent] ?? p.intent}</>} <span className="muted">{p.intentReason ?? p.reason}</span>
          {p.matchId && (
            <>
              {' '}
              · <Link href={`/matches/${encodeURIComponent(p.matchId)}`}>match</Link>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
