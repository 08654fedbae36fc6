import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LineChart } from '../../../components/charts/charts';
import { LeaderboardView } from '../../../components/LeaderboardView';
import { ModelMeasuresTable } from '../../../components/ModelMeasures';
import { formatFixed, formatNumber, formatTime, formatUsd, gameName } from '../../../lib/format';
import { getTournament, METHOD_LABEL } from '../../../lib/tournaments';

export const dynamic = 'force-dynamic';

type Params = Promise<{ name: string }>;

export async function generateMetadata({ params }: { params: Params }) {
  const { name } = await params;
  return { title: `Tournament ${decodeURIComponent(name)}` };
}

/** Shade from red (0) through white (0.5) to green (1), for win rates. */
function rateColour(rate: number): string {
  const r = rate < 0.5 ? 255 : Math.round(255 - (rate - 0.5) * 2 * 120);
  const g = rate > 0.5 ? 255 : Math.round(255 - (0.5 - rate) * 2 * 120);
  const b = Math.round(255 - Math.abs(rate - 0.5) * 2 * 120);
  return `rgb(${r}, ${g}, ${b})`;
}

const SWEEP_COLOURS = ['#1d4ed8', '#b45309', '#15803d', '#7c3aed', '#be123c'];

/** A tournament report: leaderboard, head to head, usage and cost, budget sweeps. */
export default async function TournamentPage({ params }: { params: Params }) {
  const { name } = await params;
  const got = await getTournament(decodeURIComponent(name));
  if (!got.ok) return <p className="error-box">{got.error.message}</p>;
  const t = got.data;
  if (!t) notFound();
  const r = t.report;
  return (
    <div className="stack">
      <p className="small" style={{ margin: 0 }}>
        <Link href="/leaderboard">← All leaderboards</Link>
      </p>
      <h1>{t.name}</h1>
      <p className="muted small">
        {gameName(t.game)}
        {r ? ` · ${r.seats} seats · ${r.tournamentFormat.type}${r.duplicate ? ', duplicate' : ''}` : ''} · generated{' '}
        {formatTime(Date.parse(t.generatedAt))} UTC
      </p>
      {t.description && <p>{t.description}</p>}
      {r && (
        <p>
          {r.matches.finished.toLocaleString('en-US')} of {r.matches.scheduled.toLocaleString('en-US')} matches played
          {r.matches.failed ? `, ${r.matches.failed} failed` : ''}; {r.matches.actions.toLocaleString('en-US')} actions,{' '}
          {r.matches.fallbacks} fallback actions.
        </p>
      )}
      <section className="panel" aria-labelledby="lb">
        <h2 id="lb" style={{ marginTop: 0 }}>
          Leaderboard
        </h2>
        {t.leaderboard ? <LeaderboardView board={t.leaderboard} caption={`${t.name} leaderboard`} /> : <p>No ratings.</p>}
      </section>
      {r && (
        <section className="panel" aria-labelledby="h2h">
          <h2 id="h2h" style={{ marginTop: 0 }}>
            Head to head
          </h2>
          <p className="small muted">
            Row against column: score rate (wins + ½ draws) over paired results, with the number of pairings.
          </p>
          <div className="table-wrap">
            <table className="heat">
              <thead>
                <tr>
                  <th scope="col" />
                  {r.headToHead.names.map((n) => (
                    <th key={n} scope="col">
                      {n}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.headToHead.names.map((row, i) => (
                  <tr key={row}>
                    <th scope="row" style={{ textAlign: 'left' }}>
                      {row}
                    </th>
                    {r.headToHead.names.map((col, j) => {
                      const rate = r.headToHead.winRate[i]?.[j] ?? null;
                      const games = r.headToHead.games[i]?.[j] ?? 0;
                      return (
                        <td key={col} style={rate !== null && i !== j ? { background: rateColour(rate) } : undefined}>
                          {i === j || rate === null ? '–' : `${(100 * rate).toFixed(1)}% (${games})`}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>Mean payoff of the row in matches with the column</h3>
          <div className="table-wrap">
            <table className="heat">
              <thead>
                <tr>
                  <th scope="col" />
                  {r.headToHead.names.map((n) => (
                    <th key={n} scope="col">
                      {n}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {r.headToHead.names.map((row, i) => (
                  <tr key={row}>
                    <th scope="row" style={{ textAlign: 'left' }}>
                      {row}
                    </th>
                    {r.headToHead.names.map((col, j) => (
                      <td key={col}>{i === j ? '–' : formatNumber(r.headToHead.meanPayoff[i]?.[j], 3)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {r?.metaGame && (
        <section className="panel" aria-labelledby="meta">
          <h2 id="meta" style={{ marginTop: 0 }}>
            Meta-game
          </h2>
          <p className="small muted">
            Over the {r.metaGame.basis}. Nash averaging rates each participant by its payoff against the maximum-entropy Nash
            mixture of the field (0 for its members; near-copies do not move it); α-Rank gives the share of time evolution spends
            at each participant.
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Participant</th>
                  <th scope="col" className="num">
                    Nash weight
                  </th>
                  <th scope="col" className="num">
                    Nash-averaged rating
                  </th>
                  <th scope="col" className="num">
                    α-Rank mass
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.metaGame.nashAveraging.names.map((n, i) => (
                  <tr key={n} data-metagame={n}>
                    <td>{n}</td>
                    <td className="num">{formatFixed(r.metaGame?.nashAveraging.weights[i], 3)}</td>
                    <td className="num">{formatFixed(r.metaGame?.nashAveraging.ratings[i], 3)}</td>
                    <td className="num">{formatFixed(r.metaGame?.alphaRank.mass[i], 3)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {r?.budget && r.usage.some((u) => (u.decisions ?? 0) > 0) && (
        <section className="panel" aria-labelledby="budget">
          <h2 id="budget" style={{ marginTop: 0 }}>
            Budget and harness
          </h2>
          <p className="small muted">
            Rating against cost per match: the line joins the Pareto front (nobody rated higher for less, marked ★). Fallbacks are
            answers the harness replaced by the default, by cause.
          </p>
          <LineChart
            title={`${t.name}: rating against cost per match, Pareto front`}
            xLabel="cost per match (USD)"
            yLabel={METHOD_LABEL[t.leaderboard?.primary ?? ''] ?? 'rating'}
            series={[
              {
                label: 'Pareto front',
                colour: SWEEP_COLOURS[0] as string,
                points: r.budget
                  .filter((b) => b.onFront && b.rating !== null)
                  .map((b) => ({ x: b.costPerMatch, y: b.rating as number }))
                  .sort((a, b) => a.x - b.x),
              },
              {
                label: 'off the front',
                colour: SWEEP_COLOURS[1] as string,
                dashed: true,
                points: r.budget
                  .filter((b) => !b.onFront && b.rating !== null)
                  .map((b) => ({ x: b.costPerMatch, y: b.rating as number }))
                  .sort((a, b) => a.x - b.x),
              },
            ]}
            height={220}
          />
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Participant</th>
                  <th scope="col" className="num">
                    Cost/match
                  </th>
                  <th scope="col" className="num">
                    Cost/decision
                  </th>
                  <th scope="col" className="num">
                    Tokens/match
                  </th>
                  <th scope="col" className="num">
                    Tokens/decision
                  </th>
                  <th scope="col" className="num">
                    ms/match
                  </th>
                  <th scope="col" className="num">
                    ms/decision
                  </th>
                  <th scope="col" className="num">
                    Fallback rate
                  </th>
                  <th scope="col">Late · illegal · unparsable · provider error · missing</th>
                </tr>
              </thead>
              <tbody>
                {r.usage.map((u) => {
                  const c = u.fallbacksByCause;
                  return (
                    <tr key={u.name} data-budget={u.name}>
                      <td>
                        {u.name}
                        {r.budget?.find((b) => b.name === u.name)?.onFront ? ' ★' : ''}
                      </td>
                      <td className="num">{formatUsd(u.costPerMatch)}</td>
                      <td className="num">{formatUsd(u.costPerDecision ?? 0)}</td>
                      <td className="num">{formatFixed(u.tokensPerMatch, 0)}</td>
                      <td className="num">{formatFixed(u.tokensPerDecision, 1)}</td>
                      <td className="num">{formatFixed(u.msPerMatch, 1)}</td>
                      <td className="num">{formatFixed(u.msPerDecision, 2)}</td>
                      <td className="num">{formatFixed(100 * (u.fallbackRate ?? 0), 2)}%</td>
                      <td className="small">
                        {c ? `${c.late} · ${c.illegal} · ${c.unparsable} · ${c.providerError} · ${c.missing}` : '–'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {r.harnessClean && (
            <>
              <h3>Harness-clean leaderboard</h3>
              <p className="small muted">Leaving out the {r.harnessClean.excluded} matches in which any seat fell back.</p>
              <LeaderboardView board={r.harnessClean.leaderboard} caption={`${t.name} harness-clean leaderboard`} />
            </>
          )}
        </section>
      )}
      {r && (
        <section className="panel" aria-labelledby="usage">
          <h2 id="usage" style={{ marginTop: 0 }}>
            Usage and cost
          </h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Participant</th>
                  <th scope="col" className="num">
                    Matches
                  </th>
                  <th scope="col" className="num">
                    Failed
                  </th>
                  <th scope="col" className="num">
                    Fallbacks
                  </th>
                  <th scope="col" className="num">
                    Model calls
                  </th>
                  <th scope="col" className="num">
                    Tokens in
                  </th>
                  <th scope="col" className="num">
                    Tokens out
                  </th>
                  <th scope="col" className="num">
                    Cost
                  </th>
                  <th scope="col" className="num">
                    Per match
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.usage.map((u) => (
                  <tr key={u.name}>
                    <td>
                      <Link href={`/agents/${encodeURIComponent(u.name)}`}>{u.name}</Link>
                    </td>
                    <td className="num">{u.matches.toLocaleString('en-US')}</td>
                    <td className="num">{u.failed}</td>
                    <td className="num">{u.fallbacks}</td>
                    <td className="num">{u.modelCalls.toLocaleString('en-US')}</td>
                    <td className="num">{u.tokensIn.toLocaleString('en-US')}</td>
                    <td className="num">{u.tokensOut.toLocaleString('en-US')}</td>
                    <td className="num">{formatUsd(u.costUsd)}</td>
                    <td className="num">{formatUsd(u.costPerMatch)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {r?.modelMeasures && r.modelMeasures.length > 0 && (
        <section className="panel" aria-labelledby="per-model">
          <h2 id="per-model" style={{ marginTop: 0 }}>
            Per model
          </h2>
          <p className="small muted">
            The analyzer&apos;s measures per participant over its matches: unusable first answers, re-asks, fallbacks by cause,
            press, promises kept, centres, and tokens and cost per movement phase (hover a heading for its definition).
          </p>
          <ModelMeasuresTable rows={r.modelMeasures} />
        </section>
      )}
      {r && r.sweeps.length > 0 && (
        <section className="panel" aria-labelledby="sweeps">
          <h2 id="sweeps" style={{ marginTop: 0 }}>
            Budget sweeps
          </h2>
          <p className="small muted">Rating against tokens spent per match (test-time compute), with 95% intervals.</p>
          <LineChart
            title="Rating against tokens per match"
            xLabel="tokens per match"
            yLabel={METHOD_LABEL[r.sweeps[0]?.metric ?? ''] ?? 'rating'}
            series={r.sweeps.map((s, i) => ({
              label: s.agent,
              colour: SWEEP_COLOURS[i % SWEEP_COLOURS.length] as string,
              points: s.points
                .filter((p) => p.rating !== null)
                .map((p) => ({ x: p.tokensPerMatch, y: p.rating as number, lo: p.lo, hi: p.hi }))
                .sort((a, b) => a.x - b.x),
            }))}
          />
          {r.sweeps.map((s) => (
            <div key={s.agent} className="table-wrap">
              <h3>{s.agent}</h3>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Setting</th>
                    <th scope="col" className="num">
                      Rating
                    </th>
                    <th scope="col">95% interval</th>
                    <th scope="col" className="num">
                      Tokens / match
                    </th>
                    <th scope="col" className="num">
                      Cost / match
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.points.map((p) => (
                    <tr key={p.name}>
                      <td>{p.label}</td>
                      <td className="num">{formatFixed(p.rating, 1)}</td>
                      <td className="small mono">
                        {p.lo !== null && p.hi !== null ? `[${formatFixed(p.lo, 1)}, ${formatFixed(p.hi, 1)}]` : '–'}
                      </td>
                      <td className="num">{Math.round(p.tokensPerMatch).toLocaleString('en-US')}</td>
                      <td className="num">{formatUsd(p.costPerMatch)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {s.points.some((p) => p.measures) && (
                <ModelMeasuresTable rows={s.points.flatMap((p) => (p.measures ? [p.measures] : []))} />
              )}
            </div>
          ))}
        </section>
      )}
      {r && r.errors.length > 0 && (
        <section className="panel">
          <h2 style={{ marginTop: 0 }}>Failed matches</h2>
          <ul className="small mono">
            {r.errors.map((e) => (
              <li key={e.id}>
                {e.id}: {e.error}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
